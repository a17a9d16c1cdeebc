/** `--NAME N` from the command line: a whole number above 0, or `fallback` when the option is not given; a clear error otherwise. */
export function wholeNumberOption(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} wants a whole number above 0, not "${process.argv[at + 1] ?? ''}"`);
  return value;
}
