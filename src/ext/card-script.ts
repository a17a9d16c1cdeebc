/**
 * The card's UI in a script of its own. Every page the reader opens
 * evaluates the content script (`page.js`: the reader, the gate, the
 * messaging, the marks); most pages are about something else and never get
 * a mark, so the card (Preact, src/ui/card and its words) is not in it. It is
 * `cards.js` (entrypoints/cards.ts), a script the manifest does not list,
 * which the background puts into a page's frame when the page's session
 * makes its first mark and asks for it (`EngineProtocol.cardScript`).
 *
 * The two scripts meet in the extension's isolated world, which the content
 * scripts of one extension share in a frame (Chrome's isolated world,
 * Firefox's content-script sandbox), and which the page's own scripts
 * cannot see: `page.js` puts a function there under `CARD_UI_SLOT` before it
 * asks; `cards.js`, once run, hands its `CardUi` to that function.
 *
 * Injecting rather than a dynamic `import()`: an import needs the file among
 * the manifest's `web_accessible_resources`, where any page could fetch it
 * and so learn that the reader runs this extension.
 *
 * No `browser.*` here: the background passes in the API it injects with, the
 * content script the message that asks for it.
 *
 * @module
 */
import type { CardUi } from '../page/cards/card-ui';

/** The card's script in the build (the path `scripting` and `tabs.executeScript` take). */
export const CARD_SCRIPT = '/cards.js';

/** Name of the function, in the extension's isolated world, that takes the card's UI from `cards.js`. */
export const CARD_UI_SLOT = 'ejfcTakeCardUi';

type Slot = (ui: CardUi) => void;

/** A global scope holding (or not) the slot. */
type Scope = Partial<Record<typeof CARD_UI_SLOT, Slot>>;

/** In `cards.js`: hand `ui` to the content script. Returns whether it was there to take it. */
export function offerCardUi(ui: CardUi, scope: object = globalThis): boolean {
  const take = (scope as Scope)[CARD_UI_SLOT];
  if (typeof take !== 'function') return false;
  take(ui);
  return true;
}

/**
 * In `page.js`: a `loadCardUi` for the page's sessions. The first call puts
 * the slot in place and has `ask` (the message to the background) bring
 * `cards.js` in; it settles with what that script hands over, and every
 * later call (the next session, after an in-page navigation) with the same.
 * A failed load is tried again on the next call.
 */
export function cardUiLoader(ask: () => Promise<unknown>, scope: object = globalThis): () => Promise<CardUi> {
  let loading: Promise<CardUi> | undefined;
  return () => {
    loading ??= new Promise<CardUi>((resolve, reject) => {
      let taken = false;
      (scope as Scope)[CARD_UI_SLOT] = (ui) => {
        taken = true;
        resolve(ui);
      };
      // The background answers once the script has run (both browsers wait for it): by then it has handed its UI over.
      ask().then(
        () => {
          if (!taken) reject(new Error(`${CARD_SCRIPT} ran without handing over the card's UI`));
        },
        (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      );
    }).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/** What the background injects with: MV3's `scripting` (Chrome), else MV2's `tabs.executeScript` (Firefox). */
export interface ScriptInjector {
  scripting?: { executeScript(injection: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<unknown> };
  tabs: { executeScript(tabId: number, details: { file: string; frameId?: number }): Promise<unknown> };
}

/** Who asked for the card's script: the sender of the message. */
export interface ScriptAsker {
  tab?: { id?: number };
  frameId?: number;
}

/** In the background: run `cards.js` in the frame that asked. Rejects when the message came from no tab's frame. */
export async function injectCardScript(api: ScriptInjector, sender: ScriptAsker): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error(`${CARD_SCRIPT} goes only into a tab's page`);
  const frameId = sender.frameId ?? 0;
  if (api.scripting) await api.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_SCRIPT] });
  else await api.tabs.executeScript(tabId, { file: CARD_SCRIPT, frameId });
}
