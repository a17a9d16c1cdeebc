/**
 * The fixture pages on a local HTTP server (127.0.0.1, a free port), so the
 * extension sees ordinary http:// pages and nothing reaches the network.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { PAGES_DIR, ROOT } from './paths';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** URL prefixes served from elsewhere than the pages folder. */
const MOUNTS: Array<{ prefix: string; dir: string }> = [
  // The Preact page imports Preact's ESM build as the app would ship it.
  { prefix: '/vendor/preact/', dir: `${ROOT}node_modules/preact/` },
  // The hostile pages (tests/e2e/pages/hostile.ts).
  { prefix: '/hostile/', dir: `${ROOT}tests/fixtures/hostile/` },
];

/** The single-page app answers every URL under its prefix with its one document, as such sites do. */
const SPA_PREFIX = '/spa/';
const SPA_DOCUMENT = 'spa.html';

/** A path the server answers in its own way: a page made in memory (too big to commit), or extra response headers. */
export interface ServedPage {
  /** The HTML to answer with; without it, the file the path maps to. */
  body?: string;
  /** Headers added to the response (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
}

export interface FixtureServerOptions {
  /** Request path (e.g. `/hostile/huge-text.html`) → how to answer it. */
  pages?: Record<string, ServedPage>;
}

export interface FixtureServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The URL of a path on the server, e.g. `url('seed-000.html')`. */
  url(path: string): string;
  /** Every path requested so far, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** The file a request path maps to, or null when it falls outside the served folders. */
function fileFor(pathname: string): string | null {
  for (const { prefix, dir } of MOUNTS) {
    if (pathname.startsWith(prefix)) return inside(dir, pathname.slice(prefix.length));
  }
  if (pathname.startsWith(SPA_PREFIX) && extname(pathname) === '') return inside(PAGES_DIR, SPA_DOCUMENT);
  return inside(PAGES_DIR, pathname === '/' ? 'index.html' : pathname.slice(1));
}

function inside(dir: string, relative: string): string | null {
  const base = resolve(dir);
  const file = resolve(base, relative);
  return file.startsWith(base + sep) ? file : null;
}

export async function startFixtureServer({ pages = {} }: FixtureServerOptions = {}): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(pathname);
    if (pathname === '/favicon.ico') {
      // No icon, and no 404 in the console for it either.
      response.writeHead(204).end();
      return;
    }
    const page = Object.hasOwn(pages, pathname) ? pages[pathname] : undefined;
    if (page?.body !== undefined) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-store', ...page.headers }).end(page.body);
      return;
    }
    const file = fileFor(pathname);
    if (!file) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...page?.headers }).end(body);
      },
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end(`no such fixture: ${pathname}`),
    );
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolveListen);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, `${origin}/`).href,
    requests,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
