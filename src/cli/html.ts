/**
 * Reads the article text of an HTML file for the CLI: happy-dom parses it,
 * and the extension's own DOM reader (`src/page/reading/readable-text.ts`) collects
 * the text, so the CLI checks what the extension would check on that page.
 *
 * The page is untrusted: nothing in it runs and nothing is fetched.
 */
import { Window, type IOptionalBrowserSettings } from 'happy-dom';
import { readableText } from '../page/reading/readable-text';
import { neutraliseForeignRawText } from './foreign-raw-text';

/** happy-dom settings that make a parsed page inert: no scripts, no resource loads, no navigation, every request refused. */
export const INERT_PAGE_SETTINGS: Readonly<IOptionalBrowserSettings> = {
  enableJavaScriptEvaluation: false,
  disableJavaScriptFileLoading: true,
  enableCSSFileLoading: false,
  enableImageFileLoading: false,
  enableIframePageLoading: false,
  disableComputedStyleRendering: true,
  // A refused load counts as an error, so the page cannot tell it apart from a network failure.
  handleDisabledFileLoadingAsSuccess: false,
  navigation: {
    disableMainFrameNavigation: true,
    disableChildFrameNavigation: true,
    disableChildPageNavigation: true,
    disableFallbackToSetURL: true,
  },
  fetch: {
    // Last line of defence: whatever asks for the network gets a refusal, not a request.
    interceptor: {
      beforeAsyncRequest: async ({ window }) => window.Response.error(),
      beforeSyncRequest: ({ request, window }) => ({
        status: 403,
        statusText: 'Refused: the fact-check CLI loads no resources',
        ok: false,
        url: request.url,
        redirected: false,
        headers: new window.Headers(),
        body: null,
      }),
    },
  },
};

/** An HTML document parsed with {@link INERT_PAGE_SETTINGS}; call `close()` when done with it. */
export interface InertPage {
  window: Window;
  document: Window['document'];
  close(): Promise<void>;
}

/**
 * The address a parsed page is given. Not `about:blank`: happy-dom resolves
 * some links of a page as it parses it (`<link rel=preload href="/x">`), and a
 * relative one against `about:blank` is an invalid URL, thrown where nobody can
 * catch it. `.invalid` names no host (RFC 6761), and nothing is fetched anyway.
 */
export const PAGE_URL = 'https://page.invalid/';

/**
 * `html` parsed as a document. Should happy-dom's document parser throw on
 * the markup (it does on some misnested tags, `<table><html>`), the page is
 * parsed again as the content of an empty document's body, the way `innerHTML`
 * parses a fragment, which takes any markup; what was in its head (title,
 * styles, scripts) is never article text anyway.
 *
 * Before either, `<style>` and `<script>` inside `<svg>` and `<math>` are
 * renamed (`neutraliseForeignRawText`): happy-dom would otherwise read the
 * rest of the file as the text of the first of them.
 */
export function openInertPage(source: string): InertPage {
  const html = neutraliseForeignRawText(source);
  const window = new Window({ url: PAGE_URL, settings: INERT_PAGE_SETTINGS });
  try {
    window.document.write(html);
    return { window, document: window.document, close: () => window.happyDOM.close() };
  } catch {
    void window.happyDOM.close();
  }
  const fallback = new Window({ url: PAGE_URL, settings: INERT_PAGE_SETTINGS });
  try {
    fallback.document.write('<!DOCTYPE html><html><head></head><body></body></html>');
    fallback.document.body.innerHTML = html;
  } catch (error) {
    void fallback.happyDOM.close();
    throw error;
  }
  return { window: fallback, document: fallback.document, close: () => fallback.happyDOM.close() };
}

/**
 * The text a reader sees in the article of `html` (see `readableText`).
 *
 * A page can make happy-dom fail in work it starts on its own while parsing
 * (loading what a `<link>` names, say): such a failure is a rejected promise
 * nobody awaits, which would end the whole process. While a page is open,
 * those are caught and dropped (nothing is loaded anyway, and the text is read
 * from the parsed tree); errors of the parse or the reading itself are thrown.
 */
export async function htmlReadableText(html: string): Promise<string> {
  const ignore = (): void => {};
  process.on('unhandledRejection', ignore);
  let page: InertPage | undefined;
  try {
    page = openInertPage(html);
    // happy-dom's Node is its own class, structurally the DOM's.
    return readableText(page.document as unknown as Node).text;
  } finally {
    await page?.close();
    // Let rejections of the page's own work surface before no one listens.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', ignore);
  }
}
