import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INERT_PAGE_SETTINGS, htmlReadableText, openInertPage } from '../../../src/cli/html';

// A local server stands in for the network: any request a page makes lands here.
let server: Server;
let origin = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end("document.body.innerHTML = '<p>Injected by a fetched script.</p>';");
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests.length = 0;
});

const REWRITES_BODY = `<script>document.body.innerHTML = '<p>Rewritten by a script.</p>';</script>`;

describe('htmlReadableText', () => {
  it('reads the article text of a page', async () => {
    const html = '<html><body><nav>Home</nav><main><h1>Title</h1><p>The <a href="#">EU</a> and Japan met.</p></main></body></html>';
    expect(await htmlReadableText(html)).toBe('Title\nThe EU and Japan met.');
  });

  it.each([
    ['an inline script that rewrites the body', `<p>Original text.</p>${REWRITES_BODY}`],
    ['an inline script in head', `<html><head>${REWRITES_BODY}</head><body><p>Original text.</p></body></html>`],
  ])('runs no script: %s', async (_reason, html) => {
    expect(await htmlReadableText(html)).toBe('Original text.');
  });

  it('control: the same page with script evaluation on is rewritten, so the test above can fail', async () => {
    const window = new Window({
      settings: { ...INERT_PAGE_SETTINGS, enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    });
    window.document.write(`<p>Original text.</p>${REWRITES_BODY}`);
    expect(window.document.body.textContent).toBe('Rewritten by a script.');
    await window.happyDOM.close();
  });
});

describe('openInertPage: loads nothing', () => {
  it.each([
    ['an image', (o: string) => `<img src="${o}/photo.jpg">`],
    ['a picture source set', (o: string) => `<picture><source srcset="${o}/photo.webp"><img src="${o}/photo.jpg"></picture>`],
    ['a stylesheet', (o: string) => `<link rel="stylesheet" href="${o}/site.css">`],
    ['a preloaded resource', (o: string) => `<link rel="preload" as="style" href="${o}/preload.css">`],
    ['an external script', (o: string) => `<script src="${o}/tracker.js"></script>`],
    ['a module script', (o: string) => `<script type="module" src="${o}/module.js"></script>`],
    ['an iframe', (o: string) => `<iframe src="${o}/frame.html"></iframe>`],
    ['a fetch in an inline script', (o: string) => `<script>fetch('${o}/beacon')</script>`],
    ['a meta refresh', (o: string) => `<meta http-equiv="refresh" content="0; url=${o}/elsewhere">`],
  ])('makes no request for %s', async (_reason, element) => {
    const page = openInertPage(`<html><head></head><body><p>Text.</p>${element(origin)}</body></html>`);
    // Wait for whatever the page might have started, then look at the server.
    await page.window.happyDOM.waitUntilComplete();
    await page.close();
    expect(requests).toEqual([]);
  });

  it('control: with image loading on, the same image is requested, so the test above can fail', async () => {
    const window = new Window({ settings: { ...INERT_PAGE_SETTINGS, enableImageFileLoading: true, fetch: {} } });
    window.document.write(`<p>Text.</p><img src="${origin}/photo.jpg">`);
    await window.happyDOM.waitUntilComplete();
    await window.happyDOM.close();
    expect(requests).toEqual(['/photo.jpg']);
  });
});
