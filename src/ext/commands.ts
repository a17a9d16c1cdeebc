import type { TabsApi } from './connector';
import type { NextFinding } from './messages';

/**
 * Keyboard commands (the manifest's `commands`), forwarded from the
 * background to the page: the content script knows the findings, the
 * background only knows which tab is in front.
 */

/** The command that moves to the page's next finding. */
export const NEXT_FINDING_COMMAND = 'next-finding';

/**
 * Sends `{ type: 'next-finding' }` to the top frame of `tab` (the tab the
 * browser says the command was pressed in) or, when the browser does not
 * say, of the active tab. Other commands and pages without our content
 * script are ignored: a key press has nowhere to report an error.
 */
export async function forwardCommand(command: string, tab: { id?: number } | undefined, tabs: TabsApi): Promise<boolean> {
  if (command !== NEXT_FINDING_COMMAND) return false;
  try {
    const tabId = tab?.id ?? (await tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined || tabId < 0) return false;
    const message: NextFinding = { type: 'next-finding' };
    await tabs.sendMessage(tabId, message, { frameId: 0 });
    return true;
  } catch {
    return false;
  }
}
