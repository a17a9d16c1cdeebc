import type { ClaimSet } from '../core';

/**
 * Which claim set a report rests on, for the reader's export: its label, its
 * format version and a hash of the whole set, so that a fact-checker can tell
 * two reports made against different sets (or different versions of one)
 * apart, and the set's maintainers can tell which one a reader had.
 */
export interface ClaimSetIdentity {
  /** The set's `source.label`, e.g. "EEAS press release, Tokyo, 1 November 2024". */
  label: string;
  /** The set's format `version`. */
  version: number;
  /** `fnv1a64:` and 16 hex digits: FNV-1a (64-bit) over the set's JSON as loaded. An identifier, not a security measure. */
  hash: string;
}

const known = new WeakMap<ClaimSet, ClaimSetIdentity>();

/** The identity of `set`, worked out once per set object. */
export function claimSetIdentity(set: ClaimSet): ClaimSetIdentity {
  let identity = known.get(set);
  if (!identity) {
    identity = { label: set.source.label, version: set.version, hash: `fnv1a64:${fnv1a64(JSON.stringify(set))}` };
    known.set(set, identity);
  }
  return identity;
}

const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a, 64 bits, over the UTF-16 code units of `text` (each as two bytes), as 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    hash = ((hash ^ BigInt(unit & 0xff)) * PRIME) & MASK;
    hash = ((hash ^ BigInt(unit >> 8)) * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}
