import { describe, expect, it } from 'vitest';
import { forwardCommand, NEXT_FINDING_COMMAND } from '../../../src/ext/commands';
import type { TabsApi } from '../../../src/ext/connector';

function fakeTabs(active: { id?: number } | undefined, fail = false) {
  const sent: unknown[] = [];
  const tabs: TabsApi = {
    query: async () => (active ? [active] : []),
    sendMessage: async (tabId, message, options) => {
      if (fail) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push({ tabId, message, options });
      return undefined;
    },
  };
  return { tabs, sent };
}

describe('forwardCommand', () => {
  it.each<[string, string, { id?: number } | undefined, { id?: number } | undefined, unknown[]]>([
    ['next-finding goes to the top frame of the tab it was pressed in', NEXT_FINDING_COMMAND, { id: 5 }, { id: 9 }, [{ tabId: 5, message: { type: 'next-finding' }, options: { frameId: 0 } }]],
    ['without a tab from the browser, to the active tab', NEXT_FINDING_COMMAND, undefined, { id: 9 }, [{ tabId: 9, message: { type: 'next-finding' }, options: { frameId: 0 } }]],
    ['no tab at all: nothing is sent', NEXT_FINDING_COMMAND, undefined, undefined, []],
    ['another command is not ours', 'toggle-something', { id: 5 }, { id: 9 }, []],
  ])('%s', async (_reason, command, tab, active, expected) => {
    const { tabs, sent } = fakeTabs(active);
    await forwardCommand(command, tab, tabs);
    expect(sent).toEqual(expected);
  });

  it('a page without the content script is not an error', async () => {
    const { tabs } = fakeTabs({ id: 9 }, true);
    await expect(forwardCommand(NEXT_FINDING_COMMAND, { id: 9 }, tabs)).resolves.toBe(false);
  });
});
