/**
 * A repair of HTML before happy-dom parses it: `<style>` and `<script>` inside
 * `<svg>` (and `<math>`) renamed, so that happy-dom does not lose the rest of
 * the page.
 *
 * Why: happy-dom reads `<style>` and `<script>` as raw text (everything up to
 * the matching end tag is their text), wherever they are. Inside `<svg>` it
 * creates them in the SVG namespace, named `style` in lower case, and then
 * never recognises `</style>` as their end (it compares with `STYLE`): the
 * rest of the file becomes the style's text, and the reader finds nothing.
 * Pages inline SVG icons with a `<style>` in them often enough (the saved cnet
 * page does, 18 times).
 *
 * What a browser does there (HTML's "foreign content" rules): inside `<svg>`
 * or `<math>` a `<style>` or `<script>` is no raw-text element; what follows
 * it is parsed as markup, and `<![CDATA[…]]>` is text. At an HTML integration
 * point (`<foreignObject>`, `<desc>`, `<title>` of SVG; `<mi>`, `<mo>`, `<mn>`,
 * `<ms>`, `<mtext>`, `<annotation-xml>` of MathML) HTML rules hold again, and
 * a `<style>` there is raw text.
 *
 * So, inside foreign content, each `<style>` and `<script>` start and end tag
 * is renamed (`<style>` becomes `<svg-style>`, a name happy-dom parses as
 * markup, like a browser); at an integration point, where the browser reads
 * the element's content as raw text, that content is also escaped (`<` and
 * `&`), so that happy-dom makes of it the same text. A CDATA section in
 * foreign content becomes the escaped text it stands for. Nothing else of
 * the file changes, and a file without `<svg` or `<math` is returned as it is.
 *
 * The scan follows happy-dom's own reading of the file (comments, raw text of
 * `<script>` and `<style>` outside foreign content, quoted attribute values)
 * so that it sees the same foreign subtrees happy-dom will build. It is for
 * the CLI only: in the extension the browser has parsed the page already.
 */

/** A comment, a CDATA section, or a start or end tag with its attributes (quoted values may hold `>`). */
const TOKEN = /<!--|<!\[CDATA\[|<(\/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** Elements of foreign content whose content is HTML again (integration points). */
const INTEGRATION_POINTS = new Set(['foreignobject', 'desc', 'title', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml']);

/** Elements happy-dom reads as raw text. */
const RAW_TEXT = new Set(['style', 'script']);

const FOREIGN_ROOTS = new Set(['svg', 'math']);

/** The prefix given to a renamed tag: `<style>` becomes `<svg-style>` (`math-style` inside `<math>`). */
function renamed(root: string, name: string): string {
  return `${root}-${name}`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Where the end tag `</name>` (any case, spaces before `>`) starts at or after `from`, and where it ends; `null` when there is none. */
function findEndTag(html: string, name: string, from: number): { start: number; end: number } | null {
  const end = new RegExp(`</${name}\\s*>`, 'gi');
  end.lastIndex = from;
  const match = end.exec(html);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** `html` with raw-text elements inside foreign content renamed (see the module comment). */
export function neutraliseForeignRawText(html: string): string {
  if (!/<(?:svg|math)[\s/>]/i.test(html)) return html;
  const out: string[] = [];
  /** Where the text not yet copied to `out` starts. */
  let copied = 0;
  /** Foreign roots and integration points open around the scan, innermost last (lower-case names). */
  const open: string[] = [];
  const token = new RegExp(TOKEN.source, 'g');
  let match: RegExpExecArray | null;
  while ((match = token.exec(html))) {
    const at = match.index;
    if (match[0] === '<!--') {
      const close = html.indexOf('-->', at + 4);
      token.lastIndex = close === -1 ? html.length : close + 3;
      continue;
    }
    if (match[0] === '<![CDATA[') {
      const close = html.indexOf(']]>', at + 9);
      const end = close === -1 ? html.length : close;
      const inForeign = open.length > 0 && !INTEGRATION_POINTS.has(open[open.length - 1]!);
      if (inForeign) {
        out.push(html.slice(copied, at), escapeText(html.slice(at + 9, end)));
        copied = close === -1 ? html.length : close + 3;
      }
      token.lastIndex = close === -1 ? html.length : close + 3;
      continue;
    }
    const isEnd = match[1] === '/';
    const name = match[2]!.toLowerCase();
    const attributes = match[3]!;
    const selfClosed = !isEnd && attributes.endsWith('/');
    const root = open.find((n) => FOREIGN_ROOTS.has(n));

    if (RAW_TEXT.has(name)) {
      if (!root) {
        // HTML content: raw text up to its end tag, as happy-dom reads it.
        if (!isEnd && !selfClosed) {
          const close = findEndTag(html, name, token.lastIndex);
          token.lastIndex = close ? close.end : html.length;
        }
        continue;
      }
      const newName = renamed(root, name);
      out.push(html.slice(copied, at), `<${isEnd ? '/' : ''}${newName}${attributes}>`);
      copied = token.lastIndex;
      if (!isEnd && !selfClosed && INTEGRATION_POINTS.has(open[open.length - 1]!)) {
        // HTML rules again: the content is raw text, kept as text.
        const close = findEndTag(html, name, token.lastIndex);
        const contentEnd = close ? close.start : html.length;
        out.push(escapeText(html.slice(token.lastIndex, contentEnd)));
        if (close) out.push(`</${newName}>`);
        copied = token.lastIndex = close ? close.end : html.length;
      }
      continue;
    }

    if (FOREIGN_ROOTS.has(name) || (root && INTEGRATION_POINTS.has(name))) {
      if (isEnd) {
        const index = open.lastIndexOf(name);
        if (index !== -1) open.length = index;
      } else if (!selfClosed) {
        open.push(name);
      }
    }
  }
  if (copied === 0) return html;
  out.push(html.slice(copied));
  return out.join('');
}
