/**
 * The page's side of the page protocol (src/core/check-protocol.ts): the
 * engine runs elsewhere (the extension's background, once per browser), and
 * this client sends it the page's text, keeps the findings it sends back,
 * and answers the session's questions about them (the marks, the cards, the
 * popup's counts and list) without asking again.
 *
 * What stays on the page: text the engine would let pass unread. While the
 * engine is not listening (the page is not about the subject and nothing was
 * named that "he" or "it" could stand for), a line without a gate word would
 * be read by nobody, so it is kept here (`unread`) and never sent. That is
 * the whole page on most pages, which then cost one scan of the gate's
 * pattern over their text and nothing else. Lines are kept back only while
 * the engine's state is known (its last reply said it had read everything),
 * so what it reads is exactly what it would read of the whole text, and the
 * report is exactly `check(wholeText)`'s.
 *
 * Faults: a request that fails (the background was stopped, a message was
 * lost, no reply in time) is sent again, with the same number, after a
 * growing pause; a reply saying the engine does not know the page has every
 * request sent so far sent again from the start. After `maxAttempts`
 * failures in a row the client gives up (`failed`): the report stays as it
 * is, and nothing loops.
 *
 * DOM-free: the session hands it text and offsets.
 *
 * @module
 */
import { summarize, type Decision, type PageReport, type SentenceReport } from '../../core/report';
import type { Strictness } from '../../core/strictness';
import type { CheckPageReply, CheckTransport, PagePiece, PageReportReply, PageReportRequest } from '../../core/check-protocol';
import { STRICTNESS_LEVELS } from '../../core/strictness';

export interface CheckClientOptions {
  transport: CheckTransport;
  /** The engine's gate (see src/core/gate.ts); without one every line is sent. */
  gate?: RegExp;
  strictness: Strictness;
  /** The page session's id (random by default). */
  page?: string;
  /** Most characters of text one request carries. */
  batchChars?: number;
  /** How long the engine may read per request, in ms. */
  budgetMs?: number;
  /** Failures in a row before giving up. */
  maxAttempts?: number;
  /** Longest wait for a reply before the request counts as lost, in ms. */
  replyTimeoutMs?: number;
  /** Pause before the first retry, in ms (doubling each time). */
  retryDelayMs?: number;
  /** Wait `ms` (tests may pass their own). */
  sleep?: (ms: number) => Promise<void>;
}

/** A sentence with a verdict at some strictness, as the page keeps it. */
interface Kept {
  text: string;
  start: number;
  end: number;
  /** Its decision at each strictness, in `STRICTNESS_LEVELS` order. */
  decisions: readonly Decision[];
}

/** What one request carries. */
interface Outgoing {
  pieces: PagePiece[];
  removed: [number, number][];
}

const DEFAULT_BATCH_CHARS = 32_000;
const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_REPLY_TIMEOUT_MS = 30_000;
const DEFAULT_RETRY_DELAY_MS = 100;

/** See the module comment. */
export class CheckClient {
  readonly page: string;
  private readonly transport: CheckTransport;
  /** Global, multiline: scanned from a line's start along a piece's text. */
  private readonly gate: RegExp | undefined;
  private strictnessLevel: Strictness;
  /** Text added and not yet sent or kept back, in page order; `at`: how much of it is dealt with. */
  private readonly queue: { text: string; base: number; once: boolean; at: number }[] = [];
  /** Removed ranges not yet sent. */
  private removedQueue: [number, number][] = [];
  /** Requests made but not yet answered (the first is in flight), and every request answered since the page (re)started. */
  private outbox: Outgoing[] = [];
  private sent: Outgoing[] = [];
  /** Text kept back (see the module comment), as pieces at their offsets. */
  private readonly unread: PagePiece[] = [];
  /** Every piece of text sent or to be sent, in page order: where a decided sentence's text is read from. */
  private readonly sentText: PagePiece[] = [];
  private seq = -1;
  private lastReply: Pick<CheckPageReply, 'topical' | 'listening' | 'finished'> = { topical: false, listening: false, finished: true };
  private readonly decisions: Decision[] = [];
  private readonly kept = new Map<number, Kept>();
  private readonly byStart = new Map<number, Kept>();
  /** `kept` in page order, made when asked for. */
  private ordered: Kept[] | undefined;
  private failure: string | undefined;
  /** Failures in a row (see `failedOnce`). */
  private attempts = 0;

  constructor(private readonly options: CheckClientOptions) {
    this.transport = options.transport;
    this.gate = options.gate ? new RegExp(options.gate.source, `${options.gate.flags.replace(/[gmy]/g, '')}gm`) : undefined;
    this.strictnessLevel = options.strictness;
    this.page = options.page ?? randomId();
  }

  get strictness(): Strictness {
    return this.strictnessLevel;
  }

  /** Decide at another strictness: every strictness's decision is here already, so nothing is asked. */
  set strictness(level: Strictness) {
    this.strictnessLevel = level;
  }

  /** Whether what was read so far says anything about the subject (`PageReport.topical`). */
  get topical(): boolean {
    return this.lastReply.topical;
  }

  /** Why the client gave up, if it did (see the module comment). */
  get failed(): string | undefined {
    return this.failure;
  }

  /** Whether every piece added has been dealt with: sent and read, or kept back (or the client gave up). */
  get finished(): boolean {
    if (this.failure !== undefined) return true;
    return this.lastReply.finished && this.outbox.length === 0 && this.removedQueue.length === 0 && this.queue.length === 0;
  }

  /**
   * Queue `text`, a piece of the page text at offset `base` (after
   * everything queued before); `once` as in `PageChecker.add`. Nothing is
   * sent until `step`.
   */
  add(text: string, base: number, { once = false }: { once?: boolean } = {}): void {
    if (text.length > 0) this.queue.push({ text, base, once, at: 0 });
  }

  /** The page took away the text of these ranges: the sentences wholly within one leave the report. */
  removeRanges(ranges: readonly (readonly [number, number])[]): void {
    for (const [start, end] of ranges) this.removedQueue.push([start, end]);
  }

  /**
   * One exchange with the engine: send what is due (new text, removals, or
   * a request to go on reading) and take in what it decided. Returns when
   * the reply is in (or a retry is due).
   */
  async step(): Promise<void> {
    if (this.finished) return;
    if (this.outbox.length === 0) {
      const next = this.nextRequest();
      // Everything left was kept back: nothing to ask.
      if (!next) return;
      this.outbox.push(next);
    }
    const outgoing = this.outbox[0]!;
    const seq = this.seq + 1;
    let reply: CheckPageReply;
    try {
      reply = await withTimeout(this.transport.check({ page: this.page, seq, ...outgoing, ...(this.options.budgetMs ? { budgetMs: this.options.budgetMs } : {}) }), this.options.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS);
    } catch (error) {
      await this.failedOnce(error);
      return;
    }
    this.attempts = 0;
    if (!reply.known) {
      this.startAgain();
      return;
    }
    this.seq = seq;
    this.outbox.shift();
    this.sent.push(outgoing);
    this.take(reply);
  }

  /**
   * The sentences with a verdict at the current strictness, in page order
   * (none until the page is found to be about the subject).
   */
  findings(): SentenceReport[] {
    const found: SentenceReport[] = [];
    if (!this.topical) return found;
    const level = STRICTNESS_LEVELS.indexOf(this.strictnessLevel);
    for (const kept of this.inOrder()) {
      const decision = kept.decisions[level]!;
      if (decision.verdict) found.push({ text: kept.text, start: kept.start, end: kept.end, ...decision });
    }
    return found;
  }

  /** The flagged sentences of `findings` that `keep` accepts, from `offset`, at most `limit`, and how many there are. */
  flaggedSlice(offset: number, limit: number, keep: (text: string) => boolean): { total: number; sentences: SentenceReport[] } {
    const sentences: SentenceReport[] = [];
    let total = 0;
    if (!this.topical) return { total, sentences };
    const level = STRICTNESS_LEVELS.indexOf(this.strictnessLevel);
    for (const kept of this.inOrder()) {
      const decision = kept.decisions[level]!;
      if ((decision.verdict !== 'conflict' && decision.verdict !== 'unsupported') || !keep(kept.text)) continue;
      if (total >= offset && sentences.length < limit) sentences.push({ text: kept.text, start: kept.start, end: kept.end, ...decision });
      total += 1;
    }
    return { total, sentences };
  }

  /** The sentence of `findings` that starts at `start`, if it has a verdict now. */
  findingAt(start: number): SentenceReport | undefined {
    const kept = this.topical ? this.byStart.get(start) : undefined;
    const decision = kept?.decisions[STRICTNESS_LEVELS.indexOf(this.strictnessLevel)];
    return kept && decision?.verdict ? { text: kept.text, start: kept.start, end: kept.end, ...decision } : undefined;
  }

  /**
   * The whole report, every sentence listed (for an export): asked of the
   * engine, with the text kept back. The engine that forgot the page hears
   * it all again first.
   */
  async report(file: string): Promise<PageReport> {
    for (let attempt = 0; this.failure === undefined; attempt++) {
      const unread = this.unreadNow();
      const request: PageReportRequest = { page: this.page, seq: this.seq, file, strictness: this.strictnessLevel, unread };
      let reply: PageReportReply;
      try {
        reply = await withTimeout(this.transport.report(request), this.options.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS);
      } catch {
        // The engine cannot be reached: what the page knows (below), rather than no export at all.
        break;
      }
      if (reply.known && reply.report) return reply.report;
      if (attempt >= 1) break;
      this.startAgain();
      while (!this.finished) await this.step();
    }
    // The engine cannot say: what the page knows, findings only.
    const sentences = this.findings();
    return { file, strictness: this.strictnessLevel, topical: this.topical, sentences, summary: summarize(sentences) };
  }

  // ---- sending --------------------------------------------------------------

  private async failedOnce(error: unknown): Promise<void> {
    this.attempts += 1;
    if (this.attempts >= (this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
      this.failure = messageOf(error);
      return;
    }
    const delay = (this.options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS) * 2 ** (this.attempts - 1);
    try {
      await (this.options.sleep ?? sleep)(delay);
    } catch (cannotWait) {
      // A page being closed can refuse even a timer (Firefox: NS_ERROR_NOT_INITIALIZED): nothing more will be asked.
      this.failure = messageOf(cannotWait);
    }
  }

  /** The engine does not know the page: everything sent goes again, from request 0, and what it told is forgotten. */
  private startAgain(): void {
    this.outbox = [...this.sent, ...this.outbox];
    this.sent = [];
    this.seq = -1;
    this.kept.clear();
    this.byStart.clear();
    this.decisions.length = 0;
    this.ordered = undefined;
    this.lastReply = { topical: false, listening: false, finished: false };
  }

  /**
   * The next request from what is queued: removals, and new text up to
   * `batchChars`, whole lines. While the engine is known to be not
   * listening, the lines before the first with a gate word are kept back.
   * When the engine has not read everything sent, a request with nothing
   * new asks it to go on.
   */
  private nextRequest(): Outgoing | undefined {
    const removed = this.removedQueue;
    this.removedQueue = [];
    if (!this.lastReply.finished) return { pieces: [], removed };
    const pieces: PagePiece[] = [];
    const limit = this.options.batchChars ?? DEFAULT_BATCH_CHARS;
    let size = 0;
    let keepBack = !this.lastReply.listening && this.gate !== undefined;
    while (this.queue.length > 0 && size < limit) {
      const piece = this.queue[0]!;
      let from = piece.at;
      if (keepBack) {
        const line = this.firstGateLine(piece.text, from);
        const upTo = line ?? piece.text.length;
        if (upTo > from) this.unread.push({ text: piece.text.slice(from, upTo - (line === undefined ? 0 : 1)), base: piece.base + from });
        if (line === undefined) {
          this.queue.shift();
          continue;
        }
        from = line;
        keepBack = false;
      }
      // Whole lines up to the limit (at least one), from `from`.
      let to = from;
      while (to < piece.text.length && size + (to - from) < limit) {
        const newline = piece.text.indexOf('\n', to);
        to = newline === -1 ? piece.text.length : newline + 1;
      }
      const text = piece.text.slice(from, to === piece.text.length ? to : to - 1);
      if (text.length > 0) pieces.push({ text, base: piece.base + from, ...(piece.once ? { once: true } : {}) });
      size += to - from;
      piece.at = to;
      if (to >= piece.text.length) this.queue.shift();
    }
    if (pieces.length === 0 && removed.length === 0) return undefined;
    for (const piece of pieces) this.sentText.push(piece);
    return { pieces, removed };
  }

  /** Where the first line from `from` with a gate word starts in `text`, if there is one. */
  private firstGateLine(text: string, from: number): number | undefined {
    const gate = this.gate!;
    gate.lastIndex = from;
    const match = gate.exec(text);
    if (!match) return undefined;
    // The match may begin with the character before the word (the line break before it): the word's last letter says which line.
    const inWord = match.index + match[0].length - 1;
    return text.lastIndexOf('\n', inWord) + 1;
  }

  /** The text kept back so far, and what is queued and not yet dealt with (a report asked for mid-check lists it too). */
  private unreadNow(): PagePiece[] {
    const pending = this.queue.map((p) => ({ text: p.text.slice(p.at), base: p.base + p.at }));
    return [...this.unread, ...pending.filter((p) => p.text.length > 0)];
  }

  // ---- what came back -------------------------------------------------------

  private take(reply: CheckPageReply): void {
    this.lastReply = { topical: reply.topical, listening: reply.listening, finished: reply.finished };
    for (const [id, decision] of reply.decisions) this.decisions[id] = decision;
    for (const id of reply.removed) this.drop(id);
    for (const [id, start, end, lenient, balanced, strict] of reply.decided) {
      this.drop(id);
      const kept: Kept = { text: this.textAt(start, end), start, end, decisions: [this.decisions[lenient]!, this.decisions[balanced]!, this.decisions[strict]!] };
      this.kept.set(id, kept);
      this.byStart.set(start, kept);
    }
    if (reply.removed.length > 0 || reply.decided.length > 0) this.ordered = undefined;
  }

  /** The page text `[start, end)`, from the piece sent that holds it (a slice: no copy). */
  private textAt(start: number, end: number): string {
    const pieces = this.sentText;
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (pieces[mid]!.base <= start) low = mid;
      else high = mid - 1;
    }
    const piece = pieces[low];
    if (!piece || start < piece.base || end > piece.base + piece.text.length) throw new RangeError(`the engine named text at ${start}–${end}, which the page did not send`);
    return piece.text.slice(start - piece.base, end - piece.base);
  }

  private drop(id: number): void {
    const old = this.kept.get(id);
    if (!old) return;
    this.kept.delete(id);
    if (this.byStart.get(old.start) === old) this.byStart.delete(old.start);
  }

  private inOrder(): Kept[] {
    this.ordered ??= [...this.kept.values()].sort((a, b) => a.start - b.start);
    return this.ordered;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `promise`, or a rejection naming the wait when it takes longer than `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no reply from the engine within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
