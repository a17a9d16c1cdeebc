// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { FlashTimers, TreeStyles } from '../../../../src/page/marking/mark-upkeep';
import { OwnNodes } from '../../../../src/page/shared/own-nodes';

/** A window whose timers the test runs by hand. */
function handTimers(): { win: Window; due: Map<number, { ms: number; run: () => void }> } {
  const due = new Map<number, { ms: number; run: () => void }>();
  let next = 1;
  const win = {
    setTimeout: (run: () => void, ms: number) => {
      due.set(next, { ms, run });
      return next++;
    },
    clearTimeout: (id: number) => void due.delete(id),
  } as unknown as Window;
  return { win, due };
}

describe('FlashTimers', () => {
  it('ends each flash after the flash time, once', () => {
    const { win, due } = handTimers();
    const ended: string[] = [];
    const flashes = new FlashTimers(250);
    flashes.start(win, () => ended.push('a'));
    flashes.start(win, () => ended.push('b'));
    expect([...due.values()].map((timer) => timer.ms)).toEqual([250, 250]);
    due.get(1)!.run();
    expect(ended).toEqual(['a']);
    flashes.endAll();
    expect(ended, 'endAll ends only what is still under way').toEqual(['a', 'b']);
    expect(due.has(2), 'its timer is cleared').toBe(false);
  });

  it('lasts 1600 ms unless told otherwise', () => {
    const { win, due } = handTimers();
    new FlashTimers().start(win, () => undefined);
    new FlashTimers(undefined).start(win, () => undefined);
    expect([...due.values()].map((timer) => timer.ms)).toEqual([1600, 1600]);
  });
});

describe('TreeStyles', () => {
  it('puts the CSS once into each document and shadow root it is asked for, never into a detached subtree, and takes it all out', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const detached = document.createElement('div');
    const styles = new TreeStyles('p { color: red; }', new OwnNodes(), 'element');
    for (const root of [document, shadow, document, shadow, detached]) styles.ensure(root);
    const count = () => [document.querySelectorAll('style[data-ejfc]').length, shadow.querySelectorAll('style[data-ejfc]').length, detached.querySelectorAll('style').length];
    expect(count()).toEqual([1, 1, 0]);
    styles.removeAll();
    expect(count()).toEqual([0, 0, 0]);
  });
});
