import { ClaimSetError, fileTooLarge, referenceMissing } from '../errors';
import { loadClaimSet, parseJson } from './load';
import type { ClaimSet } from './types';

/**
 * The largest claim-set file a reader may import, in bytes of UTF-8. A set
 * 100 times the bundled one (about 1.8 MB with its reference text) loads and
 * checks in well under a second; the limit keeps the stored set, whose JSON
 * counts against the 10 MB `storage.local` gives an extension without
 * `unlimitedStorage`, to half of it, so settings and a set being replaced
 * still fit beside it.
 */
export const MAX_CLAIM_SET_BYTES = 5_000_000;

/** UTF-8 length of a string, without encoding it (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export interface ImportOptions {
  /** Refuse larger files (bytes of UTF-8); `MAX_CLAIM_SET_BYTES` by default. */
  maxBytes?: number;
}

/**
 * A claim-set file as a reader imports it: one JSON file in the format of
 * `assets/claim-set.schema.json`, with its reference text in `reference`.
 * Checks, in order, that it is not too large, not empty, JSON, of the
 * schema's shape, that it carries a reference text, and that its ids are
 * unique and resolve and its passages are in the reference. Throws
 * `ClaimSetError`, whose message names the file, the field and the reason.
 */
export function parseClaimSetFile(text: string, file: string, options: ImportOptions = {}): ClaimSet {
  const limit = options.maxBytes ?? MAX_CLAIM_SET_BYTES;
  // A cheap bound first: UTF-8 takes at least one byte per UTF-16 unit and at most three.
  if (text.length > limit) throw fileTooLarge(file, utf8Length(text), limit);
  if (text.length * 3 > limit) {
    const bytes = utf8Length(text);
    if (bytes > limit) throw fileTooLarge(file, bytes, limit);
  }
  const value = parseJson(text, file);
  const set = loadClaimSet(value, { file });
  if (set.reference === undefined) throw referenceMissing(file);
  return set;
}

export { ClaimSetError };
