import raw from '../../../assets/claims.json';
import type { ClaimSet } from './types';

/**
 * The claim set shipped with the extension. It is not validated here, on
 * every page the reader opens (that cost about 4 ms a page in Chromium): the
 * build refuses a set that does not load (`wxt.config.ts`, the `build:before`
 * hook, with `loadClaimSet` and the reference text), and so do the tests
 * (tests/unit/core/claims.test.ts). A set the reader imports is validated in
 * full, since nothing vouches for it.
 */
export function bundledClaimSet(): ClaimSet {
  return raw as unknown as ClaimSet;
}
