import type { FindingShortcuts } from '../page/cards/card-ui';
import type { TabsApi } from './connector';
import type { NextFinding, PreviousFinding } from './messages';

/**
 * Keyboard commands (the manifest's `commands`), forwarded from the
 * background to the page: the content script knows the findings, the
 * background only knows which tab is in front.
 */

/** The command that moves to the page's next finding. */
export const NEXT_FINDING_COMMAND = 'next-finding';
/** The command that moves to the page's previous finding. */
export const PREVIOUS_FINDING_COMMAND = 'previous-finding';

/** The commands that move between findings: each is sent to the page as the message of the same name. */
export type FindingCommand = typeof NEXT_FINDING_COMMAND | typeof PREVIOUS_FINDING_COMMAND;

/** A command as the manifest declares it: the key it suggests and what it does. */
export interface CommandDefinition {
  /** The suggested key (the browser may leave it unassigned when another extension has it; the reader can change it). */
  readonly suggestedKey: string;
  readonly description: string;
}

/**
 * The finding commands, defined once: the manifest (wxt.config.ts) declares
 * them from here, and the popup, the card and the announcement name these keys
 * when the browser does not tell which key is assigned. J and K: down and up,
 * as in many readers and mail clients.
 */
export const FINDING_COMMANDS: Readonly<Record<FindingCommand, CommandDefinition>> = Object.freeze({
  [NEXT_FINDING_COMMAND]: Object.freeze({ suggestedKey: 'Alt+Shift+J', description: 'Go to the next flagged statement' }),
  [PREVIOUS_FINDING_COMMAND]: Object.freeze({ suggestedKey: 'Alt+Shift+K', description: 'Go to the previous flagged statement' }),
});

/** The keys assigned to the finding commands; `''` for a command the reader left without a key (the page's cards name them: `src/page/cards/card-ui.ts`). */
export type { FindingShortcuts } from '../page/cards/card-ui';

/** The suggested keys, for when the browser's actual assignment is not known. */
export const SUGGESTED_SHORTCUTS: Readonly<FindingShortcuts> = Object.freeze({
  next: FINDING_COMMANDS[NEXT_FINDING_COMMAND].suggestedKey,
  previous: FINDING_COMMANDS[PREVIOUS_FINDING_COMMAND].suggestedKey,
});

/**
 * The keys as the browser assigned them (`commands.getAll()`), falling back
 * to the suggested key for a command the browser does not list.
 */
export function shortcutsFrom(commands: readonly { name?: string; shortcut?: string }[]): FindingShortcuts {
  const keyOf = (name: FindingCommand, fallback: string): string => {
    const command = commands.find((c) => c.name === name);
    return command ? (command.shortcut ?? '') : fallback;
  };
  return { next: keyOf(NEXT_FINDING_COMMAND, SUGGESTED_SHORTCUTS.next), previous: keyOf(PREVIOUS_FINDING_COMMAND, SUGGESTED_SHORTCUTS.previous) };
}

/** The manifest's `commands` entry, from `FINDING_COMMANDS`. */
export function manifestCommands(): Record<string, { suggested_key: { default: string }; description: string }> {
  return Object.fromEntries(
    Object.entries(FINDING_COMMANDS).map(([name, { suggestedKey, description }]) => [name, { suggested_key: { default: suggestedKey }, description }]),
  );
}

function isFindingCommand(command: string): command is FindingCommand {
  return command === NEXT_FINDING_COMMAND || command === PREVIOUS_FINDING_COMMAND;
}

/**
 * Sends `{ type: 'next-finding' }` or `{ type: 'previous-finding' }` to the
 * top frame of `tab` (the tab the browser says the command was pressed in)
 * or, when the browser does not say, of the active tab. Other commands and
 * pages without our content script are ignored: a key press has nowhere to
 * report an error.
 */
export async function forwardCommand(command: string, tab: { id?: number } | undefined, tabs: TabsApi): Promise<boolean> {
  if (!isFindingCommand(command)) return false;
  try {
    const tabId = tab?.id ?? (await tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined || tabId < 0) return false;
    const message: NextFinding | PreviousFinding = { type: command };
    await tabs.sendMessage(tabId, message, { frameId: 0 });
    return true;
  } catch {
    return false;
  }
}
