/**
 * Renders the toolbar icon (`assets/icon/icon.svg`) to the PNG sizes the
 * stores and browsers ask for (16, 32, 48, 128) in `public/icon/`, with
 * Debian's Chromium (playwright-core, as the end-to-end tests drive it):
 * `npm run icons`. The PNGs are committed; rerun after changing the SVG.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** The sizes the stores and browsers ask for (WXT lists `public/icon/SIZE.png` in the manifest's `icons`). */
export const ICON_SIZES = [16, 32, 48, 128] as const;

/** Renders every size; only when run, not when a test imports the sizes. */
async function render(): Promise<void> {
const svg = readFileSync('assets/icon/icon.svg', 'utf8');
mkdirSync('public/icon', { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.waitForFunction(() => document.images[0]?.complete);
    await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await render();
