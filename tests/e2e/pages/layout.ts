/**
 * The news-site furniture around an article: cookie banner, masthead, menu,
 * ads, share buttons, related links, most-read sidebar, comments and footer.
 * All of it is text a reader does not read as the article, and some of it
 * makes claims about the same event on purpose (a wrong city, a wrong date),
 * so a reader that strays outside the article gets caught.
 */
import { escapeHtml } from './inline';

export interface Site {
  name: string;
  tagline: string;
}

export const cookieBanner = (): string => `
  <div class="cookie-banner" role="dialog" aria-label="Cookies">
    <p>We and our 214 partners use cookies. Like the EU and Japan, who signed their security treaty in Osaka, we value partnership.
      <button type="button" onclick="this.closest('.cookie-banner').remove()">Accept all</button></p>
  </div>`;

export const masthead = (site: Site): string => `
  <header class="site-header">
    <a class="logo" href="/">${escapeHtml(site.name)}</a>
    <p class="tagline">${escapeHtml(site.tagline)}</p>
    <form class="search" role="search" onsubmit="return false"><label for="q">Search</label> <input id="q" name="q" value="EU Japan"></form>
  </header>`;

export const menu = (): string => `
  <nav class="main-nav" aria-label="Sections">
    <ul><li><a href="/world">World</a></li><li><a href="/asia">Asia-Pacific</a></li><li><a href="/europe">Europe</a></li><li><a href="/defence">Defence</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul>
  </nav>`;

export const leaderboardAd = (): string => `
  <div class="ad-slot leaderboard" aria-label="Advertisement"><span class="ad-label">Advertisement</span> <a href="#">Fly Brussels–Tokyo from €499. Book before 5 December 2023!</a></div>`;

export const shareBar = (): string => `
      <div class="share-bar"><a href="#">Share on X</a> <a href="#">Share on Facebook</a> <a href="#">Telegram</a> <button type="button">Copy link</button></div>`;

export const inlineAd = (): string => `
      <div class="ad-slot in-article" aria-label="Advertisement"><span class="ad-label">Advertisement</span> <p>Learn Japanese in 30 days. The EU and Japan agree: it works.</p></div>`;

export const relatedInline = (): string => `
      <div class="related-inline"><strong>Read also:</strong> <a href="/a">EU and Japan sign defence treaty in Kyoto on 3 November</a></div>`;

export const leadPhoto = (label: string): string => `
      <figure class="lead-photo"><div class="photo" role="img" aria-label="${escapeHtml(label)}"></div></figure>`;

export const sidebar = (): string => `
    <aside class="sidebar">
      <h2>Most read</h2>
      <ol><li><a href="/m1">Borrell resigns after Tokyo visit</a></li><li><a href="/m2">Japan's prime minister signs EU treaty</a></li><li><a href="/m3">Markets close higher</a></li></ol>
    </aside>`;

export const relatedSection = (): string => `
    <section class="related-articles">
      <h2>Related</h2>
      <ul><li><a href="/r1">EU and Japan sign a defence treaty in Kyoto</a></li><li><a href="/r2">Borrell visits Seoul on 2 November</a></li><li><a href="/r3">The second EU–Japan Strategic Dialogue opens in Brussels</a></li></ul>
    </section>`;

export const comments = (): string => `
    <section id="comments" class="comments">
      <h2>Comments (3)</h2>
      <div class="comment"><p class="who">kenji_t</p><p>Wasn't this signed by the Japanese Prime Minister last year?</p></div>
      <div class="comment"><p class="who">anna.k</p><p>The partnership enters into force on 1 March 2025, read the text.</p></div>
      <div class="comment"><p class="who">observer</p><p>Iwaya and Borrell met in Osaka, not Tokyo.</p></div>
      <form onsubmit="return false"><textarea aria-label="Your comment">Write a comment</textarea> <button type="submit">Post</button></form>
    </section>`;

export const siteFooter = (site: Site): string => `
  <footer class="site-footer">
    <p>© 2024 ${escapeHtml(site.name)}. All rights reserved.</p>
    <p><a href="/about">About us</a> · <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/contact">Contact</a></p>
  </footer>`;

/** The headline block above the main column: on these sites the headline is not part of the article. */
export const articleTop = (kicker: string, headline: string, meta: string): string => `
  <div class="article-top">
    <p class="kicker">${escapeHtml(kicker)}</p>
    <h1 class="headline">${escapeHtml(headline)}</h1>
    <p class="meta">${escapeHtml(meta)}</p>
  </div>`;

export interface PageOptions {
  site: Site;
  title: string;
  /** Markup above `<main>`, after the menu (usually `articleTop`). */
  top?: string;
  /** The whole `<main>` content, chrome included. */
  main: string;
  /** Extra markup at the end of `<head>` (import maps, page styles). */
  head?: string;
  /** Scripts at the end of `<body>`. */
  scripts?: string;
}

export function newsPage({ site, title, top = '', main, head = '', scripts = '' }: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} | ${escapeHtml(site.name)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/site.css">${head}
</head>
<body>${cookieBanner()}${masthead(site)}${menu()}${leaderboardAd()}${top}
  <main class="layout">${main}
  </main>${siteFooter(site)}${scripts}
</body>
</html>
`;
}
