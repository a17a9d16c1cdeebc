import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES, highlightCss, highlightNamesOf, MARK_LOOKS, markCss, markLook, verdictOfLook, type MarkLook } from '../../../../src/page/marking/highlight-styles';

/** The declarations of `selector`'s rule in `css`, in or out of the forced-colours block. */
function declarationsOf(css: string, selector: string, forced: boolean): Record<string, string> {
  const at = css.indexOf('@media (forced-colors: active)');
  const part = forced ? css.slice(at) : css.slice(0, at);
  const start = part.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule for ${selector}`);
  const body = part.slice(start + selector.length + 2, part.indexOf('}', start));
  return Object.fromEntries(
    body
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
  );
}

const WAYS = [
  ['::highlight() rules', highlightCss(), (look: MarkLook) => `::highlight(${HIGHLIGHT_NAMES[look]})`],
  ['<ejfc-mark> rules', markCss(), (look: MarkLook) => `ejfc-mark[data-look="${look}"]`],
] as const;

describe('how the marks look', () => {
  it.each([
    ['a hard conflict', 'conflict', 'hard', false, 'conflict'],
    ['a soft conflict', 'conflict', 'soft', false, 'conflict-soft'],
    ['the second of two neighbouring unsupported claims', 'unsupported', undefined, true, 'unsupported-alt'],
    ['a supported sentence', 'supported', undefined, false, 'supported'],
  ] as const)('%s: %s', (_reason, verdict, severity, alt, look) => {
    expect(markLook(verdict, severity, alt)).toBe(look);
    expect(verdictOfLook(look)).toBe(verdict);
  });

  it('every name of a verdict starts with ejfc-VERDICT, and no other does', () => {
    expect(highlightNamesOf('conflict').sort()).toEqual(['ejfc-conflict', 'ejfc-conflict-alt', 'ejfc-conflict-soft', 'ejfc-conflict-soft-alt']);
    for (const look of MARK_LOOKS) expect(HIGHLIGHT_NAMES[look].startsWith(`ejfc-${verdictOfLook(look)}`)).toBe(true);
  });

  describe.each(WAYS)('%s', (_way, css, selector) => {
    it.each([false, true])('forced colours %s: each kind has its own line style, hard and soft conflicts differ', (forced) => {
      const kinds: MarkLook[] = ['conflict', 'conflict-soft', 'unsupported', 'supported'];
      const styles = kinds.map((look) => declarationsOf(css, selector(look), forced)['text-decoration-style']);
      expect(new Set(styles).size).toBe(kinds.length);
    });

    it('forced colours: system colours only, and only a hard conflict keeps a background', () => {
      for (const look of MARK_LOOKS) {
        const d = declarationsOf(css, selector(look), true);
        expect(d['text-decoration-color'], look).toMatch(/^(CanvasText|GrayText)$/);
        expect(d['background-color'], look).toBe(look.startsWith('conflict') && !look.startsWith('conflict-soft') ? 'Mark' : 'transparent');
      }
    });

    it.each([false, true])('forced colours %s: the second of two neighbours is drawn lower, its line otherwise the same', (forced) => {
      for (const kind of ['conflict', 'conflict-soft', 'unsupported', 'supported'] as const) {
        const plain = declarationsOf(css, selector(kind), forced);
        const alt = declarationsOf(css, selector(`${kind}-alt`), forced);
        expect(alt['text-underline-offset']).not.toBe(plain['text-underline-offset']);
        expect({ ...alt, 'text-underline-offset': '' }).toEqual({ ...plain, 'text-underline-offset': '' });
      }
    });
  });

  it('<ejfc-mark> opts out of the forcing, which page text marked with highlights cannot', () => {
    expect(markCss()).toMatch(/@media \(forced-colors: active\) \{ ejfc-mark \{ forced-color-adjust: none;/);
  });
});
