import type { DateSpec } from '../claims/types';
import { MONTHS, MONTH_NAMES, WEEKDAYS } from '../lexicon/calendar';
import type { AnalysedSentence } from './sentence';

/** A date the sentence gives, as precise as it is written, and the weekday if one is named with it. */
export interface DateMention {
  date?: DateSpec;
  weekday?: number;
  first: number;
  last: number;
  written: string;
}

const PARTS: Readonly<Record<string, DateSpec['part']>> = {
  end: 'end', late: 'end', 'end-': 'end', early: 'start', beginning: 'start', start: 'start', mid: 'mid', middle: 'mid',
};

/** The words that name a part of a year: looked up here, not on `PARTS`, whose inherited names ("constructor") are no part. */
const PART_CANDIDATES: ReadonlySet<string> = new Set(Object.keys(PARTS));

function year(norm: string | undefined): number | undefined {
  // Cheap guard first: a year is four characters starting with 1 or 2.
  if (!norm || norm.length !== 4 || !/^(19|20|21)\d\d$/.test(norm)) return undefined;
  return Number(norm);
}

function day(norm: string | undefined): number | undefined {
  // A day starts with a digit (0-9, as the regex's \d): other words need no match.
  const c = norm === undefined ? NaN : norm.charCodeAt(0);
  if (!(c >= 0x30 && c <= 0x39)) return undefined;
  const m = norm?.match(/^(\d{1,2})(st|nd|rd|th)?$/);
  if (!m) return undefined;
  const value = Number(m[1]);
  return value >= 1 && value <= 31 ? value : undefined;
}

/** Dates in the sentence: "1 November 2024", "November 1, 2025", "February 2019", "the end of 2024", "2023", "Friday (November 1)". */
export function findDates(s: AnalysedSentence): DateMention[] {
  const t = s.words;
  const found: DateMention[] = [];
  const push = (date: DateSpec | undefined, first: number, last: number, weekday?: number) => {
    const mention: DateMention = { first, last, written: s.text.slice(s.tokens[first]!.start, s.tokens[last]!.end) };
    if (date) mention.date = date;
    if (weekday !== undefined) mention.weekday = weekday;
    found.push(mention);
  };
  for (let i = 0; i < t.length; i++) {
    const word = t[i]!;
    const weekday = WEEKDAYS.get(word);
    if (weekday !== undefined) {
      push(undefined, i, i, weekday);
      continue;
    }
    // "end-2024", "mid-2025"
    const hyphenated = word.includes('-') ? word.match(/^(end|mid|early|late)-((?:19|20)\d\d)$/) : null;
    if (hyphenated) {
      push({ year: Number(hyphenated[2]), part: PARTS[hyphenated[1]!] ?? 'mid' }, i, i);
      continue;
    }
    const part = PART_CANDIDATES.has(word) ? PARTS[word] : undefined;
    if (part) {
      // "the end of 2024", "late 2024", "early February 2019"
      let j = i + 1;
      if (t[j] === 'of' || t[j] === 'the') j += 1;
      if (t[j] === 'the' || t[j] === 'of') j += 1;
      const month = MONTHS.get(t[j] ?? '');
      if (month && year(t[j + 1])) {
        push({ year: year(t[j + 1])!, month, part }, i, j + 1);
        i = j + 1;
        continue;
      }
      if (year(t[j])) {
        push({ year: year(t[j])!, part }, i, j);
        i = j;
        continue;
      }
    }
    const d = day(word);
    const monthAfter = MONTHS.get(t[i + 1] ?? '');
    if (d !== undefined && monthAfter && !(t[i + 1] === 'may' && !s.capital(i + 1))) {
      const y = year(t[i + 2]);
      push({ year: y ?? 0, month: monthAfter, day: d }, i, y ? i + 2 : i + 1);
      i += y ? 2 : 1;
      continue;
    }
    const month = MONTHS.get(word);
    if (month && (s.capital(i) || word.length > 3)) {
      if (word === 'may' && !s.capital(i)) continue;
      const dd = day(t[i + 1]);
      if (dd !== undefined) {
        const y = year(t[i + 2]);
        push({ year: y ?? 0, month, day: dd }, i, y ? i + 2 : i + 1);
        i += y ? 2 : 1;
        continue;
      }
      const y = year(t[i + 1]);
      if (y) {
        push({ year: y, month }, i, i + 1);
        i += 1;
        continue;
      }
    }
    const y = year(word);
    if (y && !/[:/]/.test(s.gapBefore(i)) && !/^[:/.]\d/.test(s.gapBefore(i + 1) + (t[i + 1] ?? ''))) push({ year: y }, i, i);
  }
  // A weekday written just before a date describes that date: "Friday (November 1)".
  const merged: DateMention[] = [];
  for (const mention of found) {
    const previous = merged[merged.length - 1];
    if (previous && previous.date === undefined && previous.weekday !== undefined && mention.date && mention.first - previous.last <= 2) {
      merged[merged.length - 1] = { ...mention, weekday: previous.weekday, first: previous.first, written: s.text.slice(s.tokens[previous.first]!.start, s.tokens[mention.last]!.end) };
    } else merged.push(mention);
  }
  // Year 0 means "not written": drop it so comparisons treat it as unknown.
  for (const m of merged) if (m.date && m.date.year === 0) m.date = withoutYear(m.date);
  return merged;
}

function withoutYear(date: DateSpec): DateSpec {
  const { year: _unused, ...rest } = date;
  return rest as DateSpec;
}

/** Day ranges, in days since 1970, that a date covers; undefined year means any year (compare month and day only). */
function range(date: DateSpec): [number, number] | undefined {
  if (!date.year) return undefined;
  const y = date.year;
  const dayNo = (m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
  const lastDay = (m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (date.month && date.day) return [dayNo(date.month, date.day), dayNo(date.month, date.day)];
  if (date.month) {
    const end = lastDay(date.month);
    if (date.part === 'end') return [dayNo(date.month, 21), dayNo(date.month, end)];
    if (date.part === 'start') return [dayNo(date.month, 1), dayNo(date.month, 10)];
    if (date.part === 'mid') return [dayNo(date.month, 11), dayNo(date.month, 20)];
    return [dayNo(date.month, 1), dayNo(date.month, end)];
  }
  if (date.part === 'end') return [dayNo(10, 1), dayNo(12, 31)];
  if (date.part === 'start') return [dayNo(1, 1), dayNo(3, 31)];
  if (date.part === 'mid') return [dayNo(5, 1), dayNo(8, 31)];
  return [dayNo(1, 1), dayNo(12, 31)];
}

/** How a written date stands to the reference's: the same (or compatible), a few days off, or different. */
export type DateAgreement = 'same' | 'near' | 'different';

/** Days apart that still count as "near": an off-by-a-few-days slip, not a different date. */
const NEAR_DAYS = 7;

export function compareDates(written: DateSpec, reference: DateSpec): DateAgreement {
  const a = range(written);
  const b = range(reference);
  if (a && b) {
    if (a[0] <= b[1] && b[0] <= a[1]) return 'same';
    const gap = a[0] > b[1] ? a[0] - b[1] : b[0] - a[1];
    return gap <= NEAR_DAYS ? 'near' : 'different';
  }
  // No year written: compare what is written.
  if (written.month && reference.month && written.month !== reference.month) return 'different';
  if (written.day && reference.day && written.day !== reference.day) return 'different';
  return 'same';
}

/** The weekday of a full date, or undefined. */
export function weekdayOf(date: DateSpec): number | undefined {
  if (!date.year || !date.month || !date.day) return undefined;
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** "1 November 2024", "the end of 2024", "February 2019": a date as a reason should say it. */
export function formatDate(date: DateSpec): string {
  const month = date.month ? MONTH_NAMES[date.month - 1] : undefined;
  const partWord = date.part === 'end' ? 'the end of ' : date.part === 'start' ? 'the start of ' : date.part === 'mid' ? 'mid-' : '';
  if (date.day && month) return `${date.day} ${month}${date.year ? ` ${date.year}` : ''}`;
  if (month) return `${partWord}${month}${date.year ? ` ${date.year}` : ''}`;
  return `${partWord}${date.year ?? ''}`.trim();
}
