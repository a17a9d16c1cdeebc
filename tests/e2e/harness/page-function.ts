import type { PageFunction } from './types';

/**
 * The source of an expression that runs `fn(arg)` in a page and settles to the
 * result as a JSON string (or `undefined`), for protocols that evaluate text.
 */
export function callAsJsonExpression<Arg, Result>(fn: PageFunction<Arg, Result>, arg: Arg | undefined): string {
  const argument = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(async () => { const value = await (${fn.toString()})(${argument}); return value === undefined ? undefined : JSON.stringify(value); })()`;
}

export function parseJsonResult<Result>(json: unknown): Result {
  return (typeof json === 'string' ? JSON.parse(json) : undefined) as Result;
}
