import { render } from 'preact';
import type { AnchorBox, CardFinding, CardHost, CardHostOptions } from '../../page/cards/card-ui';
import { OwnNodes } from '../../page/shared/own-nodes';
import { installStyles, type InstalledStyles } from '../../page/shared/style-sheet';
import { CARD_CSS } from './card-styles';
import { FindingCard } from './finding-card';

/** The element the card lives in; the page's CSS sees only this, never the card. */
export const CARD_HOST_TAG = 'ejfc-card';

/** Space kept between the card and the sentence, and the viewport's edges. */
const GAP = 8;
/** Shorter than this the card is not worth squeezing beside the sentence: it goes where it fits, over it. */
const MIN_HEIGHT = 120;

/**
 * How long after the live region's text is cleared the new text is put in:
 * a region whose text changes in the task that made it (the first check of
 * a page ends in the task that marks it) or is set to the same text again
 * is not announced by every screen reader.
 */
const ANNOUNCE_DELAY_MS = 150;

/**
 * Put a card host into `doc`: a custom element at the end of `<html>` (pages
 * that rewrite `<body>` leave it alone) holding a shadow root that holds the
 * card, so that page CSS cannot restyle the card and the card's CSS cannot
 * restyle the page.
 */
export function mountCardHost(doc: Document, options: CardHostOptions): CardHost {
  const own = options.own ?? new OwnNodes();
  const host = own.add(doc.createElement(CARD_HOST_TAG));
  // Inline and !important: the page's own rules for unknown elements (or `*`) must not move or hide it.
  for (const [property, value] of [
    ['all', 'initial'],
    ['position', 'fixed'],
    ['top', '0'],
    ['left', '0'],
    ['width', '0'],
    ['height', '0'],
    ['overflow', 'visible'],
    ['display', 'block'],
    ['z-index', '2147483647'],
  ] as const) {
    host.style.setProperty(property, value, 'important');
  }
  const root = host.attachShadow({ mode: options.mode ?? 'closed' });
  doc.documentElement.appendChild(host);
  const styles: InstalledStyles = installStyles(root, CARD_CSS, own, options.styles);
  // Preact owns only this container: rendering straight into the shadow root
  // would let it take over a <style> element put there.
  const container = root.appendChild(doc.createElement('div'));
  // The polite live region: made with the host, filled only when there is something to say.
  const live = root.appendChild(doc.createElement('div'));
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.className = 'live';
  let announceTimer: number | undefined;
  let current: { finding: CardFinding; anchor: AnchorBox } | null = null;

  const dialog = (): HTMLElement | null => root.querySelector<HTMLElement>('[role="dialog"]');

  const place = (anchor: AnchorBox): void => {
    const card = dialog();
    const win = doc.defaultView;
    if (!card || !win) return;
    // Measured at the height its style allows, not at a height squeezed for an earlier anchor.
    card.style.removeProperty('max-height');
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const viewportWidth = doc.documentElement.clientWidth || win.innerWidth;
    const viewportHeight = doc.documentElement.clientHeight || win.innerHeight;
    const below = viewportHeight - GAP - (anchor.bottom + GAP);
    const above = anchor.top - GAP - GAP;
    // Below the sentence if it fits, else above it; else on the roomier side,
    // made shorter (it scrolls): a card never covers the sentence it is about.
    let top: number;
    if (height <= below) top = anchor.bottom + GAP;
    else if (height <= above) top = anchor.top - GAP - height;
    else if (below >= above && below >= MIN_HEIGHT) {
      top = anchor.bottom + GAP;
      card.style.setProperty('max-height', `${Math.floor(below)}px`);
    } else if (above >= MIN_HEIGHT) {
      top = GAP;
      card.style.setProperty('max-height', `${Math.floor(above)}px`);
    } else top = Math.max(GAP, Math.min(anchor.bottom + GAP, viewportHeight - GAP - height));
    const left = Math.max(GAP, Math.min(anchor.left, viewportWidth - GAP - width));
    card.style.setProperty('left', `${Math.round(left)}px`);
    card.style.setProperty('top', `${Math.round(top)}px`);
  };

  return {
    host,
    root,
    get isOpen() {
      return current !== null;
    },
    show(finding, anchor) {
      current = { finding, anchor };
      render(
        <FindingCard
          finding={finding}
          sourceLabel={options.sourceLabel}
          onClose={options.onClose}
          onStep={options.onStep}
          shortcuts={options.shortcuts?.()}
          onDismiss={options.onDismiss}
          onReportWrong={options.onReportWrong}
        />,
        container,
      );
      place(anchor);
    },
    place(anchor) {
      if (!current) return;
      current.anchor = anchor;
      place(anchor);
    },
    hide() {
      if (!current) return;
      current = null;
      render(null, container);
    },
    focus() {
      dialog()?.focus({ preventScroll: true });
    },
    announce(text) {
      const win = doc.defaultView;
      live.textContent = '';
      if (announceTimer !== undefined) win?.clearTimeout(announceTimer);
      announceTimer = win?.setTimeout(() => {
        announceTimer = undefined;
        live.textContent = text;
      }, ANNOUNCE_DELAY_MS);
    },
    contains(node) {
      for (let n = node as Node | null; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
        if (n === host || n === root) return true;
      }
      return false;
    },
    destroy() {
      if (announceTimer !== undefined) doc.defaultView?.clearTimeout(announceTimer);
      current = null;
      render(null, container);
      styles.remove();
      host.remove();
    },
  };
}
