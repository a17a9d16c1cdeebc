import { describe, expect, it } from 'vitest';
import { opensWelcome } from '../../../src/ext/welcome';

describe('opensWelcome: when the first-run page opens', () => {
  it.each([
    ['a fresh install', 'install', true],
    ['an update of the extension', 'update', false],
    ['an update of the browser', 'browser_update', false],
    ['a shared module update', 'shared_module_update', false],
  ])('%s', (_reason, reason, expected) => {
    expect(opensWelcome({ reason })).toBe(expected);
  });
});
