import { describe, expect, it } from 'vitest';
import { applyBadge, BADGE_COLOR, badgeText, badgeUpdateFor, clearsBadge, type BadgeApi } from '../../../src/ext/badge';
import type { ReportChanged } from '../../../src/ext/messages';

const changed = (conflict: number, status: ReportChanged['status'] = 'done'): ReportChanged => ({
  type: 'report-changed',
  summary: { conflict, unsupported: 3, supported: 5 },
  status,
});

describe('badgeText', () => {
  it.each([
    ['no conflict shows nothing (unsupported and supported do not count)', 0, ''],
    ['one conflict', 1, '1'],
    ['several conflicts', 12, '12'],
    ['the largest count that fits', 99, '99'],
    ['more than fits is capped', 100, '99+'],
    ['a negative count is nonsense: nothing', -1, ''],
    ['a fraction is nonsense: nothing', 1.5, ''],
  ])('%s', (_reason, conflict, expected) => {
    expect(badgeText(changed(conflict).summary)).toBe(expected);
  });
});

describe('badgeUpdateFor', () => {
  it.each<[string, ReportChanged, { tab?: { id?: number }; frameId?: number }, ReturnType<typeof badgeUpdateFor>]>([
    ["the sender's tab gets its page's conflicts", changed(2), { tab: { id: 4 }, frameId: 0 }, { tabId: 4, text: '2' }],
    ['counts so far while scanning', changed(1, 'scanning'), { tab: { id: 4 }, frameId: 0 }, { tabId: 4, text: '1' }],
    ['a re-check that found none clears the badge', changed(0), { tab: { id: 4 }, frameId: 0 }, { tabId: 4, text: '' }],
    ['a sender without frame id (older browsers) is taken as the top frame', changed(3), { tab: { id: 4 } }, { tabId: 4, text: '3' }],
    ['a subframe does not speak for the page', changed(3), { tab: { id: 4 }, frameId: 7 }, null],
    ['a message from outside a tab (the popup) is ignored', changed(3), {}, null],
    ['a tab without an id is ignored', changed(3), { tab: {} }, null],
    ['a devtools pseudo-tab (id -1) is ignored', changed(3), { tab: { id: -1 } }, null],
  ])('%s', (_reason, message, sender, expected) => {
    expect(badgeUpdateFor(message, sender)).toEqual(expected);
  });
});

describe('clearsBadge', () => {
  it.each([
    ['a new page starts loading', { status: 'loading' }, true],
    ['the page finished loading (its content script reports next)', { status: 'complete' }, false],
    ['a title change', { title: 'x' } as { status?: string }, false],
  ])('%s', (_reason, changeInfo, expected) => {
    expect(clearsBadge(changeInfo)).toBe(expected);
  });
});

describe('applyBadge', () => {
  function recorder(fail = false) {
    const calls: unknown[] = [];
    const api: BadgeApi = {
      setBadgeText: async (details) => {
        calls.push(['text', details]);
        if (fail) throw new Error('No tab with id: 4.');
      },
      setBadgeBackgroundColor: async (details) => {
        calls.push(['color', details]);
      },
    };
    return { api, calls };
  }

  it('colours the badge and sets the text for that tab only', async () => {
    const { api, calls } = recorder();
    await applyBadge(api, { tabId: 4, text: '2' });
    expect(calls).toEqual([
      ['color', { tabId: 4, color: BADGE_COLOR }],
      ['text', { tabId: 4, text: '2' }],
    ]);
  });

  it('clears with empty text', async () => {
    const { api, calls } = recorder();
    await applyBadge(api, { tabId: 4, text: '' });
    expect(calls).toEqual([['text', { tabId: 4, text: '' }]]);
  });

  it('a tab closed meanwhile is not an error', async () => {
    const { api } = recorder(true);
    await expect(applyBadge(api, { tabId: 4, text: '1' })).resolves.toBeUndefined();
  });
});
