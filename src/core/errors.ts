/**
 * The engine's error messages live here, so they read alike and tests can
 * match them.
 */

/** A claim set that cannot be used: the message names the file and the field. */
export class ClaimSetError extends Error {
  override readonly name = 'ClaimSetError';
  constructor(
    readonly file: string,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    const shown = problems.slice(0, 5).map((p) => `${p.path} ${p.message}`);
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    super(`${file}: invalid claim set: ${shown.join('; ')}${more}`);
  }
}

export function notJson(file: string, detail: string): ClaimSetError {
  return new ClaimSetError(file, [{ path: '(file)', message: `is not valid JSON: ${detail}` }]);
}

/** Where a text stopped being JSON, as `findJsonSyntaxProblem` says it. */
export interface JsonBreak {
  line: number;
  column: number;
  reason: string;
  truncated: boolean;
  /** The break is at the first character that is not a space: the file is not JSON at all. */
  atStart: boolean;
}

export function brokenJson(file: string, at: JsonBreak): ClaimSetError {
  const where = `line ${at.line}, column ${at.column}: ${at.reason}`;
  const message = at.atStart
    ? `is not valid JSON: it is not JSON at all (${where}); a claim set is a JSON file`
    : at.truncated
      ? `is not valid JSON: it ends too early, at ${where} (the file looks cut short)`
      : `is not valid JSON: ${where}`;
  return new ClaimSetError(file, [{ path: '(file)', message }]);
}

export function emptyFile(file: string): ClaimSetError {
  return new ClaimSetError(file, [{ path: '(file)', message: 'is empty: a claim set is a JSON file with its claims and reference text' }]);
}

/** Sizes in the reader's units: "2.4 MB". */
function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 100_000 ? 2 : 1)} MB`;
}

export function fileTooLarge(file: string, bytes: number, limit: number): ClaimSetError {
  return new ClaimSetError(file, [
    { path: '(file)', message: `is ${megabytes(bytes)}; a claim set may be at most ${megabytes(limit)} (the browser keeps at most 10 MB for an extension)` },
  ]);
}

export function referenceMissing(file: string): ClaimSetError {
  return new ClaimSetError(file, [
    { path: 'reference', message: 'is missing: an imported claim set carries its reference text in the field "reference", so that every passage can be checked against it' },
  ]);
}
