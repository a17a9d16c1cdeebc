/**
 * What a page's script and the engine say to each other when the engine
 * runs elsewhere (the extension's background): defined once, here, beside
 * the engine. The schemas give both the types and the checks the service
 * runs on every request it receives (valibot: one definition for each).
 *
 * The conversation, per page (a page session: one load of one address):
 *
 * 1. The page sends `CheckPageRequest`s numbered from 0, one at a time, each
 *    with the text it read since the last one (pieces at their offsets in
 *    the page text) and the ranges of text the page took away. The engine
 *    adds them, reads for a bounded time, and answers with what it decided
 *    since the last answer. A request with no new text asks it to go on.
 * 2. A reply lost on the way is asked for again with the same number, and
 *    comes back the same. A page the engine does not know (the background
 *    was stopped and started again, or it forgot the page) answers
 *    `known: false`: the page starts again from 0 with everything it sent.
 * 3. The whole report (for an export) is asked for with `PageReportRequest`.
 *
 * Decisions travel once per page: each reply lists the decisions it uses
 * that were not sent before, numbered, and each sentence refers to them by
 * number (news repeats its verdicts, and each carries its passage).
 *
 * @module
 */
import * as v from 'valibot';
import type { Decision } from './report';
import type { PageReport } from './report';
import { STRICTNESS_LEVELS } from './strictness';

/** The most text one request may carry, in UTF-16 units: a page sends long text in several. */
export const MAX_REQUEST_TEXT = 8_000_000;

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Text read from the page, at its offset in the page text. */
export const PagePieceSchema = v.object({
  text: v.string(),
  base: offset,
  /** Text the page added after its first read (see `PageChecker.add`). */
  once: v.optional(v.boolean()),
});
export type PagePiece = v.InferOutput<typeof PagePieceSchema>;

const withinLimit = (pieces: PagePiece[]): boolean => pieces.reduce((n, p) => n + p.text.length, 0) <= MAX_REQUEST_TEXT;

export const CheckPageRequestSchema = v.object({
  /** The page session's id: random, made by the page's script for each load. */
  page: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  /** 0 for the first request of a page, then one more each time. */
  seq: offset,
  pieces: v.pipe(v.array(PagePieceSchema), v.check(withinLimit, `a request carries at most ${MAX_REQUEST_TEXT} characters of text`)),
  /** `[start, end)` ranges of the page text whose text the page took away. */
  removed: v.array(v.pipe(v.tuple([offset, offset]), v.check(([start, end]) => start <= end, 'a removed range ends before it starts'))),
  /** How long the engine may read before answering, in milliseconds. */
  budgetMs: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(1000))),
});
export type CheckPageRequest = v.InferOutput<typeof CheckPageRequestSchema>;

/**
 * A sentence with a verdict at some strictness: its id (stable for the page),
 * offsets, and the number of its decision at each strictness (in
 * `STRICTNESS_LEVELS` order) in the page's decision table. Not its text: the
 * page has it (`text === pageText.slice(start, end)`), and a copy of every
 * flagged sentence would double what a long page keeps.
 */
export type WireSentence = [id: number, start: number, end: number, lenient: number, balanced: number, strict: number];

export interface CheckPageReply {
  seq: number;
  /** False: the engine does not know this page at this point; start again from 0 with everything. */
  known: boolean;
  /** Whether the page is about the subject (until it is, no sentence has a verdict). */
  topical: boolean;
  /** Whether the engine reads the next sentence whatever its words: then the page must send it all (see `PageReading.listening`). */
  listening: boolean;
  /** Whether everything sent so far has been read and decided. */
  finished: boolean;
  /** Decisions not sent before on this page, by number. */
  decisions: [number, Decision][];
  /** Sentences decided or moved since the last reply. */
  decided: WireSentence[];
  /** Ids of sentences told before that are gone. */
  removed: number[];
}

export const PageReportRequestSchema = v.object({
  page: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  /** The last request of the page that was answered; -1 when it has sent none (then the report is of its unread text alone). */
  seq: v.pipe(v.number(), v.integer(), v.minValue(-1)),
  file: v.string(),
  strictness: v.picklist(STRICTNESS_LEVELS),
  /**
   * Text the page kept to itself, since the engine would have let it pass
   * unread (see `PageReading.listening`): listed in the report, without a
   * verdict, at its place.
   */
  unread: v.pipe(v.array(PagePieceSchema), v.check(withinLimit, `a request carries at most ${MAX_REQUEST_TEXT} characters of text`)),
});
export type PageReportRequest = v.InferOutput<typeof PageReportRequestSchema>;

export interface PageReportReply {
  /** False: the engine does not know the page (see `CheckPageReply.known`); the page sends its text again first. */
  known: boolean;
  report?: PageReport;
}

/** How a page's requests reach the engine: messages to the background in the extension, the service itself in tests. */
export interface CheckTransport {
  check(request: CheckPageRequest): Promise<CheckPageReply>;
  report(request: PageReportRequest): Promise<PageReportReply>;
}

/** What a page's session needs of the engine: a way to reach it, its gate, and the reference's label for the card. */
export interface EngineConnection {
  transport: CheckTransport;
  /** The engine's gate (see gate.ts): the page keeps text without its words to itself while the engine is not listening. */
  gate?: RegExp;
  /** The claim set's `source.label`, named on the card. */
  sourceLabel: string;
}

/** `value` as a request, or a `TypeError` naming what is wrong with it. */
export function parseCheckPageRequest(value: unknown): CheckPageRequest {
  return parse(CheckPageRequestSchema, value, 'check request');
}

/** `value` as a report request, or a `TypeError` naming what is wrong with it. */
export function parsePageReportRequest(value: unknown): PageReportRequest {
  return parse(PageReportRequestSchema, value, 'report request');
}

function parse<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw new TypeError(`bad ${what}${path ? ` at ${path}` : ''}: ${issue.message}`);
}
