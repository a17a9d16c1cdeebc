// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OwnNodes } from '../../../../src/page/shared/own-nodes';
import { PageWatcher, type PageChanges } from '../../../../src/page/reading/page-watcher';

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

/** A `ResizeObserver` whose size changes the test makes happen (happy-dom lays nothing out). */
class FakeResizeObserver {
  static all: FakeResizeObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.all.push(this);
  }
  observe(target: Element): void {
    this.targets.add(target);
  }
  unobserve(target: Element): void {
    this.targets.delete(target);
  }
  disconnect(): void {
    this.targets.clear();
  }
  /** `target` changed size: tell every observer watching it. */
  static resize(target: Element): void {
    for (const observer of FakeResizeObserver.all) {
      if (observer.targets.has(target)) observer.callback([{ target } as ResizeObserverEntry], observer as unknown as ResizeObserver);
    }
  }
}

describe('PageWatcher where the page keeps its custom element registry out of reach (Chromium content scripts)', () => {
  const registry = window.customElements;
  const ownResizeObserver = window.ResizeObserver;
  beforeEach(() => {
    FakeResizeObserver.all = [];
    Object.defineProperty(window, 'customElements', { value: null, configurable: true, writable: true });
    window.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
  });
  afterEach(() => {
    Object.defineProperty(window, 'customElements', { value: registry, configurable: true, writable: true });
    window.ResizeObserver = ownResizeObserver;
  });

  it.each([
    ['there when watching starts', true],
    ['added later', false],
  ])('an undefined custom element (%s) is handed over when it changes size with an open shadow root, once', async (_when, atStart) => {
    const name = atStart ? 'sized-story-a' : 'sized-story-b';
    document.body.innerHTML = atStart ? `<main><${name}></${name}></main>` : '<main></main>';
    const { batches } = watch();
    if (!atStart) document.querySelector('main')!.append(document.createElement(name));
    await quiet();
    batches.length = 0;
    const element = document.querySelector(name)!;

    // A change of size with no shadow root yet is no news.
    FakeResizeObserver.resize(element);
    await quiet();
    expect(batches).toEqual([]);

    registry.define(
      name,
      class extends HTMLElement {
        connectedCallback(): void {
          if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).innerHTML = '<p>Borrell met Iwaya in Tokyo.</p>';
        }
      },
    );
    await quiet();
    expect(batches, 'defining makes no mutation record').toEqual([]);
    FakeResizeObserver.resize(element);
    await quiet();
    expect(batches.flatMap((b) => b.nodes)).toEqual([element]);

    FakeResizeObserver.resize(element);
    await quiet();
    expect(batches.flatMap((b) => b.nodes), 'handed over once').toEqual([element]);
  });

  it('stops watching sizes when stopped', () => {
    document.body.innerHTML = '<main><sized-story-c></sized-story-c></main>';
    const { watcher: w } = watch();
    expect(FakeResizeObserver.all.flatMap((observer) => [...observer.targets])).toEqual([document.querySelector('sized-story-c')]);
    w.stop();
    expect(FakeResizeObserver.all.flatMap((observer) => [...observer.targets])).toEqual([]);
  });
});
