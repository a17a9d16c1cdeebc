import { describe, expect, it, vi } from 'vitest';
import { CARD_SCRIPT, CARD_UI_SLOT, cardUiLoader, injectCardScript, offerCardUi } from '../../../src/ext/card-script';
import type { CardUi } from '../../../src/page/cards/card-ui';

const UI = { verdictName: () => 'x' } as unknown as CardUi;

describe('the card script handing its UI to the content script', () => {
  it('the loader asks once, and settles with what the injected script offers; later calls get the same', async () => {
    const world = {};
    const ask = vi.fn(async () => {
      // What the background's injection does: cards.js runs in the same world before the answer comes.
      expect(offerCardUi(UI, world)).toBe(true);
    });
    const load = cardUiLoader(ask, world);
    expect(await load()).toBe(UI);
    expect(await load()).toBe(UI);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(typeof (world as Record<string, unknown>)[CARD_UI_SLOT]).toBe('function');
  });

  it('a failed ask, or a script that offered nothing, rejects; the next call asks again', async () => {
    const world = {};
    const ask = vi.fn().mockRejectedValueOnce(new Error('no tab')).mockResolvedValueOnce(undefined).mockImplementationOnce(async () => offerCardUi(UI, world));
    const load = cardUiLoader(ask, world);
    await expect(load()).rejects.toThrow('no tab');
    await expect(load()).rejects.toThrow('without handing over');
    expect(await load()).toBe(UI);
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('with no content script there to take it, the offer is not taken', () => {
    expect(offerCardUi(UI, {})).toBe(false);
  });
});

describe('injectCardScript', () => {
  const tabs = () => ({ executeScript: vi.fn(async () => [undefined]) });

  it('MV3: scripting into the frame that asked', async () => {
    const scripting = { executeScript: vi.fn(async () => []) };
    const api = { scripting, tabs: tabs() };
    await injectCardScript(api, { tab: { id: 7 }, frameId: 3 });
    expect(scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: [CARD_SCRIPT] });
    expect(api.tabs.executeScript).not.toHaveBeenCalled();
  });

  it('MV2 (no scripting): tabs.executeScript into the frame that asked', async () => {
    const api = { tabs: tabs() };
    await injectCardScript(api, { tab: { id: 7 }, frameId: 0 });
    expect(api.tabs.executeScript).toHaveBeenCalledWith(7, { file: CARD_SCRIPT, frameId: 0 });
  });

  it('a message from no tab (an extension page) gets nothing injected', async () => {
    const api = { tabs: tabs() };
    await expect(injectCardScript(api, { frameId: 0 })).rejects.toThrow();
    expect(api.tabs.executeScript).not.toHaveBeenCalled();
  });
});
