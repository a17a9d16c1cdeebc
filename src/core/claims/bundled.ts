import raw from '../../../assets/claims.json';
import { loadClaimSet } from './load';
import type { ClaimSet } from './types';

let bundled: ClaimSet | undefined;

/**
 * The claim set shipped with the extension, validated once on first use. The
 * check that every passage is in the reference runs in the tests, not here, so
 * the content script need not carry the whole reference text.
 */
export function bundledClaimSet(): ClaimSet {
  bundled ??= loadClaimSet(raw, { file: 'assets/claims.json' });
  return bundled;
}
