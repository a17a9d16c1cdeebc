// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OwnNodes } from '../../../src/page/own-nodes';
import { PageWatcher, type PageChanges } from '../../../src/page/page-watcher';

let watcher: PageWatcher | undefined;
afterEach(() => {
  watcher?.stop();
  watcher = undefined;
  document.body.innerHTML = '';
});

function watch(own = new OwnNodes()): { batches: PageChanges[]; own: OwnNodes; watcher: PageWatcher } {
  const batches: PageChanges[] = [];
  watcher = new PageWatcher({
    document,
    own,
    read: { shadowRoots: true, frames: true },
    wasRead: () => false,
    isOnPage: (node) => node.isConnected,
    onChanges: (changes) => batches.push(changes),
    settleMs: 5,
    maxWaitMs: 50,
  });
  watcher.watch(document);
  return { batches, own, watcher };
}

/** Let the records reach the watcher (observers are called after the current task), then wait for its batch. */
async function quiet(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await vi.waitFor(() => expect(watcher!.busy).toBe(false));
}

describe('PageWatcher', () => {
  it('hands over a frame that loads inside a watched shadow root (its load event does not leave the root)', async () => {
    const { batches, watcher: w } = watch();
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const frame = document.createElement('iframe');
    root.append(frame);
    w.watch(root);
    await quiet();
    batches.length = 0;
    frame.dispatchEvent(new Event('load', { bubbles: false, composed: false }));
    await quiet();
    expect(batches.flatMap((batch) => batch.nodes)).toContain(frame);
  });

  it('hands over added nodes in one batch, only the outermost of them', async () => {
    const { batches } = watch();
    const section = document.createElement('section');
    document.body.append(section);
    section.append(document.createElement('p'), 'loose text');
    const later = document.createElement('p');
    document.body.append(later);
    await quiet();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.nodes).toEqual([section, later]);
    expect(batches[0]!.removed).toBe(false);
  });

  it.each([
    ['an element of its own', (own: OwnNodes) => document.body.append(own.add(document.createElement('ejfc-mark')))],
    ['an attribute the page uses for other things', () => document.body.setAttribute('class', 'dark')],
    ['an attribute that hides', () => document.body.setAttribute('hidden', '')],
  ])('ignores %s', async (_what, change: (own: OwnNodes) => void) => {
    const own = new OwnNodes();
    const { batches } = watch(own);
    const mine = own.add(document.createElement('div'));
    document.body.append(mine);
    await quiet();
    batches.length = 0;
    change(own);
    // And a node put inside one of its own.
    mine.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(batches.flatMap((b) => b.nodes)).toEqual([]);
  });

  it('hands over an element the page shows again', async () => {
    document.body.innerHTML = '<p hidden>Later.</p>';
    const { batches } = watch();
    const p = document.querySelector('p')!;
    p.hidden = false;
    await quiet();
    expect(batches.flatMap((b) => b.nodes)).toEqual([p]);
  });

  it('says when the page took something out', async () => {
    document.body.innerHTML = '<p>Gone soon.</p>';
    const { batches } = watch();
    document.querySelector('p')!.remove();
    await quiet();
    expect(batches.some((b) => b.removed)).toBe(true);
  });

  it('holds batches while held and hands them over on release', async () => {
    const { batches, watcher: w } = watch();
    w.hold();
    const p = document.createElement('p');
    document.body.append(p);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(batches).toEqual([]);
    expect(w.busy).toBe(true);
    w.release();
    await quiet();
    expect(batches.flatMap((b) => b.nodes)).toEqual([p]);
  });

  it('watches open shadow roots it is told of', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const { batches, watcher: w } = watch();
    w.watch(shadow);
    const p = document.createElement('p');
    shadow.append(p);
    await quiet();
    expect(batches.flatMap((b) => b.nodes)).toEqual([p]);
  });

  it('hands nothing over once stopped', async () => {
    const { batches, watcher: w } = watch();
    w.stop();
    document.body.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(batches).toEqual([]);
  });
});
