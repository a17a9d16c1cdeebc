/**
 * Making a page's highlighter: the CSS Custom Highlight API where the page's
 * window has it, `<ejfc-mark>` elements where it does not (or where asked),
 * wrapped in the near-viewport painter on pages with many marks. The ways
 * and the interface they share: `highlighter.ts`.
 *
 * @module
 */
import { CssHighlighter, highlightApiOf } from './highlight-api';
import type { Highlighter, HighlighterOptions } from './highlighter';
import { ElementHighlighter } from './mark-elements';
import { NearViewportHighlighter } from './near-viewport';

/** A highlighter for `doc` (and the shadow roots and same-origin frames inside it). */
export function createHighlighter(doc: Document, options: HighlighterOptions): Highlighter {
  const prefer = options.prefer ?? 'auto';
  let highlighter: Highlighter;
  if (prefer !== 'elements' && highlightApiOf(doc)) highlighter = new CssHighlighter(options);
  else if (prefer === 'highlight-api') throw new Error('the CSS Custom Highlight API is not available in this document');
  else highlighter = new ElementHighlighter(options);
  return options.paintAllUpTo === undefined ? highlighter : new NearViewportHighlighter(highlighter, doc, { paintAllUpTo: options.paintAllUpTo });
}
