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
