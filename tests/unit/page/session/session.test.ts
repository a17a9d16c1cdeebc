// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultChecker, STRICTNESS_LEVELS, summarize, type Strictness } from '../../../../src/core';
import { HIGHLIGHT_NAMES, highlightNamesOf, MARK_TAG } from '../../../../src/page/marking/highlight-styles';
import { readableText, TextReader } from '../../../../src/page/reading/readable-text';
import { PageSession, type PageSessionOptions } from '../../../../src/page/session/session';
import { localEngine } from '../../../../src/core/local-engine';
import { CARD_HOST_TAG } from '../../../../src/ui/card/card-host';
import { CARD_UI } from '../../../../src/ui/card/card-ui';
import { flaggedAnnouncement } from '../../../../src/ext/labels';
import { installFakeHighlights, type FakeHighlightApi } from '../marking/fake-highlights';

const SEED = readFileSync(fileURLToPath(`${import.meta.url}/../../../../fixtures/seeds/002_e7a668e7c20fc301.txt`), 'utf8').trimEnd();
const CONFLICT = 'Borrell and Iwaya met in Osaka on 1 November 2024 for the first EU–Japan Strategic Dialogue.';
const OFF_TOPIC = '<h1>Autumn in Oslo</h1><p>The weather in Oslo was mild. Trains ran on time.</p>';

/** The seed article as a news page: site chrome around, the article in <main>, some words in links. */
function seedPage(): string {
  const [headline, ...paragraphs] = SEED.split('\n');
  const body = paragraphs.map((p) => `<p>${p.replace(/\b(Borrell|Tokyo)\b/g, '<a href="#">$1</a>')}</p>`).join('');
  return `<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article><h1>${headline}</h1>${body}</article></main><footer>Copyright</footer>`;
}

/** Everything a page is, node for node: each node object and its data, in order. */
function snapshot(root: Node): [Node, string | null][] {
  const out: [Node, string | null][] = [];
  const visit = (node: Node): void => {
    out.push([node, node.nodeType === 3 ? (node as Text).data : null]);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return out;
}

/** The ranges of every highlight of a verdict's marks (all its looks). */
const rangesWith = (api: FakeHighlightApi, verdict: 'conflict' | 'unsupported' | 'supported'): Range[] =>
  highlightNamesOf(verdict).flatMap((name) => [...(api.registry.get(name) ?? [])] as Range[]);
/** How many ranges a verdict's marks have. */
const marked = (api: FakeHighlightApi, verdict: 'conflict' | 'unsupported' | 'supported'): number => rangesWith(api, verdict).length;

let session: PageSession | undefined;
let fake: FakeHighlightApi | undefined;

function start(html: string, options: Partial<PageSessionOptions> = {}): PageSession {
  document.body.innerHTML = html;
  session = new PageSession({
    document,
    engine: localEngine(),
    file: 'https://news.example/article',
    strictness: 'balanced',
    showSupported: false,
    settleMs: 5,
    maxWaitMs: 50,
    loadCardUi: async () => CARD_UI,
    cards: { cardMode: 'open' },
    ...options,
  });
  return session;
}

/** Let the page's mutations reach the session, then wait for it to settle and finish. */
async function settled(s: PageSession): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await s.idle();
}

const flagged = async (s: PageSession) => (await s.report()).sentences.filter((x) => x.verdict === 'conflict' || x.verdict === 'unsupported');

beforeEach(() => {
  fake = installFakeHighlights(document);
});
afterEach(() => {
  session?.destroy();
  session = undefined;
  fake?.uninstall();
  document.body.innerHTML = '';
});

describe('PageSession: the first read', () => {
  it.each(STRICTNESS_LEVELS.map((level) => [level]))('reports exactly what the engine says of the page text at %s, and is done', async (strictness: Strictness) => {
    const s = start(seedPage(), { strictness });
    await s.idle();
    const text = readableText(document.body).text;
    expect(text).toBe(SEED);
    const { status, checkedAt: _checkedAt, ...report } = (await s.report());
    expect(status).toBe('done');
    expect(report).toEqual(defaultChecker().check(text, { strictness, file: 'https://news.example/article' }));
  });

  it('marks conflicts and unsupported claims under their names, supported only when the reader asks', async () => {
    const s = start(seedPage());
    await s.idle();
    const count = async (verdict: 'conflict' | 'unsupported' | 'supported') => (await s.report()).sentences.filter((x) => x.verdict === verdict).length;
    expect((await count('conflict'))).toBeGreaterThan(0);
    expect(marked(fake!, 'conflict')).toBe((await count('conflict')));
    expect(marked(fake!, 'unsupported')).toBe((await count('unsupported')));
    expect(marked(fake!, 'supported')).toBe(0);
    s.update({ showSupported: true });
    expect(marked(fake!, 'supported')).toBe((await count('supported')));
    s.update({ showSupported: false });
    expect(marked(fake!, 'supported')).toBe(0);
  });

  it('a soft conflict is drawn unlike a hard one; of two neighbouring marks of one kind the second is drawn apart, so each sentence shows where it ends', async () => {
    const soft = 'The EU and Japan signed the Security and Defence Partnership in Tokyo on 1 November 2024.';
    const html = `<main><p>${CONFLICT} ${CONFLICT} ${CONFLICT}</p><p>${soft}</p></main>`;
    const s = start(html);
    await s.idle();
    const conflicts = (await flagged(s));
    expect(conflicts.map((x) => x.severity)).toEqual(['hard', 'hard', 'hard', 'soft']);
    const texts = (name: string) => [...(fake!.registry.get(name) ?? [])].map((r) => r.toString());
    // Hard, hard (second of two: the other look), hard (a new pair starts), then soft in a paragraph of its own.
    expect((await texts(HIGHLIGHT_NAMES.conflict))).toEqual([CONFLICT, CONFLICT]);
    expect((await texts(HIGHLIGHT_NAMES['conflict-alt']))).toEqual([CONFLICT]);
    expect((await texts(HIGHLIGHT_NAMES['conflict-soft']))).toEqual([soft]);
    expect((await s.report()).sentences.filter((x) => x.verdict === 'conflict').map((x) => s.highlighter.lookOf(x.start))).toEqual(['conflict', 'conflict-alt', 'conflict', 'conflict-soft']);
  });

  it('in forced-colours mode the marks are elements (highlights cannot be told apart there), elsewhere highlights', async () => {
    const real = window.matchMedia;
    window.matchMedia = ((query: string) => ({ matches: query === '(forced-colors: active)', media: query })) as unknown as typeof window.matchMedia;
    try {
      const s = start(`<main><p>${CONFLICT}</p></main>`);
      await s.idle();
      expect(s.highlighter.kind).toBe('elements');
      expect(document.querySelector(`${MARK_TAG}[data-look="conflict"]`)?.textContent).toBe(CONFLICT);
      expect(marked(fake!, 'conflict')).toBe(0);
    } finally {
      window.matchMedia = real;
    }
    session!.destroy();
    const s = start(`<main><p>${CONFLICT}</p></main>`);
    await s.idle();
    expect(s.highlighter.kind).toBe('highlight-api');
  });

  it('on a long page the marks are brought up to date a few times a second of checking, not after every slice, and all of them at the end', async () => {
    // A clock that moves one millisecond each time it is read: slices end after a few sentences, whatever the machine.
    let tick = 0;
    let changes = 0;
    const long = `<main><article>${Array.from({ length: 20 }, () => seedPage().replace(/^.*<article>|<\/article>.*$/g, '')).join('')}</article></main>`;
    const s = start(long, { now: () => ++tick, sliceMs: 8, cards: false, onChange: () => void changes++ });
    await s.idle();
    const flagged = async (verdict: 'conflict' | 'unsupported') => (await s.report()).sentences.filter((x) => x.verdict === verdict).length;
    expect((await s.report()).sentences.length).toBeGreaterThan(20 * 10);
    // Every sync tells onChange; so does each change of status (scanning, done).
    expect(changes).toBeLessThanOrEqual(Math.ceil(tick / 250) + 4);
    expect(marked(fake!, 'conflict')).toBe((await flagged('conflict')));
    expect(marked(fake!, 'unsupported')).toBe((await flagged('unsupported')));
  });

  it('a new strictness redecides and remarks at once, without reading the page again', async () => {
    const s = start(seedPage(), { strictness: 'strict' });
    await s.idle();
    const add = vi.spyOn(s.checker, 'add');
    s.update({ strictness: 'lenient' });
    const { status: _status, checkedAt: _checkedAt, ...report } = (await s.report());
    expect(report).toEqual(defaultChecker().check(SEED, { strictness: 'lenient', file: 'https://news.example/article' }));
    expect(marked(fake!, 'unsupported')).toBe(0);
    expect(add).not.toHaveBeenCalled();
  });

  it('a page about something else gets no marks and no verdicts', async () => {
    const s = start(OFF_TOPIC);
    await s.idle();
    expect((await s.report()).topical).toBe(false);
    expect((await s.report()).sentences.every((x) => x.verdict === null)).toBe(true);
    expect(s.highlighter.keys()).toEqual([]);
    expect(fake!.registry.size).toBe(0);
    // Nothing of ours is put into such a page: no card host, no style.
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });

  it('the card host comes with the first mark', async () => {
    const s = start(seedPage());
    await s.idle();
    expect(s.highlighter.keys().length).toBeGreaterThan(0);
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
  });

  it('reads open shadow roots and same-origin frames into the one report', async () => {
    const framed = 'Josep Borrell and Takeshi Iwaya signed the partnership in Kyoto.';
    document.body.innerHTML = `<main><p>Intro text.</p><div id="host"></div><iframe srcdoc="&lt;p&gt;${framed}&lt;/p&gt;"></iframe></main>`;
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<p>${CONFLICT}</p>`;
    // The frame's ranges go to the frame's own registry.
    const frameDoc = document.querySelector('iframe')!.contentDocument!;
    const frameFake = installFakeHighlights(frameDoc);
    session = new PageSession({ document, engine: localEngine(), file: 'x', strictness: 'balanced', showSupported: false, cards: false, settleMs: 5 });
    await session.idle();
    expect((await session.report()).sentences.map((x) => x.text)).toEqual(['Intro text.', CONFLICT, framed]);
    expect((await flagged(session)).map((x) => x.verdict)).toEqual(['conflict', 'conflict']);
    const roots = (api: FakeHighlightApi) => rangesWith(api, 'conflict').map((r) => r.startContainer.getRootNode());
    expect(roots(fake!)).toEqual([shadow]);
    expect(roots(frameFake)).toEqual([frameDoc]);
    session.destroy();
    expect(frameFake.registry.size).toBe(0);
    frameFake.uninstall();
  });
});

describe('PageSession: a page with no word of the gate is not read', () => {
  const spyReads = () => vi.spyOn(TextReader.prototype, 'read');

  it('nothing is read or sent, the check is done at once, and the report still lists every sentence (read when asked)', async () => {
    const reads = spyReads();
    const s = start(OFF_TOPIC);
    const add = vi.spyOn(s.checker, 'add');
    await s.idle();
    expect(s.status).toBe('done');
    expect(reads).not.toHaveBeenCalled();
    const report = await s.report();
    expect(report.sentences.map((x) => x.text)).toEqual(['Autumn in Oslo', 'The weather in Oslo was mild.', 'Trains ran on time.']);
    expect(report.sentences.every((x) => x.verdict === null)).toBe(true);
    expect(report.status).toBe('done');
    expect(add).toHaveBeenCalled();
    reads.mockRestore();
  });

  it('text it adds with a word of the gate gets the page read, and checked and marked', async () => {
    const s = start(`<main><article>${OFF_TOPIC}</article></main>`);
    await s.idle();
    const p = document.createElement('p');
    p.textContent = CONFLICT;
    document.querySelector('article')!.append(p);
    await settled(s);
    await vi.waitFor(async () => expect((await flagged(s)).map((x) => x.text)).toEqual([CONFLICT]));
    expect(s.highlighter.keys().length).toBeGreaterThan(0);
  });

  it('a frame of another origin (an advertisement) does not make the page worth reading: its text is never read', async () => {
    const reads = spyReads();
    document.body.innerHTML = `${OFF_TOPIC}<iframe></iframe>`;
    const frame = document.querySelector('iframe')!;
    vi.spyOn(frame, 'contentDocument', 'get').mockReturnValue(null);
    frame.setAttribute('src', 'https://ads.elsewhere.example/slot');
    session = new PageSession({ document, engine: localEngine(), file: 'x', strictness: 'balanced', showSupported: false, cards: false, settleMs: 5 });
    await session.idle();
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
  });

  it("a script's or a style's text does not count: it names nothing the reader sees", async () => {
    const reads = spyReads();
    const s = start(`${OFF_TOPIC}<script type="application/json">{"section":"Japan","tags":["EU","security"]}</script><style>.japan-security{color:red}</style>`);
    await s.idle();
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
  });

  it('text it adds without one is not read', async () => {
    const reads = spyReads();
    const s = start(OFF_TOPIC);
    await s.idle();
    const p = document.createElement('p');
    p.textContent = 'The trains were late on Sunday.';
    document.body.append(p);
    await settled(s);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
  });

  it.each([
    ['in an open shadow root', () => { document.body.innerHTML = `${OFF_TOPIC}<div id="host"></div>`; document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = `<p>${CONFLICT}</p>`; }],
    ['with a frame on the page', () => { document.body.innerHTML = `${OFF_TOPIC}<iframe srcdoc=""></iframe>`; }],
  ])('a page whose text its body does not show (%s) is read', async (_where, build) => {
    const reads = spyReads();
    build();
    session = new PageSession({ document, engine: localEngine(), file: 'x', strictness: 'balanced', showSupported: false, cards: false, settleMs: 5 });
    await session.idle();
    expect(reads).toHaveBeenCalled();
    reads.mockRestore();
  });
});

describe('PageSession: text the page adds later', () => {
  it('an added paragraph is checked once, after what was there; nothing read before is read again', async () => {
    const s = start(seedPage());
    await s.idle();
    const before = (await s.report()).sentences;
    const add = vi.spyOn(s.checker, 'add');
    const paragraph = document.createElement('p');
    paragraph.textContent = CONFLICT;
    document.querySelector('article')!.appendChild(paragraph);
    await settled(s);
    expect(add).toHaveBeenCalledTimes(1);
    expect(add.mock.calls[0]![0]).toBe(CONFLICT);
    const after = (await s.report()).sentences;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((x) => [x.text, x.verdict])).toEqual([[CONFLICT, 'conflict']]);
    expect(s.highlighter.lookOf(after[after.length - 1]!.start)).toBe('conflict');
    // Moving a paragraph that was read already brings nothing new.
    document.querySelector('article')!.appendChild(document.querySelector('article p')!);
    await settled(s);
    expect(add).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['inside site chrome', (p: HTMLElement) => document.querySelector('nav')!.appendChild(p)],
    ['outside the article the page has', (p: HTMLElement) => document.body.appendChild(p)],
    ['hidden', (p: HTMLElement) => { p.hidden = true; document.querySelector('article')!.appendChild(p); }],
  ])('a paragraph added %s is not article text', async (_where, put) => {
    const s = start(seedPage());
    await s.idle();
    const add = vi.spyOn(s.checker, 'add');
    const paragraph = document.createElement('p');
    paragraph.textContent = CONFLICT;
    put(paragraph);
    await settled(s);
    expect(add).not.toHaveBeenCalled();
  });

  it('on a page that is no article (a list of teasers), a paragraph the page adds later is not read either', async () => {
    const teasers = Array.from({ length: 4 }, (_, i) => `<div class="card"><h3><a href="/s${i}">Teaser headline number ${i} about something</a></h3><p>A line of teaser text.</p></div>`).join('');
    const s = start(`<main>${teasers}</main>`);
    await s.idle();
    expect((await s.report()).sentences).toEqual([]);
    const add = vi.spyOn(s.checker, 'add');
    const paragraph = document.createElement('p');
    paragraph.textContent = CONFLICT;
    document.querySelector('main')!.appendChild(paragraph);
    await settled(s);
    expect(add).not.toHaveBeenCalled();
  });

  it.each([['nav-no-loaded'], ['menu-type-dropdownmenu'], ['no_sidebar_border']])(
    'on a page whose body has class "%s", the article is read and a paragraph added to it later is checked',
    async (cls) => {
      document.body.className = cls;
      try {
        const s = start(`<div class="content-with-sidebar-wrp">${seedPage()}</div>`);
        await s.idle();
        expect((await s.report()).sentences.length).toBeGreaterThan(5);
        const add = vi.spyOn(s.checker, 'add');
        const paragraph = document.createElement('p');
        paragraph.textContent = CONFLICT;
        document.querySelector('article')!.appendChild(paragraph);
        await settled(s);
        expect(add).toHaveBeenCalledTimes(1);
        expect((await s.report()).sentences.at(-1)).toMatchObject({ text: CONFLICT, verdict: 'conflict' });
      } finally {
        document.body.className = '';
      }
    },
  );

  it('text that was hidden is read when the page shows it', async () => {
    const s = start(`<main><p>Intro.</p><p id="more" hidden>${CONFLICT}</p></main>`);
    await s.idle();
    expect((await s.report()).sentences.map((x) => x.text)).toEqual(['Intro.']);
    document.getElementById('more')!.hidden = false;
    await settled(s);
    expect((await s.report()).sentences.map((x) => x.text)).toEqual(['Intro.', CONFLICT]);
  });

  it('a sentence the page takes away leaves the report', async () => {
    const s = start(`<main><p>Intro about Borrell.</p><p id="gone">${CONFLICT}</p></main>`);
    await s.idle();
    expect((await flagged(s))).toHaveLength(1);
    document.getElementById('gone')!.remove();
    await settled(s);
    expect((await flagged(s))).toHaveLength(0);
    expect(s.highlighter.keys()).toEqual([]);
  });

  it.each([
    ['there at the first read', (article: Element) => article.append(document.createElement('late-story-a'))],
    ['added after the first read', (article: Element) => article.append(document.createElement('late-story-b'))],
  ])('an open shadow root a custom element attaches when the page defines it late is read (element %s)', async (when, put) => {
    const name = when.startsWith('there') ? 'late-story-a' : 'late-story-b';
    const s = start('<main><article><p>Borrell met Iwaya in Tokyo.</p></article></main>');
    if (name === 'late-story-a') put(document.querySelector('article')!);
    await s.idle();
    if (name === 'late-story-b') {
      put(document.querySelector('article')!);
      await settled(s);
    }
    expect((await s.report()).sentences.map((x) => x.text)).toEqual(['Borrell met Iwaya in Tokyo.']);
    customElements.define(
      name,
      class extends HTMLElement {
        connectedCallback(): void {
          if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).innerHTML = `<p>${CONFLICT}</p>`;
        }
      },
    );
    await settled(s);
    expect((await s.report()).sentences.map((x) => x.text)).toEqual(['Borrell met Iwaya in Tokyo.', CONFLICT]);
    expect((await flagged(s)).map((x) => [x.text, x.verdict])).toEqual([[CONFLICT, 'conflict']]);
  });

  describe('text added inside a paragraph already read: old sentences are not checked again nor listed twice, the new one is checked once', () => {
    const NEW = 'After Tokyo, Borrell will visit the Republic of Korea.';
    const page = `<main><article><p>Borrell met Iwaya in Tokyo.</p><p id="p">${CONFLICT}</p></article></main>`;
    /** Every sentence text the engine's page readings are asked to read; `from()` counts from now on. */
    const watched = (() => {
      const inner = defaultChecker();
      const reads: string[] = [];
      const checker = { ...inner, startPage: () => {
        const reading = inner.startPage();
        return { read: (sentence: string) => (reads.push(sentence), reading.read(sentence)), wouldPassUnread: (text: string) => reading.wouldPassUnread(text), get topical() { return reading.topical; }, get listening() { return reading.listening; } };
      } };
      return { engine: localEngine(checker), from: () => { const at = reads.length; return () => reads.slice(at); } };
    })();
    const engineReads = (_s: PageSession): (() => string[]) => watched.from();
    const texts = async (s: PageSession) => (await s.report()).sentences.map((x) => x.text);
    /** The page node the mark of the sentence with `text` lies in now. */
    const markedNode = async (s: PageSession, text: string): Promise<Node | undefined> => {
      const sentence = (await s.report()).sentences.find((x) => x.text === text);
      return sentence ? s.highlighter.rangesOf(sentence.start)[0]?.startContainer : undefined;
    };

    it.each([
      ['a text node appended', (p: HTMLElement) => p.append(` ${NEW}`)],
      ['a <span> appended', (p: HTMLElement) => { const span = document.createElement('span'); span.textContent = ` ${NEW}`; p.append(span); }],
      ['its text node replaced by one with the same text and more (React, Preact)', (p: HTMLElement) => p.replaceChildren(document.createTextNode(`${CONFLICT} ${NEW}`))],
      ['the paragraph replaced by a new one with the same text and more', (p: HTMLElement) => { const q = document.createElement('p'); q.textContent = `${CONFLICT} ${NEW}`; p.replaceWith(q); }],
    ])('%s', async (_case, change) => {
      const s = start(page, { engine: watched.engine });
      await s.idle();
      expect((await texts(s))).toEqual(['Borrell met Iwaya in Tokyo.', CONFLICT]);
      const reads = engineReads(s);
      change(document.getElementById('p') ?? document.querySelectorAll('p')[1]!);
      await settled(s);
      expect(reads()).toEqual([NEW]);
      expect((await texts(s))).toEqual(['Borrell met Iwaya in Tokyo.', CONFLICT, NEW]);
      // The conflict is still marked, on the text the page shows now.
      const node = (await markedNode(s, CONFLICT));
      expect(node?.isConnected).toBe(true);
      expect(s.highlighter.keys()).toContain((await s.report()).sentences[1]!.start);
      expect((await s.report()).status).toBe('done');
    });

    it.each([
      ['its text node replaced by one with the same text', (p: HTMLElement) => p.replaceChildren(document.createTextNode(CONFLICT))],
      ['the paragraph replaced by a new one with the same text', (p: HTMLElement) => { const q = document.createElement('p'); q.textContent = CONFLICT; p.replaceWith(q); }],
      ['the same text node taken out and put back', (p: HTMLElement) => { const t = p.firstChild!; p.removeChild(t); p.appendChild(t); }],
    ])('re-rendered with identical text: %s', async (_case, change) => {
      const s = start(page, { engine: watched.engine });
      await s.idle();
      const before = (await s.report()).sentences.map((x) => [x.text, x.verdict]);
      const reads = engineReads(s);
      change(document.getElementById('p')!);
      await settled(s);
      expect(reads()).toEqual([]);
      expect((await s.report()).sentences.map((x) => [x.text, x.verdict])).toEqual(before);
      expect((await markedNode(s, CONFLICT))?.isConnected).toBe(true);
    });

    it('a paragraph the page moves with more text: its unfinished sentence gives way to the finished one, the rest keeps its verdict unread', async () => {
      const s = start('<main><article><p id="a">Borrell met Iwaya in Tokyo. Borrell said</p><p>Iwaya agreed.</p></article></main>', { engine: watched.engine });
      await s.idle();
      expect((await texts(s))).toEqual(['Borrell met Iwaya in Tokyo.', 'Borrell said', 'Iwaya agreed.']);
      const reads = engineReads(s);
      const p = document.getElementById('a')!;
      p.append(' the partnership was signed.');
      p.parentElement!.append(p);
      await settled(s);
      expect(reads()).toEqual(['Borrell said the partnership was signed.']);
      expect((await texts(s))).toEqual(['Iwaya agreed.', 'Borrell met Iwaya in Tokyo.', 'Borrell said the partnership was signed.']);
    });

    it('a sentence repeated on the first read is reported twice, as check() does; the page showing it again later adds nothing', async () => {
      const s = start(`<main><article><p>${CONFLICT}</p><p>${CONFLICT}</p></article></main>`, { engine: watched.engine });
      await s.idle();
      expect((await texts(s))).toEqual([CONFLICT, CONFLICT]);
      const reads = engineReads(s);
      const q = document.createElement('p');
      q.textContent = CONFLICT;
      document.querySelector('article')!.append(q);
      await settled(s);
      expect(reads()).toEqual([]);
      expect((await texts(s))).toEqual([CONFLICT, CONFLICT]);
    });
  });

  it.each([
    ['Highlight API', 'auto' as const],
    ['<ejfc-mark> elements', 'elements' as const],
  ])('the extension\'s own nodes and attributes never start a read (%s)', async (_way, highlighter) => {
    const s = start(seedPage(), { highlighter });
    await s.idle();
    const add = vi.spyOn(s.checker, 'add');
    // Everything that writes to the page: marks on and off, a card, a flash.
    s.update({ showSupported: true });
    s.update({ showSupported: false, strictness: 'strict' });
    s.next();
    s.reveal((await flagged(s))[0]!.start);
    await settled(s);
    s.update({ strictness: 'balanced' });
    await settled(s);
    expect(add).not.toHaveBeenCalled();
    if (highlighter === 'elements') expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThan(0);
  });
});

describe('PageSession: findings and cards', () => {
  it('reveal() opens the card of a marked sentence; next() goes through the flagged ones in order and around', async () => {
    const s = start(seedPage());
    await s.idle();
    const starts = (await flagged(s)).map((x) => x.start);
    expect(starts.length).toBeGreaterThan(1);
    const host = document.querySelector(CARD_HOST_TAG)!;
    expect(s.reveal(starts[1]!)).toBe(true);
    expect(host.shadowRoot!.querySelector('[role="dialog"]')).not.toBeNull();
    expect(s.reveal(-5)).toBe(false);
    expect(s.next()).toBe(starts[2] ?? starts[0]);
    const visited = [s.next(), s.next()];
    expect(visited.every((v) => starts.includes(v!))).toBe(true);
    // After the last comes the first.
    s.reveal(starts[starts.length - 1]!);
    expect(s.next()).toBe(starts[0]);
  });

  it('next() puts focus in the card; Escape gives it back', async () => {
    const s = start(`<main><p>Intro about Borrell.</p><p>${CONFLICT}</p><button id="b">Page button</button></main>`);
    await s.idle();
    const button = document.getElementById('b') as HTMLButtonElement;
    button.focus();
    s.next();
    const host = document.querySelector(CARD_HOST_TAG)!;
    const dialog = host.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(host.shadowRoot!.activeElement).toBe(dialog);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(host.shadowRoot!.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('pageStatus() gives the counts without sentences; flaggedPage() a page of the flagged sentences, in page order, with their findings', async () => {
    const s = start(seedPage());
    await s.idle();
    const report = (await s.report());
    const all = (await flagged(s));
    expect(s.pageStatus()).toEqual({ file: report.file, strictness: report.strictness, topical: true, summary: report.summary, status: 'done', checkedAt: report.checkedAt, flagged: all.length });
    expect(Date.parse(s.pageStatus().checkedAt!)).not.toBeNaN();
    expect(s.flaggedPage(0, 2)).toEqual({ total: all.length, offset: 0, sentences: all.slice(0, 2) });
    expect(s.flaggedPage(1, 100).sentences).toEqual(all.slice(1));
    expect(s.flaggedPage(all.length, 5).sentences).toEqual([]);
    expect(all.every((x) => x.findings && x.findings.length > 0)).toBe(true);
  });

  it("a dismissed flag is not marked, listed or stepped to; the card's Dismiss and Report as wrong hand its sentence over; undone, it is marked again", async () => {
    const onDismiss = vi.fn();
    const onReportWrong = vi.fn();
    const s = start(seedPage(), { onDismiss, onReportWrong });
    await s.idle();
    const all = (await flagged(s));
    const target = all[1]!;
    s.reveal(target.start);
    const root = document.querySelector(CARD_HOST_TAG)!.shadowRoot!;
    const button = (name: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === name)!;
    button('Report as wrong').click();
    expect(onReportWrong).toHaveBeenCalledWith(expect.objectContaining({ text: target.text, start: target.start, verdict: target.verdict }));
    await vi.waitFor(() => expect(root.querySelector('[aria-live="polite"]')!.textContent).toContain('Nothing is sent anywhere'));
    button('Dismiss on this page').click();
    expect(onDismiss).toHaveBeenCalledWith(expect.objectContaining({ text: target.text }));

    // The content script answers with the new set.
    s.update({ dismissed: new Set([target.text]) });
    expect(s.highlighter.lookOf(target.start)).toBeUndefined();
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(s.flaggedPage(0, 100).sentences.map((x) => x.start)).toEqual(all.filter((x) => x !== target).map((x) => x.start));
    expect(s.pageStatus().flagged).toBe(all.length - 1);
    const visited = new Set(all.map(() => s.next()));
    expect(visited.has(target.start)).toBe(false);
    // The report itself stays the engine's.
    expect((await s.report()).summary).toEqual(summarize((await s.report()).sentences));

    s.update({ dismissed: new Set() });
    expect(s.highlighter.lookOf(target.start)).toBeDefined();
    expect(s.pageStatus().flagged).toBe(all.length);
  });

  it('previous() goes through the flagged ones backwards and around', async () => {
    const s = start(seedPage());
    await s.idle();
    const starts = (await flagged(s)).map((x) => x.start);
    expect(starts.length).toBeGreaterThan(2);
    // Nothing shown yet: backwards starts from the bottom.
    expect(s.previous()).toBe(starts[starts.length - 1]);
    expect(s.previous()).toBe(starts[starts.length - 2]);
    expect(s.next()).toBe(starts[starts.length - 1]);
    s.reveal(starts[0]!);
    expect(s.previous()).toBe(starts[starts.length - 1]);
  });

  it('previous() puts focus in the card and names the sentence there', async () => {
    const s = start(`<main><p>Intro about Borrell.</p><p>${CONFLICT}</p></main>`);
    await s.idle();
    s.previous();
    const root = document.querySelector(CARD_HOST_TAG)!.shadowRoot!;
    const dialog = root.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(root.activeElement).toBe(dialog);
    expect(dialog.querySelector('q')?.textContent).toBe(CONFLICT);
  });

  it('a check that ends with something flagged is announced politely, with the keys; once per count', async () => {
    const s = start(seedPage(), { shortcuts: () => ({ next: 'Ctrl+Alt+N', previous: 'Ctrl+Alt+P' }) });
    await s.idle();
    const { conflict, unsupported } = s.summary();
    expect(conflict + unsupported).toBeGreaterThan(0);
    const live = document.querySelector(CARD_HOST_TAG)!.shadowRoot!.querySelector('[aria-live="polite"]')!;
    await vi.waitFor(() => expect(live.textContent).not.toBe(''));
    expect(live.textContent).toBe(flaggedAnnouncement(s.summary(), { next: 'Ctrl+Alt+N', previous: 'Ctrl+Alt+P' }));
    expect(live.textContent).toContain('Ctrl+Alt+N goes to the next');
    // The same counts again (another strictness with the same flags, or nothing new): nothing new is said.
    live.textContent = '';
    s.update({ showSupported: true });
    await settled(s);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(live.textContent).toBe('');
  });

  it('a page that keeps adding flagged text is announced at most once an interval, with the latest counts at its end', async () => {
    const s = start(`<main><article><p>${CONFLICT}</p></article></main>`, { announceEveryMs: 400 });
    await s.idle();
    const live = document.querySelector(CARD_HOST_TAG)!.shadowRoot!.querySelector('[aria-live="polite"]')!;
    await vi.waitFor(() => expect(live.textContent).toContain('1 conflict on this page'));
    // Two more conflicts arrive at once after the first announcement: nothing new is said yet.
    for (const city of ['Kyoto', 'Nagoya']) {
      const p = document.createElement('p');
      p.textContent = CONFLICT.replace('Osaka', city);
      document.querySelector('article')!.append(p);
      await settled(s);
    }
    expect(live.textContent).toContain('1 conflict on this page');
    // At the interval's end, the counts as they are then.
    expect(s.summary().conflict).toBeGreaterThan(1);
    await vi.waitFor(() => expect(live.textContent).toContain(`${s.summary().conflict} conflicts on this page`), { timeout: 2000 });
  });

  it('a page with nothing flagged announces nothing and gets no card host', async () => {
    const s = start(OFF_TOPIC);
    await s.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
  });

  it('focus on a link inside a flagged sentence offers its card, without taking focus; next() enters that card; focus elsewhere takes it back', async () => {
    const linked = CONFLICT.replace('Osaka', '<a id="in" href="#">Osaka</a>');
    const s = start(`<main><p>Intro about Borrell.</p><p>${linked}</p><p><a id="out" href="#">Unrelated link</a></p></main>`);
    await s.idle();
    const start0 = (await flagged(s))[0]!.start;
    const host = document.querySelector(CARD_HOST_TAG)!;
    const root = host.shadowRoot!;
    const inside = document.getElementById('in') as HTMLAnchorElement;
    inside.focus();
    expect(host.getAttribute('data-finding-start')).toBe(String(start0));
    expect(document.activeElement).toBe(inside);
    await vi.waitFor(() => expect(root.querySelector('[aria-live="polite"]')!.textContent).toContain('In a flagged sentence: Conflict'));
    expect(s.next()).toBe(start0);
    expect(root.activeElement).toBe(root.querySelector('[role="dialog"]'));
    // Escape gives focus back to the link.
    root.querySelector('[role="dialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(document.activeElement).toBe(inside);
    expect(host.hasAttribute('data-finding-start')).toBe(false);
    // Arriving at it again offers it again.
    (document.getElementById('out') as HTMLAnchorElement).focus();
    inside.focus();
    expect(host.getAttribute('data-finding-start')).toBe(String(start0));
    (document.getElementById('out') as HTMLAnchorElement).focus();
    expect(host.hasAttribute('data-finding-start')).toBe(false);
  });

  it('the card shows the finding\'s reason and passage as text, with the reference\'s source line', async () => {
    const s = start(`<main><p>${CONFLICT}</p></main>`);
    await s.idle();
    const finding = (await flagged(s))[0]!;
    s.reveal(finding.start);
    const text = document.querySelector(CARD_HOST_TAG)!.shadowRoot!.textContent!;
    expect(text).toContain(finding.reason);
    expect(text).toContain(finding.quote);
    expect(text).toContain('EEAS press release, Tokyo, 1 November 2024');
  });
});

describe("PageSession: the card's UI comes with the first mark", () => {
  /** A `loadCardUi` the test settles by hand. */
  function deferredUi() {
    let settle!: (ok: boolean) => void;
    const load = vi.fn(
      () =>
        new Promise<typeof CARD_UI>((resolve, reject) => {
          settle = (ok) => (ok ? resolve(CARD_UI) : reject(new Error('no cards.js')));
        }),
    );
    return { load, settle: (ok = true) => settle(ok) };
  }

  it('a page with nothing marked never asks for it', async () => {
    const ui = deferredUi();
    const s = start(OFF_TOPIC, { loadCardUi: ui.load });
    await s.idle();
    s.update({ showSupported: true, strictness: 'strict' });
    await settled(s);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ui.load).not.toHaveBeenCalled();
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
  });

  it('a marked page asks once; until it arrives no card opens and the counts wait; then a reveal asked meanwhile opens, with focus, and the counts are said', async () => {
    const ui = deferredUi();
    const s = start(seedPage(), { loadCardUi: ui.load, shortcuts: () => ({ next: 'Ctrl+Alt+N', previous: 'Ctrl+Alt+P' }) });
    await s.idle();
    expect(ui.load).toHaveBeenCalledTimes(1);
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    const target = (await flagged(s))[1]!;
    expect(s.reveal(target.start, { focus: true })).toBe(true);
    s.update({ showSupported: true });
    expect(ui.load).toHaveBeenCalledTimes(1);
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    ui.settle();
    await vi.waitFor(() => expect(document.querySelector(CARD_HOST_TAG)).not.toBeNull());
    const host = document.querySelector(CARD_HOST_TAG)!;
    expect(host.getAttribute('data-finding-start')).toBe(String(target.start));
    expect(host.shadowRoot!.activeElement).toBe(host.shadowRoot!.querySelector('[role="dialog"]'));
    const live = host.shadowRoot!.querySelector('[aria-live="polite"]')!;
    await vi.waitFor(() => expect(live.textContent).toBe(flaggedAnnouncement(s.summary(), { next: 'Ctrl+Alt+N', previous: 'Ctrl+Alt+P' })));
  });

  it('when it cannot come, the page is still marked and answers, with no card', async () => {
    const ui = deferredUi();
    const s = start(seedPage(), { loadCardUi: ui.load });
    await s.idle();
    ui.settle(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const all = await flagged(s);
    expect(marked(fake!, 'conflict') + marked(fake!, 'unsupported')).toBe(all.length);
    expect(s.next()).toBe(all[0]!.start);
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
  });
});

describe('PageSession: destroy()', () => {
  it.each([
    ['Highlight API', 'auto' as const],
    ['<ejfc-mark> elements', 'elements' as const],
  ])('puts the page back as it was and stops watching (%s)', async (_way, highlighter) => {
    document.body.innerHTML = seedPage();
    const before = snapshot(document.documentElement);
    session = new PageSession({ document, engine: localEngine(), file: 'x', strictness: 'balanced', showSupported: true, highlighter, settleMs: 5, loadCardUi: async () => CARD_UI, cards: { cardMode: 'open' } });
    await session.idle();
    session.next();
    const add = vi.spyOn(session.checker, 'add');
    session.destroy();
    expect(snapshot(document.documentElement)).toEqual(before);
    expect(fake!.registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    const paragraph = document.createElement('p');
    paragraph.textContent = CONFLICT;
    document.querySelector('article')!.appendChild(paragraph);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(add).not.toHaveBeenCalled();
  });
});
