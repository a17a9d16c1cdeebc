// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { CountAnnouncer } from '../../../../src/page/cards/count-announcer';

const KEYS = { next: 'N', previous: 'P' };
const words = (s: { conflict: number; unsupported: number }) => (s.conflict + s.unsupported > 0 ? `${s.conflict}/${s.unsupported}` : undefined);

describe('CountAnnouncer', () => {
  it('flagged counts wait while it is not ready, and are said (the latest) on resume', () => {
    let ready = false;
    const say = vi.fn();
    const a = new CountAnnouncer({ win: window, say, shortcuts: () => KEYS, flaggedAnnouncement: words, ready: () => ready, everyMs: 0 });
    a.counts({ conflict: 1, unsupported: 0, supported: 0 });
    a.counts({ conflict: 2, unsupported: 1, supported: 0 });
    expect(say).not.toHaveBeenCalled();
    ready = true;
    a.resume();
    expect(say).toHaveBeenCalledExactlyOnceWith('2/1');
    a.resume();
    expect(say).toHaveBeenCalledTimes(1);
  });

  it('nothing flagged: readiness is not asked (nothing would be said)', () => {
    const ready = vi.fn(() => false);
    const say = vi.fn();
    const a = new CountAnnouncer({ win: window, say, shortcuts: () => KEYS, flaggedAnnouncement: words, ready });
    a.counts({ conflict: 0, unsupported: 0, supported: 4 });
    expect(ready).not.toHaveBeenCalled();
    expect(say).not.toHaveBeenCalled();
  });

  it('stopped, it says nothing on resume', () => {
    let ready = false;
    const say = vi.fn();
    const a = new CountAnnouncer({ win: window, say, shortcuts: () => KEYS, flaggedAnnouncement: words, ready: () => ready });
    a.counts({ conflict: 1, unsupported: 0, supported: 0 });
    a.stop();
    ready = true;
    a.resume();
    expect(say).not.toHaveBeenCalled();
  });
});
