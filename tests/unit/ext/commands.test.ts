import { describe, expect, it } from 'vitest';
import { FINDING_COMMANDS, forwardCommand, manifestCommands, NEXT_FINDING_COMMAND, PREVIOUS_FINDING_COMMAND, shortcutsFrom } from '../../../src/ext/commands';
import { isExtensionMessage } from '../../../src/ext/messages';
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
    ['previous-finding goes to the page as its own message', PREVIOUS_FINDING_COMMAND, { id: 5 }, { id: 9 }, [{ tabId: 5, message: { type: 'previous-finding' }, options: { frameId: 0 } }]],
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

describe('the finding commands', () => {
  it('the manifest declares next and previous, with different suggested keys', () => {
    const commands = manifestCommands();
    expect(Object.keys(commands).sort()).toEqual([NEXT_FINDING_COMMAND, PREVIOUS_FINDING_COMMAND]);
    expect(commands[NEXT_FINDING_COMMAND]!.suggested_key.default).toBe('Alt+Shift+J');
    expect(commands[PREVIOUS_FINDING_COMMAND]!.suggested_key.default).not.toBe(commands[NEXT_FINDING_COMMAND]!.suggested_key.default);
  });

  it('each command is forwarded as a message the content script accepts', () => {
    for (const name of Object.keys(FINDING_COMMANDS)) expect(isExtensionMessage({ type: name })).toBe(true);
  });

  it.each([
    ['a key the reader cleared stays empty (nothing to announce)', [{ name: 'next-finding', shortcut: '' }, { name: 'previous-finding' }], { next: '', previous: '' }],
    ['nothing listed: the suggested keys', [], { next: 'Alt+Shift+J', previous: 'Alt+Shift+K' }],
  ])('shortcutsFrom: %s', (_reason, commands, expected) => {
    expect(shortcutsFrom(commands)).toEqual(expected);
  });
});
