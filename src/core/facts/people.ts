import type { Person } from '../claims/types';
import type { Knowledge } from '../knowledge';
import { MONTHS, WEEKDAYS } from '../lexicon/calendar';
import { NOT_CURRENT_OFFICE } from '../lexicon/offices';
import { SPEECH_VERBS } from '../lexicon/words';
import { editDistance } from './distance';
import { bare, phraseAt, type AnalysedSentence } from './sentence';

/** A person named in a sentence: one of the registry's, perhaps misspelt, or someone the reference never names. */
export interface PersonMention {
  /** The registry person, when the name is theirs (or a misspelling of it). */
  person?: Person;
  /** The name as written. */
  written: string;
  first: number;
  last: number;
  /** Set when a word of the name is a misspelling of the registry's: what was written and what is right. */
  misspelt?: { written: string; right: string };
}

/** An office named in a sentence ("Japanese Defense Minister"), and whom it describes. */
export interface OfficeMention {
  office: string;
  /** Country or union the office belongs to, when the text says (a country id of the geo lexicon). */
  country?: string;
  /** "former", "then", "deputy"…: the title does not claim the holder holds this office now. */
  notCurrent: boolean;
  first: number;
  last: number;
  /** First token of the words before the title that qualify it ("former Japanese"). */
  lead: number;
  holder?: PersonMention;
  written: string;
}

/** Misspellings already confirmed on this page, so a bare "Iwai announced" later is known too. */
export type NameMemory = Map<string, Person>;

function isCalendarWord(norm: string): boolean {
  return MONTHS.has(norm) || WEEKDAYS.has(norm);
}

const nearNameCache = new WeakMap<Knowledge, Map<string, { person: Person; right: string } | null>>();

/** `nearName`, remembered per word: the answer depends on the word and the registry alone, and pages repeat their capitalised words. */
function nearNameOf(norm: string, k: Knowledge): { person: Person; right: string } | undefined {
  let cache = nearNameCache.get(k);
  if (!cache) nearNameCache.set(k, (cache = new Map()));
  let answer = cache.get(norm);
  if (answer === undefined) {
    answer = nearName(norm, k) ?? null;
    if (cache.size > 10_000) cache.clear();
    cache.set(norm, answer);
  }
  return answer ?? undefined;
}

/** A capitalised word that is close to, but not, a registry name: the nearest such name. */
function nearName(norm: string, k: Knowledge): { person: Person; right: string } | undefined {
  if (norm.length < 3 || k.personByName.has(norm) || isCalendarWord(norm) || k.countryByName.has(norm)) return undefined;
  let best: { person: Person; right: string; d: number } | undefined;
  for (const person of k.people) {
    for (const name of [...person.family, ...person.given]) {
      const right = name.toLowerCase();
      if (right[0] !== norm[0]) continue;
      const allowed = right.length >= 5 ? 2 : 1;
      const d = editDistance(norm, right, allowed);
      if (d >= 1 && d <= allowed && (!best || d < best.d)) best = { person, right: name, d };
    }
  }
  return best && { person: best.person, right: best.right };
}

/** Registry people named in the sentence, misspelt names among them, and unknown people introduced by a title. */
export function findPeople(s: AnalysedSentence, k: Knowledge, memory: NameMemory, offices: OfficeMention[], pageAboutSubject = false): PersonMention[] {
  const { tokens } = s;
  const mentions: PersonMention[] = [];
  const owner: (Person | undefined)[] = tokens.map((t, i) => {
    if (!s.capital(i)) return undefined;
    const people = k.personByName.get(bare(t.norm));
    return people?.length === 1 ? people[0] : undefined;
  });
  const near: ({ person: Person; right: string } | undefined)[] = tokens.map((t, i) => {
    if (owner[i] || !s.capital(i)) return undefined;
    const remembered = memory.get(bare(t.norm));
    if (remembered) return { person: remembered, right: '' };
    return nearNameOf(bare(t.norm), k);
  });
  const titleEnds = new Set(offices.map((o) => o.last));
  // Whether the sentence itself speaks of the subject: a title, or a party by name (or another registry person, below).
  let subjectInSentence: boolean | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const candidate = near[i];
    if (!candidate || candidate.right === '') continue;
    // A near-name is a misspelling only where a person is plainly meant: beside
    // the person's other name, after a title, or before a verb of saying.
    const besideOwnName = owner[i - 1] === candidate.person || owner[i + 1] === candidate.person;
    const afterTitle = titleEnds.has(i - 1) || (titleEnds.has(i - 2) && s.capital(i - 1));
    const nextWord = tokens[i + 1]?.norm ?? '';
    const beforeSpeech = SPEECH_VERBS.has(nextWord) && !/[,;:]/.test(s.gapBefore(i + 1));
    // Or a family name alone, when the sentence or the page speaks of the
    // subject, unless the shape says someone else: a name among capitalised
    // words the registry does not know ("Michael Joseph Savage" is not Josep
    // Borrell), or a place ("in Iwate").
    const isFamily = candidate.person.family.some((f) => f.toLowerCase() === candidate.right.toLowerCase());
    const amongStrangers = (i > 0 && stranger(s, owner, near, titleEnds, i - 1, i)) || stranger(s, owner, near, titleEnds, i + 1, i + 1);
    const asPlace = ['in', 'at', 'from', 'of'].includes(tokens[i - 1]?.norm ?? '');
    const byContext =
      isFamily &&
      !amongStrangers &&
      !asPlace &&
      (pageAboutSubject || (subjectInSentence ??= offices.length > 0 || s.words.some((w) => k.partyByName.has(bare(w)))) || owner.some((o) => o !== undefined && o !== candidate.person));
    if (besideOwnName || afterTitle || beforeSpeech || byContext) memory.set(bare(tokens[i]!.norm), candidate.person);
    else near[i] = undefined;
  }
  for (let i = 0; i < tokens.length; i++) {
    const person = owner[i] ?? near[i]?.person;
    if (!person) continue;
    let last = i;
    let misspelt: PersonMention['misspelt'];
    const note = (j: number) => {
      const n = near[j];
      if (n && !owner[j]) {
        const right = n.right || guessRight(bare(tokens[j]!.norm), person);
        misspelt ??= { written: tokens[j]!.text.replace(/['’]s$/, ''), right };
      }
    };
    note(i);
    while (last + 1 < tokens.length && (owner[last + 1] ?? near[last + 1]?.person) === person && /^\s*$/.test(s.gapBefore(last + 1))) {
      last += 1;
      note(last);
    }
    const written = s.text.slice(tokens[i]!.start, tokens[last]!.end);
    mentions.push({ person, written, first: i, last, ...(misspelt ? { misspelt } : {}) });
    i = last;
  }
  // Someone the registry does not know, introduced by a title: "Defense Minister Gen Nakatani".
  for (const office of offices) {
    let j = office.last + 1;
    if (!s.capital(j) || owner[j] || near[j] || mentions.some((m) => m.first === j)) continue;
    if (!/^\s+$/.test(s.gapBefore(j))) continue;
    const start = j;
    while (j + 1 < tokens.length && s.capital(j + 1) && /^\s+$/.test(s.gapBefore(j + 1)) && j - start < 2) j += 1;
    mentions.push({ written: s.text.slice(tokens[start]!.start, tokens[j]!.end), first: start, last: j });
  }
  mentions.sort((a, b) => a.first - b.first);
  return mentions;
}

/** A capitalised word at `j` that names no registry person nor title, joined to the name by a space (the gap before token `gapAt`). */
function stranger(s: AnalysedSentence, owner: readonly (Person | undefined)[], near: readonly unknown[], titleEnds: ReadonlySet<number>, j: number, gapAt: number): boolean {
  return s.capital(j) && !owner[j] && !near[j] && !titleEnds.has(j) && /^\s+$/.test(s.gapBefore(gapAt));
}

function guessRight(written: string, person: Person): string {
  const names = [...person.family, ...person.given];
  let best = names[0] ?? person.name;
  let bestD = Infinity;
  for (const name of names) {
    const d = editDistance(written, name.toLowerCase(), 4);
    if (d < bestD) [best, bestD] = [name, d];
  }
  return best;
}

/** Offices named in the sentence, longest phrase first, with the country and tense the words before them give. */
export function findOffices(s: AnalysedSentence, k: Knowledge): OfficeMention[] {
  const { tokens } = s;
  const found: OfficeMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const found_ = phraseAt(s, i, k.officesByFirstWord);
    const match = found_ && { office: found_.value, last: found_.last };
    if (!match) continue;
    // A plural ("foreign and defence ministers") names no one.
    const after = tokens[match.last + 1]?.norm;
    if (after === 'ministers' || after === 'ministries') continue;
    let country: string | undefined;
    let notCurrent = false;
    let lead = i;
    for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
      const word = bare(tokens[j]!.norm);
      if (NOT_CURRENT_OFFICE.has(word)) {
        notCurrent = true;
        lead = j;
        continue;
      }
      const pair = `${bare(tokens[j - 1]?.norm ?? '')} ${word}`;
      const two = k.countryByName.get(pair);
      const place = two ?? k.countryByName.get(word);
      if (place && !country) {
        country = place.id;
        if (two) j -= 1;
        lead = j;
        continue;
      }
      if (['newly', 'elected', 'new', 'appointed', 'current', 'incumbent'].includes(word)) {
        lead = j;
        continue;
      }
      break;
    }
    found.push({
      office: match.office,
      ...(country ? { country } : {}),
      notCurrent,
      first: i,
      last: match.last,
      lead,
      written: s.text.slice(tokens[country ? lead : i]!.start, tokens[match.last]!.end),
    });
    i = match.last;
  }
  return found;
}

/**
 * Which person each office describes: the name right after the title
 * ("Foreign Minister Takeshi Iwaya"), or the name it stands in apposition to
 * ("Iwaya, Japan's foreign minister," / "Iwaya is Japan's foreign minister").
 */
export function attachOffices(s: AnalysedSentence, offices: OfficeMention[], people: PersonMention[]): void {
  for (const office of offices) {
    // "Foreign Minister Takeshi Iwaya", or with the name set off by commas: "Defence Minister, Takeshi Iwaya,".
    const next = people.find((p) => p.first === office.last + 1 && /^\s*,?\s*$/.test(s.gapBefore(p.first)) && s.gapBefore(p.first).length > 0);
    if (next) {
      office.holder = next;
      continue;
    }
    // Apposition: the name, a comma or a copula, then at most a few words (the, Japan's) before the title.
    const before = [...people].reverse().find((p) => p.last < office.lead && office.lead - p.last <= 3);
    if (!before) continue;
    const between = s.tokens.slice(before.last + 1, office.lead).map((t) => t.norm);
    const gap = s.gapBefore(before.last + 1);
    const copula = ['is', 'was', 'as'].includes(between[0] ?? '');
    const filler = between.slice(copula ? 1 : 0).every((w) => ['the', 'a', 'an'].includes(w));
    if ((gap.includes(',') || gap.includes('(') || copula) && filler) office.holder = before;
  }
}
