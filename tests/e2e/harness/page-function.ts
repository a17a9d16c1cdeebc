import type { PageFunction, ShadowRootFunction } from './types';

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

/**
 * The source of a function `(root, argJson) => Promise<JSON string | undefined>`
 * that runs `fn(root, arg)`, for protocols that call a declaration with
 * remote objects as arguments (a shadow root handed over by the browser).
 */
export function shadowRootCallDeclaration<Arg, Result>(fn: ShadowRootFunction<Arg, Result>): string {
  return `async (root, argJson) => { const value = await (${fn.toString()})(root, argJson === undefined ? undefined : JSON.parse(argJson)); return value === undefined ? undefined : JSON.stringify(value); }`;
}

/** `arg` as the JSON text `shadowRootCallDeclaration`'s function takes, or `undefined`. */
export function argumentJson(arg: unknown): string | undefined {
  return arg === undefined ? undefined : JSON.stringify(arg);
}
