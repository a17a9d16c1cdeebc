/**
 * How each mark looks on the page, defined once for both ways of marking
 * (`::highlight()` ranges and `<ejfc-mark>` elements).
 *
 * Never colour alone: each kind of mark has its own line (wavy under a hard
 * conflict, double under a soft one, dashed under an unsupported claim, thin
 * solid under a supported one), so readers who cannot tell the hues apart
 * still can tell the lines apart. The hues are mid-tones (red, amber, blue:
 * apart for the common colour-vision deficiencies) that keep about 3:1
 * against white and against black, and a conflict's background is a
 * translucent tint (fainter for a soft one), so the marks read on light and
 * dark pages alike.
 *
 * Where two marks of the same kind follow each other (two unsupported
 * sentences in a row), the second is drawn a little lower (its `-alt` look):
 * the step in the line shows where one sentence ends and the next begins.
 *
 * In forced-colours mode (Windows high contrast) the page's colours give way
 * to the reader's; the marks keep their line styles in system colours, and a
 * hard conflict alone keeps a background (`Mark`), so every kind still differs.
 * Chromium paints every custom highlight in the system's selection colours
 * there, whatever its style (seen in tests/e2e/forced-colors.test.ts: every
 * mark the same solid block, no line), unless the page's own element opts
 * out; so in that mode the session marks with `<ejfc-mark>` elements, which
 * opt out themselves (`forced-color-adjust: none`) and draw these looks.
 *
 * @module
 */
import type { Severity, Verdict } from '../../core/verdict';

/** The kinds of mark without the alternation: a verdict, and a conflict's severity. */
const KINDS = ['conflict', 'conflict-soft', 'unsupported', 'supported'] as const;
type MarkKind = (typeof KINDS)[number];

/** How a mark looks: its kind, and `-alt` for the second of two neighbours of the same kind. */
export type MarkLook = MarkKind | `${MarkKind}-alt`;

/** Every look, in a fixed order. */
export const MARK_LOOKS: readonly MarkLook[] = Object.freeze(KINDS.flatMap((kind) => [kind, `${kind}-alt` as const]));

/** The look of a mark for a sentence with `verdict` (and `severity`); `alt` for the second of two neighbours of the same kind. */
export function markLook(verdict: Verdict, severity: Severity | undefined, alt = false): MarkLook {
  const kind: MarkKind = verdict === 'conflict' && severity === 'soft' ? 'conflict-soft' : verdict;
  return alt ? `${kind}-alt` : kind;
}

/** The verdict a look marks. */
export function verdictOfLook(look: MarkLook): Verdict {
  return look.startsWith('conflict') ? 'conflict' : look.startsWith('unsupported') ? 'unsupported' : 'supported';
}

/** Whether a look is the second of two neighbours. */
export function isAltLook(look: MarkLook): boolean {
  return look.endsWith('-alt');
}

/**
 * The `CSS.highlights` name of each look's highlight: `ejfc-` and the look
 * (`ejfc-conflict` for hard conflicts, `ejfc-conflict-soft`,
 * `ejfc-unsupported-alt`, …). Every name of a verdict starts with
 * `ejfc-VERDICT`.
 */
export const HIGHLIGHT_NAMES: Readonly<Record<MarkLook, string>> = Object.freeze(
  Object.fromEntries(MARK_LOOKS.map((look) => [look, `ejfc-${look}`])) as Record<MarkLook, string>,
);

/** The highlight names of a verdict's marks (all its looks). */
export function highlightNamesOf(verdict: Verdict): string[] {
  return MARK_LOOKS.filter((look) => verdictOfLook(look) === verdict).map((look) => HIGHLIGHT_NAMES[look]);
}

/** The highlight that flashes a finding the reader asked to see. */
export const FLASH_HIGHLIGHT = 'ejfc-flash';

/** The element that wraps marked text where the Highlight API is missing. */
export const MARK_TAG = 'ejfc-mark';

interface Look {
  line: 'wavy' | 'double' | 'dashed' | 'solid';
  color: string;
  thickness: string;
  background?: string;
}

/** How far below the text the line is drawn; the second of two neighbours lower. */
const OFFSET = '0.2em';
const ALT_OFFSET = '0.38em';

const LOOKS: Readonly<Record<MarkKind, Look>> = {
  conflict: { line: 'wavy', color: '#dc2626', thickness: '1.5px', background: 'rgba(220, 38, 38, 0.14)' },
  'conflict-soft': { line: 'double', color: '#dc2626', thickness: '1.5px', background: 'rgba(220, 38, 38, 0.06)' },
  // Thicker than the conflict's line: a dashed line at 1.5px reads faint in Firefox.
  unsupported: { line: 'dashed', color: '#d97706', thickness: '2px' },
  supported: { line: 'solid', color: '#2563eb', thickness: '1px' },
};

/** The same lines in system colours; only a hard conflict keeps a background, in the reader's `Mark` colours. */
const FORCED_LOOKS: Readonly<Record<MarkKind, Look>> = {
  conflict: { line: 'wavy', color: 'CanvasText', thickness: '2px', background: 'Mark' },
  'conflict-soft': { line: 'double', color: 'CanvasText', thickness: '2px', background: 'transparent' },
  unsupported: { line: 'dashed', color: 'CanvasText', thickness: '2px', background: 'transparent' },
  supported: { line: 'solid', color: 'GrayText', thickness: '1px', background: 'transparent' },
};

const FLASH_BACKGROUND = 'rgba(250, 204, 21, 0.6)';

function kindOf(look: MarkLook): MarkKind {
  return (isAltLook(look) ? look.slice(0, -'-alt'.length) : look) as MarkKind;
}

function declarations(look: Look, offset: string): string {
  return [
    `text-decoration-line: underline`,
    `text-decoration-style: ${look.line}`,
    `text-decoration-color: ${look.color}`,
    `text-decoration-thickness: ${look.thickness}`,
    `text-underline-offset: ${offset}`,
    ...(look.background ? [`background-color: ${look.background}`] : []),
    ...(look.background === 'Mark' ? ['color: MarkText'] : look.background === 'transparent' ? ['color: CanvasText'] : []),
  ].join('; ');
}

/** Each look's declarations, plain or forced-colours. */
function rules(selector: (look: MarkLook) => string, forced: boolean): string[] {
  return MARK_LOOKS.map((look) => `${selector(look)} { ${declarations((forced ? FORCED_LOOKS : LOOKS)[kindOf(look)], isAltLook(look) ? ALT_OFFSET : OFFSET)}; }`);
}

/** The `::highlight()` rules for the Highlight API. */
export function highlightCss(): string {
  const selector = (look: MarkLook) => `::highlight(${HIGHLIGHT_NAMES[look]})`;
  return [
    ...rules(selector, false),
    `::highlight(${FLASH_HIGHLIGHT}) { background-color: ${FLASH_BACKGROUND}; }`,
    `@media (forced-colors: active) { ${rules(selector, true).join(' ')} ::highlight(${FLASH_HIGHLIGHT}) { background-color: Highlight; color: HighlightText; } }`,
  ].join('\n');
}

/** The rules for `<ejfc-mark data-look=…>` elements. */
export function markCss(): string {
  const selector = (look: MarkLook) => `${MARK_TAG}[data-look="${look}"]`;
  return [
    // The page's CSS may style unknown elements; a mark must stay plain inline text.
    `${MARK_TAG} { display: inline; margin: 0; padding: 0; border: 0; font: inherit; color: inherit; }`,
    ...rules(selector, false),
    `${MARK_TAG}[data-flash] { background-color: ${FLASH_BACKGROUND}; }`,
    // Our own element may opt out of the forcing: it then draws the looks in the reader's system colours.
    `@media (forced-colors: active) { ${MARK_TAG} { forced-color-adjust: none; color: CanvasText; } ${rules(selector, true).join(' ')} ${MARK_TAG}[data-flash] { background-color: Highlight; color: HighlightText; } }`,
  ].join('\n');
}

/** Whether `doc` is shown in forced-colours mode (Windows high contrast, or emulated), where marks are elements (see the module comment). */
export function inForcedColors(doc: Document): boolean {
  return doc.defaultView?.matchMedia?.('(forced-colors: active)').matches ?? false;
}
