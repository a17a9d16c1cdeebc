import { describe, expect, it } from 'vitest';
import { findingsOf, flaggedAnnouncement } from '../../../src/ext/labels';

const KEYS = { next: 'Alt+Shift+J', previous: 'Alt+Shift+K' };

describe('flaggedAnnouncement: what a screen reader hears when a check ends', () => {
  it.each([
    ['conflicts and unsupported statements, with the keys', { conflict: 3, unsupported: 6, supported: 4 }, KEYS, 'Fact check: 3 conflicts and 6 unsupported statements on this page; Alt+Shift+J goes to the next, Alt+Shift+K to the previous.'],
    ['one of each, in the singular', { conflict: 1, unsupported: 1, supported: 0 }, KEYS, 'Fact check: 1 conflict and 1 unsupported statement on this page; Alt+Shift+J goes to the next, Alt+Shift+K to the previous.'],
    ['conflicts only', { conflict: 2, unsupported: 0, supported: 9 }, KEYS, 'Fact check: 2 conflicts on this page; Alt+Shift+J goes to the next, Alt+Shift+K to the previous.'],
    ['no key for previous', { conflict: 0, unsupported: 2, supported: 0 }, { next: 'Ctrl+1', previous: '' }, 'Fact check: 2 unsupported statements on this page; Ctrl+1 goes to the next.'],
    ['no key at all: where to set one', { conflict: 1, unsupported: 0, supported: 0 }, { next: '', previous: '' }, 'Fact check: 1 conflict on this page; give "Go to the next flagged statement" a key in the browser\'s shortcut settings to go from one to the next.'],
  ])('%s', (_reason, summary, keys, expected) => {
    expect(flaggedAnnouncement(summary, keys)).toBe(expected);
  });

  it('nothing flagged (supported sentences only): nothing to say', () => {
    expect(flaggedAnnouncement({ conflict: 0, unsupported: 0, supported: 5 }, KEYS)).toBeUndefined();
  });
});

describe('findingsOf', () => {
  it('the report\'s findings when it lists them', () => {
    const findings = [{ verdict: 'conflict' as const, severity: 'hard' as const, reason: 'A.', quote: 'P.' }, { verdict: 'unsupported' as const, reason: 'B.' }];
    expect(findingsOf({ verdict: 'conflict', severity: 'hard', reason: 'A. B.', quote: 'P.', findings })).toBe(findings);
  });

  it('a sentence without the list gives its one reason and passage', () => {
    expect(findingsOf({ verdict: 'unsupported', reason: 'B.' })).toEqual([{ verdict: 'unsupported', reason: 'B.' }]);
    expect(findingsOf({ verdict: null })).toEqual([]);
  });
});
