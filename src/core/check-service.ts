/**
 * The engine's side of the page protocol (see check-protocol.ts): one
 * service per browser, in the extension's background, holding a
 * `PageChecker` for each page being checked, over one compiled engine that
 * every page shares. Pure TypeScript like the rest of the engine; the
 * background only hands it messages, and the tests call it directly.
 *
 * Faults it is built for: a reply lost (the same request again gets the
 * same reply), a request out of step or for a page it forgot (`known:
 * false`, and the page starts again), a tab closed or navigated (`forget`),
 * a page that sends a great deal (each request reads for a bounded time, so
 * another page's requests are answered in between).
 *
 * @module
 */
import { summarize, type PageReport, type SentenceReport } from './report';
import type { Checker, Decision } from './check';
import type { CheckPageReply, CheckPageRequest, PagePiece, PageReportReply, PageReportRequest, WireSentence } from './check-protocol';
import { PageChecker } from './page-checker';
import { DEFAULT_STRICTNESS, STRICTNESS_LEVELS } from './strictness';
import { splitSentences } from './text/sentences';

/** How long a request may read, when it does not say (ms): short, so that requests from other pages wait little. */
export const DEFAULT_BUDGET_MS = 20;
/** Pages kept at most; the least recently asked about is forgotten first (it starts again if it comes back). */
export const MAX_PAGES = 32;

export interface CheckServiceOptions {
  /** The engine over the claim set in force, made once and shared by every page. */
  checker: () => Checker;
  maxPages?: number;
  now?: () => number;
}

/** One page being checked. */
interface HostedPage {
  checker: PageChecker;
  /** Who asked (a tab), so that the page is forgotten with it. */
  owner: number | undefined;
  /** The last request answered, and its reply (sent again if the page asks again). */
  seq: number;
  reply: CheckPageReply | undefined;
  /** The number of each decision sent to this page. */
  decisionIds: Map<Decision, number>;
}

/** The pages being checked, over one engine; see the module comment. */
export class CheckService {
  /** In the order last asked about (a `Map` keeps insertion order: a page asked about is put last). */
  private readonly pages = new Map<string, HostedPage>();
  private readonly maxPages: number;
  private readonly now: () => number;

  constructor(private readonly options: CheckServiceOptions) {
    this.maxPages = options.maxPages ?? MAX_PAGES;
    this.now = options.now ?? (() => performance.now());
  }

  /** How many pages are being kept. */
  get size(): number {
    return this.pages.size;
  }

  /**
   * Take one request of a page (see check-protocol.ts): add its text, forget
   * what it took away, read for at most its budget, and tell what was
   * decided. `owner`: the tab it came from.
   */
  check(request: CheckPageRequest, owner?: number): CheckPageReply {
    let page = this.pages.get(request.page);
    if (!page) {
      if (request.seq !== 0) return unknown(request.seq);
      // A tab shows one page at a time: a new one there means the last one is gone.
      if (owner !== undefined) this.forgetOwner(owner);
      page = { checker: new PageChecker(this.options.checker(), DEFAULT_STRICTNESS), owner, seq: -1, reply: undefined, decisionIds: new Map() };
      this.keep(request.page, page);
    } else {
      this.pages.delete(request.page);
      this.pages.set(request.page, page);
    }
    // The reply was lost: the same again (the request's text is in already).
    if (request.seq === page.seq && page.reply) return page.reply;
    if (request.seq !== page.seq + 1) {
      // Out of step (a request lost and a later one sent, or a page that started again elsewhere): start again, clean.
      this.pages.delete(request.page);
      return unknown(request.seq);
    }
    let base = -1;
    for (const piece of request.pieces) {
      if (piece.base <= base) {
        this.pages.delete(request.page);
        throw new RangeError(`page text added at ${piece.base}, not after the text before it`);
      }
      base = piece.base;
      page.checker.add(piece.text, piece.base, piece.once ? { once: true } : {});
    }
    page.checker.removeRanges(request.removed);
    const deadline = this.now() + (request.budgetMs ?? DEFAULT_BUDGET_MS);
    page.checker.step(() => this.now() >= deadline);
    const reply = this.reply(page, request.seq);
    page.seq = request.seq;
    page.reply = reply;
    return reply;
  }

  /**
   * The whole report of a page at a strictness, as `check` gives it for the
   * page's text, with the text the page kept to itself (`unread`) listed at
   * its place without a verdict. A page that sent nothing has a report of
   * its unread text alone.
   */
  report(request: PageReportRequest): PageReportReply {
    const page = this.pages.get(request.page);
    const unread = unreadSentences(request.unread);
    if (!page) return request.seq < 0 ? { known: true, report: reportOf(request.file, request.strictness, false, unread) } : { known: false };
    page.checker.strictness = request.strictness;
    const checked = page.checker.report(request.file);
    const sentences = unread.length === 0 ? checked.sentences : [...unread, ...checked.sentences].sort((a, b) => a.start - b.start);
    return { known: true, report: reportOf(request.file, request.strictness, checked.topical, sentences) };
  }

  /** Forget a page (its script is gone). */
  forget(page: string): void {
    this.pages.delete(page);
  }

  /** Forget every page of a tab (it was closed, or shows another page). */
  forgetOwner(owner: number): void {
    for (const [id, page] of this.pages) if (page.owner === owner) this.pages.delete(id);
  }

  /** Forget every page (the claim set changed: each page starts again, against the new set). */
  forgetAll(): void {
    this.pages.clear();
  }

  private keep(id: string, page: HostedPage): void {
    this.pages.set(id, page);
    while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value!);
  }

  private reply(page: HostedPage, seq: number): CheckPageReply {
    const { decided, removed } = page.checker.drainChanges();
    const decisions: [number, Decision][] = [];
    const numberOf = (decision: Decision): number => {
      let id = page.decisionIds.get(decision);
      if (id === undefined) {
        id = page.decisionIds.size;
        page.decisionIds.set(decision, id);
        decisions.push([id, decision]);
      }
      return id;
    };
    const wire: WireSentence[] = decided.map((s) => {
      const [lenient, balanced, strict] = STRICTNESS_LEVELS.map((_, i) => numberOf(s.decisions[i]!));
      return [s.id, s.start, s.end, lenient!, balanced!, strict!];
    });
    return {
      seq,
      known: true,
      topical: page.checker.topical,
      listening: page.checker.listening,
      finished: page.checker.finished,
      decisions,
      decided: wire,
      removed,
    };
  }
}

function unknown(seq: number): CheckPageReply {
  return { seq, known: false, topical: false, listening: true, finished: false, decisions: [], decided: [], removed: [] };
}

/** The sentences of text the engine would let pass unread: listed, with no verdict. */
function unreadSentences(pieces: readonly PagePiece[]): SentenceReport[] {
  const sentences: SentenceReport[] = [];
  for (const piece of pieces) {
    for (const span of splitSentences(piece.text)) sentences.push({ text: span.text, start: piece.base + span.start, end: piece.base + span.end, verdict: null });
  }
  return sentences;
}

function reportOf(file: string, strictness: PageReport['strictness'], topical: boolean, sentences: SentenceReport[]): PageReport {
  return { file, strictness, topical, sentences, summary: summarize(sentences) };
}
