/**
 * A small, generic reader of the checkable details of a sentence, for the
 * metamorphic suite (`metamorphic.ts`): it finds what a perturbation may
 * change and what a paraphrase must keep. It is the evaluation's own,
 * deliberately independent of the engine's extractor (src/core/facts), and
 * reads only:
 *
 * - `year`: 1900–2099 as four digits;
 * - `date`: a day with a month ("1 November", "November 1", with or without
 *   a year; the year is also a `year` detail);
 * - `month`: a month with a year and no day ("February 2019");
 * - `count`: other numbers in digits ("27");
 * - `ordinal`: first … tenth; `role` is `event` when an event noun of the
 *   registry follows within four words ("first EU-Japan Strategic
 *   Dialogue"), else `ranking` ("the first country in …");
 * - `person`: a registry person by full name or family name, also misspelt
 *   (one edit or one transposition, names of five letters or more); `surface`
 *   keeps the spelling;
 * - `title`: an office of a registry person, in the phrases of
 *   {@link TITLE_PHRASES}; value: the office it names;
 * - `place`: a registry place where a registry event or act happened (a
 *   city: Tokyo);
 * - `document`: a registry document by name, short name or acronym;
 * - `polarity`: a verb of the act the sentence reports ({@link POLARITY_VERBS}),
 *   with its sign: "reaffirmed" is positive, "did not reaffirm" and "declined
 *   to reaffirm" negative; value: the verb's sense (synonyms share it) and sign;
 * - `antonym`: a word of {@link ANTONYMS} (either side).
 *
 * Pure: text and claim set in, details out.
 */
import type { ClaimSet } from '../core';

export type DetailKind = 'year' | 'date' | 'month' | 'count' | 'ordinal' | 'person' | 'title' | 'place' | 'document' | 'polarity' | 'antonym';

export const DETAIL_KINDS: readonly DetailKind[] = ['year', 'date', 'month', 'count', 'ordinal', 'person', 'title', 'place', 'document', 'polarity', 'antonym'];

export interface Detail {
  kind: DetailKind;
  start: number;
  end: number;
  /** The text of the detail as written. */
  text: string;
  /** What the detail says, canonical: a year, `11-1`, `27`, `1`, a registry id, an office, `announce:+`. */
  value: string;
  /** `ordinal`: `event` or `ranking`; `person`: `full` or `family`; `polarity`: the form (`past`, `passive`, …). */
  role?: string;
  /** `person`: the family name as spelt in the text. */
  surface?: string;
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/**
 * Title phrases by the office id a registry person lists (`offices`), longest
 * first when read. "top diplomat" is read as the foreign-minister title (the
 * paraphrase table swaps them).
 */
export const TITLE_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'high-representative': ['High Representative for Foreign Affairs and Security Policy', 'High Representative'],
  'foreign-minister': ['Minister for Foreign Affairs', 'Foreign Minister', 'top diplomat'],
  'foreign-policy-chief': ['foreign policy chief'],
  minister: ['Minister'],
};

/** A wrong title for each title phrase: another office of the same rank. */
export const WRONG_TITLES: Readonly<Record<string, string>> = {
  'High Representative for Foreign Affairs and Security Policy': 'Commissioner for Trade',
  'High Representative': 'Trade Commissioner',
  'Minister for Foreign Affairs': 'Minister of Defence',
  'Foreign Minister': 'Defence Minister',
  'top diplomat': 'defence chief',
  'foreign policy chief': 'trade chief',
  Minister: 'Prime Minister',
};

export interface PolarityVerb {
  /** The sense, shared by synonyms. */
  sense: string;
  base: string;
  /** Forms as they stand in a positive sentence. */
  past?: string;
  present?: string;
  participle?: string;
}

/** Verbs of the acts a reference of this kind reports, with their synonyms (same `sense`). */
export const POLARITY_VERBS: readonly PolarityVerb[] = [
  { sense: 'announce', base: 'announce', past: 'announced', participle: 'announced' },
  { sense: 'announce', base: 'unveil', past: 'unveiled', participle: 'unveiled' },
  { sense: 'reaffirm', base: 'reaffirm', past: 'reaffirmed' },
  { sense: 'reaffirm', base: 'reiterate', past: 'reiterated' },
  { sense: 'express', base: 'express', past: 'expressed' },
  { sense: 'express', base: 'voice', past: 'voiced' },
  { sense: 'express', base: 'share', past: 'shared' },
  { sense: 'highlight', base: 'highlight', past: 'highlighted', present: 'highlights' },
  { sense: 'highlight', base: 'underline', past: 'underlined', present: 'underlines' },
  { sense: 'highlight', base: 'underscore', past: 'underscored', present: 'underscores' },
  { sense: 'stress', base: 'stress', past: 'stressed' },
  { sense: 'stress', base: 'emphasise', past: 'emphasised' },
  { sense: 'call for', base: 'call for', past: 'called for' },
  { sense: 'call for', base: 'urge', past: 'urged' },
  { sense: 'hold', base: 'hold', past: 'held' },
  { sense: 'agree', base: 'agree', participle: 'agreed' },
  { sense: 'welcome', base: 'welcome', participle: 'welcomed' },
  { sense: 'apply', base: 'apply', participle: 'applied' },
];

/** Words and their opposites, both ways. */
export const ANTONYMS: Readonly<Record<string, string>> = (() => {
  const pairs: [string, string][] = [
    ['enhance', 'weaken'],
    ['deepening', 'weakening'],
    ['growing', 'shrinking'],
    ['closer', 'looser'],
    ['unwavering', 'wavering'],
    ['grave', 'mild'],
    ['serious', 'minor'],
    ['strong', 'weak'],
    ['increase', 'reduce'],
    ['deep', 'slight'],
    ['escalating', 'easing'],
    ['immediate', 'delayed'],
    ['dangerous', 'safe'],
    ['closest', 'most distant'],
    ['stronger', 'weaker'],
    ['pleased', 'displeased'],
    ['illegal', 'legal'],
    ['timely', 'untimely'],
    ['close', 'distant'],
    ['improved', 'worsened'],
    ['secure', 'insecure'],
  ];
  const table: Record<string, string> = {};
  for (const [a, b] of pairs) {
    table[a] = b;
    table[b] = a;
  }
  return table;
})();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Damerau-style distance limited to what a misspelling is: one substitution, insertion, deletion or adjacent transposition. */
export function isOneEditAway(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [i, j] = diffs as [number, number];
    return diffs.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i += 1) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** Cities of the claim set: registry places where a registry event or document act took place. */
export function registryCities(claimSet: ClaimSet): { id: string; names: string[] }[] {
  const placeIds = new Set<string>();
  for (const e of claimSet.registry.events) if (e.place) placeIds.add(e.place);
  for (const d of claimSet.registry.documents) for (const a of d.actions) if (a.place) placeIds.add(a.place);
  return claimSet.registry.places.filter((p) => placeIds.has(p.id));
}

/** Phrases that name each registry document, longest first. */
export function documentNames(claimSet: ClaimSet): { id: string; phrase: string; form: 'name' | 'short' | 'acronym' }[] {
  const out: { id: string; phrase: string; form: 'name' | 'short' | 'acronym' }[] = [];
  for (const d of claimSet.registry.documents) {
    out.push({ id: d.id, phrase: d.name, form: 'name' });
    out.push({ id: d.id, phrase: d.short.replace(/^the /i, ''), form: 'short' });
    for (const a of d.acronyms) out.push({ id: d.id, phrase: a, form: 'acronym' });
  }
  return out.sort((a, b) => b.phrase.length - a.phrase.length);
}

/** Title phrases the registry's people hold, longest first, with the office each names. */
export function titlePhrases(claimSet: ClaimSet): { office: string; phrase: string }[] {
  const offices = new Set(claimSet.registry.people.flatMap((p) => p.offices));
  const out: { office: string; phrase: string }[] = [];
  for (const [office, phrases] of Object.entries(TITLE_PHRASES)) {
    if (!offices.has(office) && office !== 'foreign-minister') continue;
    for (const phrase of phrases) out.push({ office: phrase === 'top diplomat' ? 'foreign-minister' : office, phrase });
  }
  return out.sort((a, b) => b.phrase.length - a.phrase.length);
}

/** Reads every detail of `text`; spans never overlap within a kind, and dates, years and counts never share digits wrongly. */
export function readDetails(text: string, claimSet: ClaimSet): Detail[] {
  const details: Detail[] = [];
  const taken = (start: number, end: number, kinds: DetailKind[]): boolean =>
    details.some((d) => kinds.includes(d.kind) && d.start < end && start < d.end);
  const add = (d: Omit<Detail, 'text'>): void => {
    details.push({ ...d, text: text.slice(d.start, d.end) });
  };
  const month = MONTHS.join('|');

  // Dates first: their digits are not counts.
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2}) (${month})\\b`, 'g'))) {
    add({ kind: 'date', start: m.index, end: m.index + m[0].length, value: `${MONTHS.indexOf(m[2] as string) + 1}-${Number(m[1])}` });
  }
  for (const m of text.matchAll(new RegExp(`\\b(${month}) (\\d{1,2})\\b(?!\\d)`, 'g'))) {
    if (taken(m.index, m.index + m[0].length, ['date'])) continue;
    add({ kind: 'date', start: m.index, end: m.index + m[0].length, value: `${MONTHS.indexOf(m[1] as string) + 1}-${Number(m[2])}` });
  }
  for (const m of text.matchAll(new RegExp(`\\b(${month}) ((?:19|20)\\d\\d)\\b`, 'g'))) {
    if (taken(m.index, m.index + m[0].length, ['date'])) continue;
    add({ kind: 'month', start: m.index, end: m.index + (m[1] as string).length, value: String(MONTHS.indexOf(m[1] as string) + 1) });
  }
  for (const m of text.matchAll(/\b(?:19|20)\d\d\b/g)) {
    add({ kind: 'year', start: m.index, end: m.index + 4, value: m[0] });
  }
  for (const m of text.matchAll(/(?<![\d:./-])\b\d+\b(?![\d:./-])/g)) {
    if (taken(m.index, m.index + m[0].length, ['date', 'year'])) continue;
    add({ kind: 'count', start: m.index, end: m.index + m[0].length, value: String(Number(m[0])) });
  }

  const eventNouns = claimSet.registry.events.flatMap((e) => e.nouns);
  // Not in a compound ("third-country support", "first-ever").
  for (const m of text.matchAll(new RegExp(`(?<!-)\\b(${ORDINALS.join('|')})\\b(?!-)`, 'gi'))) {
    const after = text.slice(m.index + m[0].length).split(/\s+/).slice(0, 5).join(' ').toLowerCase();
    const event = eventNouns.some((n) => after.includes(n.toLowerCase()));
    add({ kind: 'ordinal', start: m.index, end: m.index + m[0].length, value: String(ORDINALS.indexOf(m[0].toLowerCase()) + 1), role: event ? 'event' : 'ranking' });
  }

  // People: full names, then family names (also misspelt) not inside a full name.
  for (const person of claimSet.registry.people) {
    for (const m of text.matchAll(new RegExp(`\\b${escape(person.name)}\\b`, 'g'))) {
      const family = person.family.find((f) => person.name.endsWith(f)) ?? person.family[0] ?? '';
      add({ kind: 'person', start: m.index, end: m.index + m[0].length, value: person.id, role: 'full', surface: family });
    }
  }
  for (const m of text.matchAll(/\b\p{Lu}[\p{L}-]+\b/gu)) {
    if (taken(m.index, m.index + m[0].length, ['person'])) {
      // A misspelt family name after a correct given name: "Josep Brorell".
      continue;
    }
    const word = m[0];
    for (const person of claimSet.registry.people) {
      const hit = person.family.find((f) => f === word || (f.length >= 5 && isOneEditAway(f.toLowerCase(), word.toLowerCase())));
      if (!hit) continue;
      const given = person.given.find((g) => text.slice(Math.max(0, m.index - g.length - 1), m.index) === `${g} `);
      const start = given ? m.index - given.length - 1 : m.index;
      add({ kind: 'person', start, end: m.index + word.length, value: person.id, role: given ? 'full' : 'family', surface: word });
      break;
    }
  }

  for (const { office, phrase } of titlePhrases(claimSet)) {
    for (const m of text.matchAll(new RegExp(`\\b${escape(phrase)}\\b`, 'g'))) {
      if (taken(m.index, m.index + m[0].length, ['title'])) continue;
      // A bare "Minister" is a title only before a name ("Minister Iwaya"), and not the end of a longer one ("Prime Minister").
      if (phrase === 'Minister' && (!/^ \p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2)) || /\p{Lu}[\p{L}’']* $/u.test(text.slice(0, m.index)))) continue;
      add({ kind: 'title', start: m.index, end: m.index + m[0].length, value: office });
    }
  }

  for (const city of registryCities(claimSet)) {
    for (const name of city.names) {
      for (const m of text.matchAll(new RegExp(`\\b${escape(name)}\\b`, 'g'))) add({ kind: 'place', start: m.index, end: m.index + m[0].length, value: city.id });
    }
  }

  for (const { id, phrase, form } of documentNames(claimSet)) {
    for (const m of text.matchAll(new RegExp(`\\b${escape(phrase)}\\b`, 'g'))) {
      if (taken(m.index, m.index + m[0].length, ['document'])) continue;
      add({ kind: 'document', start: m.index, end: m.index + m[0].length, value: id, role: form });
    }
  }

  for (const verb of POLARITY_VERBS) {
    const forms: [string, RegExp, string][] = [];
    if (verb.past) {
      // Not an adjective ("our shared vision") nor a passive: the word before is no determiner, preposition or auxiliary.
      forms.push(['past', new RegExp(`(?<!\\b(?:our|their|its|his|her|your|the|a|an|in|of|on|for|with|and|by|to|was|were|been|be|is|are|has|have|not) )\\b${escape(verb.past)}\\b`, 'gi'), '+']);
    }
    if (verb.present) forms.push(['present', new RegExp(`\\b${escape(verb.present)}\\b`, 'g'), '+']);
    if (verb.participle) {
      forms.push(['passive', new RegExp(`\\b(?:was|were|has been|have been|is|are) ${escape(verb.participle)}\\b`, 'g'), '+']);
      forms.push(['passive', new RegExp(`\\b(?:was|were|has|have|is|are) not (?:been )?${escape(verb.participle)}\\b`, 'g'), '-']);
    }
    forms.push(['negated', new RegExp(`\\b(?:did not|does not|do not|declined to|refused to|failed to) ${escape(verb.base)}\\b`, 'g'), '-']);
    for (const [role, pattern, sign] of forms) {
      for (const m of text.matchAll(pattern)) {
        if (taken(m.index, m.index + m[0].length, ['polarity'])) continue;
        add({ kind: 'polarity', start: m.index, end: m.index + m[0].length, value: `${verb.sense}:${sign}`, role });
      }
    }
  }

  for (const word of Object.keys(ANTONYMS).sort((a, b) => b.length - a.length)) {
    for (const m of text.matchAll(new RegExp(`\\b${escape(word)}\\b`, 'gi'))) {
      if (taken(m.index, m.index + m[0].length, ['antonym', 'title', 'document', 'person'])) continue;
      // "close" inside "closer"/"closest" is excluded by \b; "secure" inside "insecure" likewise.
      add({ kind: 'antonym', start: m.index, end: m.index + m[0].length, value: m[0].toLowerCase() });
    }
  }

  return details.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}

/** A detail as a comparable key: what it says (kind, value, role, spelling), not where it is. */
export function detailKey(d: Detail): string {
  return [d.kind, d.value, d.kind === 'person' ? (d.surface ?? '') : '', d.kind === 'ordinal' ? (d.role ?? '') : ''].join('|');
}

/** Multiset difference a − b of detail keys. */
export function detailDifference(a: readonly Detail[], b: readonly Detail[]): string[] {
  const counts = new Map<string, number>();
  for (const d of b) counts.set(detailKey(d), (counts.get(detailKey(d)) ?? 0) + 1);
  const out: string[] = [];
  for (const d of a) {
    const k = detailKey(d);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(k);
  }
  return out;
}
