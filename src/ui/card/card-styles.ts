/**
 * The card's CSS, for inside its shadow root: the page's CSS cannot reach in,
 * and this cannot leak out. Light and dark follow the reader's colour scheme;
 * the verdict shows as a word and an icon as well as a colour.
 */
export const CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed;
  box-sizing: border-box;
  width: min(360px, calc(100vw - 16px));
  max-height: min(60vh, 420px);
  overflow: auto;
  padding: 12px 14px;
  border-radius: 8px;
  border: 1px solid #c7c7cc;
  border-top-width: 4px;
  background: #ffffff;
  color: #1c1c1e;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
  direction: ltr;
  z-index: 2147483647;
}
.card:focus { outline: 2px solid #2563eb; outline-offset: 2px; }
.card:focus:not(:focus-visible) { outline: none; }
.card-conflict { border-top-color: #dc2626; }
.card-unsupported { border-top-color: #d97706; border-top-style: dashed; }
.card-supported { border-top-color: #2563eb; }
.head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.verdict { flex: 1; font-weight: 600; display: flex; align-items: center; gap: 6px; }
.icon {
  display: inline-flex; align-items: center; justify-content: center;
  width: 1.35em; height: 1.35em; border-radius: 50%;
  font-size: 12px; font-weight: 700; color: #ffffff;
}
.card-conflict .icon { background: #dc2626; }
.card-unsupported .icon { background: #b45309; }
.card-supported .icon { background: #2563eb; }
.severity {
  font-weight: 500; font-size: 12px; padding: 0 6px; border-radius: 999px;
  border: 1px solid currentColor;
}
.close {
  all: unset; cursor: pointer; width: 28px; height: 28px; border-radius: 6px;
  display: inline-flex; align-items: center; justify-content: center;
  font-size: 20px; line-height: 1; color: inherit;
}
.close:hover { background: rgba(127, 127, 127, 0.18); }
.close:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.note { margin: 0 0 6px; font-size: 12px; opacity: 0.8; }
.reason { margin: 0 0 8px; }
.reference { margin: 0; }
blockquote {
  margin: 0 0 4px; padding: 6px 10px;
  border-left: 3px solid #8e8e93; background: rgba(127, 127, 127, 0.1);
  font-style: italic;
}
figcaption, .source { margin: 0; font-size: 12px; opacity: 0.85; }
.sentence { margin: 0 0 6px; }
.sentence .label { font-size: 12px; opacity: 0.8; }
.sentence q { font-style: italic; }
.findings { margin: 0 0 6px; padding-left: 1.4em; }
.findings > li + li { margin-top: 8px; }
.finding-verdict { margin: 0 0 2px; font-weight: 600; font-size: 13px; }
.nothing { font-weight: 600; }
.steps { display: flex; gap: 8px; margin-top: 10px; }
.step {
  all: unset; cursor: pointer; flex: 1; text-align: center; white-space: nowrap;
  display: flex; flex-direction: column; align-items: center; gap: 2px;
  padding: 4px 8px; border-radius: 6px; border: 1px solid #8e8e93; font-size: 13px;
}
.step:hover { background: rgba(127, 127, 127, 0.18); }
.step:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
kbd { font: 11px/1.2 ui-monospace, monospace; opacity: 0.8; }
.answers { display: flex; gap: 8px; margin-top: 8px; }
.answer {
  all: unset; cursor: pointer; flex: 1; text-align: center; font-size: 12px;
  padding: 3px 6px; border-radius: 6px; text-decoration: underline; text-underline-offset: 2px;
}
.answer:hover { background: rgba(127, 127, 127, 0.18); }
.answer:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.live {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
@media (prefers-color-scheme: dark) {
  .card { background: #1c1c1e; color: #f2f2f7; border-color: #48484a; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.6); }
}
@media (forced-colors: active) {
  .card { border-color: CanvasText; }
  .icon { forced-color-adjust: none; background: CanvasText; color: Canvas; }
}
`;
