/**
 * How each verdict looks on the page, defined once for both ways of marking
 * (`::highlight()` ranges and `<ejfc-mark>` elements).
 *
 * Never colour alone: each verdict has its own line (wavy under a conflict,
 * dashed under an unsupported claim, thin solid under a supported one), so
 * readers who cannot tell the hues apart still can tell the lines apart. The
 * hues are mid-tones (red, amber, blue: apart for the common colour-vision
 * deficiencies) that keep about 3:1 against white and against black, and the
 * conflict's background is a translucent tint, so the marks read on light and
 * dark pages alike. In forced-colours mode the system's colours replace them.
 *
 * @module
 */
import type { Verdict } from '../core';

/** The verdicts that get a mark on the page. */
export type MarkedVerdict = Verdict;

/** The `CSS.highlights` name of each verdict's highlight. */
export const HIGHLIGHT_NAMES: Readonly<Record<MarkedVerdict, string>> = Object.freeze({
  conflict: 'ejfc-conflict',
  unsupported: 'ejfc-unsupported',
  supported: 'ejfc-supported',
});

/** The highlight that flashes a finding the reader asked to see. */
export const FLASH_HIGHLIGHT = 'ejfc-flash';

/** The element that wraps marked text where the Highlight API is missing. */
export const MARK_TAG = 'ejfc-mark';

interface Look {
  line: 'wavy' | 'dashed' | 'solid';
  color: string;
  thickness: string;
  background?: string;
}

const LOOKS: Readonly<Record<MarkedVerdict, Look>> = {
  conflict: { line: 'wavy', color: '#dc2626', thickness: '1.5px', background: 'rgba(220, 38, 38, 0.14)' },
  // Thicker than the conflict's line: a dashed line at 1.5px reads faint in Firefox.
  unsupported: { line: 'dashed', color: '#d97706', thickness: '2px' },
  supported: { line: 'solid', color: '#2563eb', thickness: '1px' },
};

const FLASH_BACKGROUND = 'rgba(250, 204, 21, 0.6)';

function declarations(look: Look): string {
  return [
    `text-decoration-line: underline`,
    `text-decoration-style: ${look.line}`,
    `text-decoration-color: ${look.color}`,
    `text-decoration-thickness: ${look.thickness}`,
    `text-underline-offset: 0.2em`,
    ...(look.background ? [`background-color: ${look.background}`] : []),
  ].join('; ');
}

const VERDICTS = Object.keys(LOOKS) as MarkedVerdict[];

/** The `::highlight()` rules for the Highlight API. */
export function highlightCss(): string {
  return [
    ...VERDICTS.map((v) => `::highlight(${HIGHLIGHT_NAMES[v]}) { ${declarations(LOOKS[v])}; }`),
    `::highlight(${FLASH_HIGHLIGHT}) { background-color: ${FLASH_BACKGROUND}; }`,
    `@media (forced-colors: active) { ${VERDICTS.map((v) => `::highlight(${HIGHLIGHT_NAMES[v]}) { text-decoration-color: CanvasText; }`).join(' ')} ::highlight(${FLASH_HIGHLIGHT}) { background-color: Highlight; color: HighlightText; } }`,
  ].join('\n');
}

/** The rules for `<ejfc-mark data-verdict=…>` elements. */
export function markCss(): string {
  return [
    // The page's CSS may style unknown elements; a mark must stay plain inline text.
    `${MARK_TAG} { display: inline; margin: 0; padding: 0; border: 0; font: inherit; color: inherit; }`,
    ...VERDICTS.map((v) => `${MARK_TAG}[data-verdict="${v}"] { ${declarations(LOOKS[v])}; }`),
    `${MARK_TAG}[data-flash] { background-color: ${FLASH_BACKGROUND}; }`,
    `@media (forced-colors: active) { ${MARK_TAG} { text-decoration-color: CanvasText; } ${MARK_TAG}[data-flash] { background-color: Highlight; color: HighlightText; } }`,
  ].join('\n');
}
