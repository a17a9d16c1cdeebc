/**
 * Stands in for webextension-polyfill in the unit tests (vitest.config.ts):
 * the polyfill throws when loaded outside an extension. Nothing in a unit
 * test reaches the API through it (the modules that use the API take it as a
 * parameter and get fakes), so `undefined`, as `wxt/browser` gives outside an
 * extension, is all it needs to be.
 */
export default undefined as never;
