import { compareDates, findDates, type DateMention } from '../facts/dates';
import { analyse, type AnalysedSentence } from '../facts/sentence';
import { findOrdinals, findPlaces, type OrdinalMention, type PlaceMention } from '../facts/things';
import type { Knowledge } from '../knowledge';
import { stem } from '../lexicon/synonyms';
import { MONTHS, WEEKDAYS } from '../lexicon/calendar';
import { NUMBER_WORDS, ORDINAL_WORDS } from '../lexicon/numbers';
import { STOPWORDS } from '../lexicon/words';
import type { DateSpec } from '../claims/types';
import type { Finding } from './finding';
import type { SentenceFacts } from './facts';

/**
 * One mechanism for every kind of detail: the sentence and the claim it
 * restates are read by the same extractor into typed details (dates and
 * years, ordinals, countries and cities; counts by `checkQuantities`), each with its role, the
 * content words around it ("summit", "ratification", "member states",
 * "since"). A detail of the sentence is paired with the claim's detail of
 * the same kind whose role it shares most; a pair whose values differ is a
 * conflict naming both. A detail the claim does not have is no conflict.
 *
 * The registry's rules (events, documents, rankings, names) know more about
 * their details and speak first: this rule adds only kinds they did not
 * report on.
 */

// Counts have a rule of their own (`checkQuantities`) that pairs them the same
// way, by the thing counted, and knows bounds and ranges from figures.
type Kind = 'date' | 'ordinal' | 'place';

interface Detail {
  kind: Kind;
  /** Comparable value: a date, an ordinal's number, or a country or city id. */
  value: DateSpec | number | string;
  written: string;
  /** Stems of the content words around the detail. */
  role: ReadonlySet<string>;
  /** Token positions the detail covers. */
  first: number;
  last: number;
}

/** How far either side of a detail its role words are read. */
const ROLE_WINDOW = 4;

function isDetailWord(w: string): boolean {
  return /^\d/.test(w) || NUMBER_WORDS.has(w) || ORDINAL_WORDS.has(w) || MONTHS.has(w) || WEEKDAYS.has(w);
}

function roleOf(s: AnalysedSentence, first: number, last: number): Set<string> {
  const role = new Set<string>();
  const from = Math.max(0, first - ROLE_WINDOW);
  const to = Math.min(s.words.length - 1, last + ROLE_WINDOW);
  for (let i = from; i <= to; i++) {
    if (i >= first && i <= last) continue;
    const w = s.words[i]!;
    if (STOPWORDS.has(w) || isDetailWord(w) || w.length < 3) continue;
    role.add(stem(w.replace(/'s$/, '')));
  }
  return role;
}

/** What a date's preposition makes of it: the start of a period ("since"), its end ("until", "by"), or a point in time. */
function temporalClass(s: AnalysedSentence, first: number): string {
  const before = s.words[first - 1] ?? '';
  if (before === 'since' || before === 'from') return 'start';
  if (before === 'until' || before === 'till' || before === 'by' || before === 'before') return 'end';
  if (before === 'after') return 'after';
  return 'point';
}

/** What the extractors found in a sentence: the sentence's own facts, or a claim's read once. */
interface Extracted {
  dates: readonly DateMention[];
  ordinals: readonly OrdinalMention[];
  places: readonly PlaceMention[];
}

/** Every typed detail of a sentence, from what the extractors the rules use found in it. */
function detailsOf(s: AnalysedSentence, k: Knowledge, found: Extracted): Detail[] {
  const details: Detail[] = [];
  const covered = new Set<number>();
  for (const d of found.dates) {
    if (!d.date) continue;
    const role = roleOf(s, d.first, d.last);
    // A date pairs only with one the same preposition class governs: "signed in 2018" is not "applied since 2019".
    role.add(`@${temporalClass(s, d.first)}`);
    details.push({ kind: 'date', value: d.date, written: d.written, role, first: d.first, last: d.last });
    for (let i = d.first; i <= d.last; i++) covered.add(i);
  }
  for (const o of found.ordinals) {
    details.push({ kind: 'ordinal', value: o.value, written: s.tokens[o.index]!.text, role: roleOf(s, o.index, o.index), first: o.index, last: o.index });
  }
  // A place where something happened ("in Tokyo"), not a party named by its country or adjective.
  for (const p of found.places) {
    // A place in a country that is no party's ("here in Canberra") speaks of another meeting, not this one told wrong.
    if (!p.located || !k.partyCountries.has(p.country)) continue;
    details.push({ kind: 'place', value: p.city ?? p.country, written: p.written, role: roleOf(s, p.first, p.last), first: p.first, last: p.last });
  }
  return details;
}

const claimDetails = new WeakMap<Knowledge, Map<string, Detail[]>>();

/** A claim's details are the same for every sentence: read each passage once per claim set. */
function detailsOfClaim(passage: string, k: Knowledge): Detail[] {
  let cache = claimDetails.get(k);
  if (!cache) claimDetails.set(k, (cache = new Map()));
  let details = cache.get(passage);
  if (!details) {
    const s = analyse(passage);
    cache.set(passage, (details = detailsOf(s, k, { dates: findDates(s), ordinals: findOrdinals(s), places: findPlaces(s, k) })));
  }
  return details;
}

function sharedRole(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n += 1;
  return n;
}

function differ(mine: Detail, theirs: Detail): boolean {
  if (mine.kind === 'date') return compareDates(mine.value as DateSpec, theirs.value as DateSpec) === 'different';
  return mine.value !== theirs.value;
}

/**
 * The details of a sentence that contradict the claim it restates
 * (`f.restated`), except kinds the registry's rules already reported.
 */
export function checkAlignment(f: SentenceFacts, reported: readonly Finding[]): Finding[] {
  // A sentence told apart as another event is not compared with this one's claim.
  if (f.restated === undefined || f.otherEvents.length > 0) return [];
  const claim = f.k.claimById.get(f.restated);
  if (!claim) return [];
  const theirs = detailsOfClaim(claim.passage, f.k);
  if (theirs.length === 0) return [];
  const reportedKinds = new Set<string>(reported.map((r) => r.detail));
  const aside = f.aside();
  const findings: Finding[] = [];
  for (const mine of detailsOf(f.s, f.k, f)) {
    if (reportedKinds.has(mine.kind) || aside[mine.first]) continue;
    // The claim's detail of this kind whose role this one shares most; none shared, no counterpart.
    let best: Detail | undefined;
    let bestShared = 0;
    let agrees = false;
    for (const t of theirs) {
      if (t.kind !== mine.kind) continue;
      // The claim gives this value somewhere: the sentence may pair it otherwise, but does not contradict it.
      if (!differ(mine, t)) agrees = true;
      if (t.kind === 'date' && [...mine.role].find((w) => w.startsWith('@')) !== [...t.role].find((w) => w.startsWith('@'))) continue;
      // Besides the preposition class, the words around must share something.
      const n = sharedRole(mine.role, t.role) - (t.kind === 'date' ? 1 : 0);
      if (n > bestShared) {
        best = t;
        bestShared = n;
      }
    }
    if (!best || agrees) continue;
    findings.push({
      detail: mine.kind,
      severity: 'hard',
      reason: `The reference says "${best.written}", not "${mine.written}": "${claim.passage}"`,
      claimId: claim.id,
    });
  }
  return findings;
}
