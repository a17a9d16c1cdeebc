/**
 * Article paragraphs as a news site marks them up: names linked to tag pages,
 * dates in <time>, key verbs in <em>, quotations in <span>s. The words stay
 * exactly the seed's; only the markup around them changes, so each sentence
 * ends up split across several elements and text nodes.
 */

/** A run of inline content: text, or an element around more of it. */
export type Inline = string | { tag: string; attrs: Record<string, string>; children: Inline[] };

const PEOPLE = /Josep Borrell|Takeshi Iwaya|Iwaya Takeshi|Takeshi Iwai|Gen Nakatani|Ishiba Shigeru/;
const PLACES = /\b(?:Tokyo|Seoul|Brussels)\b/;
const DATES = /\b(?:January 1, 2025|November 1|October 31)\b/;
const ACTS = /\b(?:officially signed|signed|signing|inked|announced|concluded)\b/;
const ORGS = /\b(?:European Union|Japanese Foreign Ministry|Agence France-Presse)\b/;
const QUOTE = /“[^“”]*”/;

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Each rule wraps what it matches; the first rule (leftmost match, earliest in this list) wins. */
const RULES: Array<{ pattern: RegExp; wrap: (text: string) => Inline }> = [
  { pattern: PEOPLE, wrap: (text) => ({ tag: 'a', attrs: { href: `/tag/${slug(text)}`, class: 'tag-link' }, children: [text] }) },
  { pattern: PLACES, wrap: (text) => ({ tag: 'a', attrs: { href: `/places/${slug(text)}` }, children: [text] }) },
  { pattern: DATES, wrap: (text) => ({ tag: 'time', attrs: { datetime: text }, children: [text] }) },
  { pattern: ACTS, wrap: (text) => ({ tag: 'em', attrs: {}, children: [text] }) },
  { pattern: ORGS, wrap: (text) => ({ tag: 'span', attrs: { class: 'org' }, children: [text] }) },
];

function decorateRun(text: string): Inline[] {
  let best: { index: number; length: number; rule: (typeof RULES)[number] } | undefined;
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match && (!best || match.index < best.index)) best = { index: match.index, length: match[0].length, rule };
  }
  if (!best) return text ? [text] : [];
  const before = text.slice(0, best.index);
  const matched = text.slice(best.index, best.index + best.length);
  return [...(before ? [before] : []), best.rule.wrap(matched), ...decorateRun(text.slice(best.index + best.length))];
}

/** One paragraph's inline content; quotations (which may hold several sentences) become spans around decorated text. */
export function decorateParagraph(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  for (let match = QUOTE.exec(rest); match; match = QUOTE.exec(rest)) {
    out.push(...decorateRun(rest.slice(0, match.index)));
    out.push({ tag: 'span', attrs: { class: 'quote' }, children: decorateRun(match[0]) });
    rest = rest.slice(match.index + match[0].length);
  }
  out.push(...decorateRun(rest));
  return out;
}

/** The plain text of inline content: what a reader sees. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((part) => (typeof part === 'string' ? part : inlineText(part.children))).join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function inlineHtml(content: readonly Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      const attrs = Object.entries(part.attrs)
        .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
        .join('');
      return `<${part.tag}${attrs}>${inlineHtml(part.children)}</${part.tag}>`;
    })
    .join('');
}

/**
 * Breaks a long line of HTML at spaces between words (never inside a tag), as
 * hand-written or templated markup is: the browser reads each break as one space.
 */
export function wrapSource(html: string, indent: string, width = 96): string {
  let out = '';
  let column = 0;
  let inTag = false;
  for (const char of html) {
    if (char === '<') inTag = true;
    else if (char === '>') inTag = false;
    if (char === ' ' && !inTag && column >= width) {
      out += `\n${indent}`;
      column = 0;
      continue;
    }
    out += char;
    column += 1;
  }
  return out;
}
