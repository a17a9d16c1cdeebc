/**
 * The metamorphic suite: test sentences generated from the claim set, not
 * written one by one. For every sentence of every claim passage and every
 * detail it holds (`details.ts`):
 *
 * (a) `perturbed`: a copy with exactly one detail changed: another year
 *     (±1..3), another day of the month (±1..3), another month (±1..3), a
 *     count ±2, a ranking ordinal made another ("first" → "second"/"third"),
 *     another city of a party (Osaka, Kyoto, Brussels), a registry person's
 *     family name misspelt (one letter changed or two transposed, inside the
 *     name, names of five letters or more), a wrong title ("Defence Minister"
 *     for "Foreign Minister"), the act negated ("did not reaffirm", "declined
 *     to announce", "was not agreed"), a word made its antonym, a registry
 *     person replaced by another real person of the same side (the EU's
 *     Kaja Kallas, Japan's Yoko Kamikawa: each held the office later or
 *     earlier, not at this event). Expected: `conflict` at balanced, with a
 *     reason (of any conflict finding) naming both the reference's value and
 *     the changed one, case-insensitively.
 * (b) `paraphrase`: the same claim in other words: synonyms
 *     ({@link SYNONYMS}), a leading or trailing clause moved, an attribution
 *     added before or after, a background clause added, the subject made a
 *     pronoun after a sentence naming the actors. Expected: `supported` at
 *     balanced.
 * (c) `moved`: the sentence moved to another event: the host party made
 *     another country (Japan/Tokyo/Iwaya → South Korea/Seoul/Cho Tae-yul), the
 *     meeting placed in another country's city, the event's ordinal made
 *     later ("first … Dialogue" → "second …"), the document made another
 *     ("Economic Partnership Agreement"). Expected: not `conflict` at any
 *     strictness.
 *
 * How a case is checked (the honest part): a page about the subject names it
 * before any detail, so each case is a short text whose first line is the
 * claim set's own title (`source.title`, as a page's headline would be), and
 * then the generated sentence on its own line. A sentence whose subject is
 * "They"/"Both" (and a pronoun paraphrase) has a sentence naming the actors
 * before it on its line ("Josep Borrell and Takeshi Iwaya met.": registry
 * names only), as any article would have named them. The speaker's own
 * words are attributed as quotes ("“…,” Borrell said."). Only the generated sentence is judged (found in the report as
 * labelled sentences are, `matchGold`: if the engine cuts it, the strongest
 * verdict of its pieces counts).
 *
 * Deterministic: every random choice comes from a generator seeded with the
 * claim id, the sentence, the detail and the kind, so a case does not change
 * when other claims do. Cases with the same text in the same group are kept
 * once.
 */
import { STRICTNESS_LEVELS, type Checker, type ClaimSet, type PageReport, type Strictness, type Verdict } from '../core';
import {
  ANTONYMS,
  documentNames,
  MONTHS,
  ORDINALS,
  POLARITY_VERBS,
  readDetails,
  WRONG_TITLES,
  type Detail,
  type DetailKind,
} from './details';
import type { GoldRow } from './gold';
import { matchGold, normalizeSentence } from './metrics';
import { segmentSentences } from './self-check';

export type Family = 'perturbed' | 'paraphrase' | 'moved';
export const FAMILIES: readonly Family[] = ['perturbed', 'paraphrase', 'moved'];

export interface MetamorphicCase {
  family: Family;
  /** Perturbed: `<change> × <detail kind>`; paraphrase and moved: the kind of rewrite. */
  group: string;
  claimId: string;
  /** The claim sentence the case was made from. */
  original: string;
  /** The generated sentence: what is judged. */
  target: string;
  /** Lines before it (the headline; for a pronoun paraphrase, the naming sentence is on the target's line, before it). */
  lead: string;
  /** The whole text checked. */
  text: string;
  /** Perturbed: what the reason must name (any one of each list, case-insensitive). */
  expect?: { from: string[]; to: string[] };
  /** Perturbed: the detail changed. */
  detail?: { kind: DetailKind; text: string };
}

export interface CaseOutcome {
  verdicts: Record<Strictness, Verdict | null>;
  reasons: Record<Strictness, string[]>;
  passed: boolean;
  /** Perturbed: a conflict at balanced, whatever its reason says. */
  conflict?: boolean;
  /** Perturbed: a conflict at lenient. */
  conflictAtLenient?: boolean;
}

export interface GroupResult {
  family: Family;
  group: string;
  passed: number;
  total: number;
  /** Perturbed: cases called a conflict at balanced (passed or not on the reason). */
  conflict?: number;
  /** Perturbed: cases called a conflict at lenient. */
  conflictAtLenient?: number;
  failures: { claimId: string; target: string; got: Record<Strictness, Verdict | null>; reason?: string; expect?: MetamorphicCase['expect'] }[];
}

export interface MetamorphicResult {
  claims: number;
  sentences: number;
  cases: number;
  totals: Record<Family, { passed: number; total: number }>;
  groups: GroupResult[];
}

// ---------------------------------------------------------------- randomness

/** FNV-1a of a string, for seeds. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator. */
export function seededRandom(seed: string): () => number {
  let a = hash(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

// ------------------------------------------------------------------- tables

/** Other people, by the side they would stand for: real, but not at this event. */
export const OTHER_PEOPLE: Readonly<Record<string, readonly string[]>> = {
  eu: ['Kaja Kallas', 'Federica Mogherini'],
  japan: ['Yoko Kamikawa', 'Yoshimasa Hayashi'],
  other: ['Antony Blinken', 'Penny Wong'],
};

/** Cities of the parties other than where the event was (a wrong place of the same event). */
export const OTHER_CITIES = ['Osaka', 'Kyoto', 'Brussels'];

/** Another country for a moved event, with what a sentence says of it. */
export const OTHER_COUNTRIES = [
  { name: 'South Korea', adjective: 'South Korean', possessive: 'South Korea’s', city: 'Seoul', person: 'Cho Tae-yul', family: 'Cho', compound: 'Korea' },
  { name: 'Australia', adjective: 'Australian', possessive: 'Australia’s', city: 'Canberra', person: 'Penny Wong', family: 'Wong', compound: 'Australia' },
];

/** Words swapped for a paraphrase (whole words, first letter's case kept). Titles and act verbs keep their sense (see details.ts). */
export const SYNONYMS: readonly [string, string][] = [
  ['announced', 'unveiled'],
  ['announce', 'unveil'],
  ['reaffirmed', 'reiterated'],
  ['reiterated', 'reaffirmed'],
  ['expressed', 'voiced'],
  ['shared', 'voiced'],
  ['stressed', 'emphasised'],
  ['highlighted', 'underscored'],
  ['called for', 'urged'],
  ['Foreign Minister', 'top diplomat'],
  ['partnership', 'pact'],
  ['agreement', 'accord'],
  ['importance', 'significance'],
  ['cooperation', 'collaboration'],
];

const BACKGROUND_CLAUSES = ['amid tensions in the region', 'amid growing tensions with China'];
const ATTRIBUTIONS_AFTER = ['officials said', 'the two sides said'];
const ATTRIBUTIONS_BEFORE = ['According to a joint statement', 'According to officials'];

/** Sentence openers that are lower-cased when something comes before them. */
const COMMON_OPENERS = new Set(['The', 'They', 'During', 'In', 'Both', 'It', 'It’s', 'We', 'And', 'Our', 'This', 'Together', 'A', 'But', 'Japan’s']);

// ------------------------------------------------------------------ helpers

function replaceSpan(text: string, start: number, end: number, by: string): string {
  return text.slice(0, start) + by + text.slice(end);
}

function lowerFirst(sentence: string): string {
  const first = sentence.split(/\s/)[0] ?? '';
  return COMMON_OPENERS.has(first) && first !== 'Japan’s' ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withoutFinalStop(sentence: string): { body: string; stop: string } {
  const m = /([.!?]["”’]?)$/.exec(sentence);
  return m ? { body: sentence.slice(0, m.index), stop: m[1] as string } : { body: sentence, stop: '.' };
}

function matchCase(original: string, replacement: string): string {
  return original.charAt(0) === original.charAt(0).toUpperCase() && original.charAt(0) !== original.charAt(0).toLowerCase()
    ? upperFirst(replacement)
    : replacement;
}

/** One edit inside a family name: two inner letters transposed, or one inner letter changed to another of its kind. */
export function misspell(name: string, random: () => number, avoid: readonly string[]): string | undefined {
  if (name.length < 5) return undefined;
  const vowels = 'aeiou';
  const consonants = 'bcdfgklmnprstvz';
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const i = 1 + Math.floor(random() * (name.length - 2));
    let out: string;
    if (random() < 0.5 && i + 1 < name.length && name[i] !== name[i + 1]) {
      out = name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    } else {
      const c = (name[i] as string).toLowerCase();
      const pool = (vowels.includes(c) ? vowels : consonants).replace(c, '');
      out = name.slice(0, i) + pick(random, pool.split('')) + name.slice(i + 1);
    }
    if (out !== name && !avoid.some((a) => a.toLowerCase() === out.toLowerCase())) return out;
  }
  return undefined;
}

function shiftDay(day: number, random: () => number): number {
  const k = 1 + Math.floor(random() * 3);
  return day + k <= 28 ? day + k : day - k;
}

// --------------------------------------------------------------- generation

interface Unit {
  claimId: string;
  sentence: string;
  about: string[];
}

/** Every sentence of every claim passage (whitespace normalised). */
export function claimSentences(claimSet: ClaimSet): Unit[] {
  return claimSet.claims.flatMap((claim) =>
    segmentSentences(normalizeSentence(claim.passage)).map((sentence) => ({ claimId: claim.id, sentence, about: claim.about })),
  );
}

function headline(claimSet: ClaimSet): string {
  return claimSet.source.title;
}

function makeCase(claimSet: ClaimSet, base: Omit<MetamorphicCase, 'lead' | 'text'>, before = ''): MetamorphicCase {
  const lead = headline(claimSet);
  const line = before ? `${before} ${base.target}` : base.target;
  return { ...base, lead, text: `${lead}\n${line}` };
}

/** The perturbations of one detail (usually one; none when the detail cannot be changed cleanly). */
function perturb(claimSet: ClaimSet, unit: Unit, detail: Detail, random: () => number): MetamorphicCase[] {
  const s = unit.sentence;
  const out: MetamorphicCase[] = [];
  const add = (change: string, by: string, from: string[], to: string[], start = detail.start, end = detail.end): void => {
    const target = replaceSpan(s, start, end, by);
    if (target === s) return;
    out.push(
      makeCase(
        claimSet,
        {
        family: 'perturbed',
        group: `${change} × ${detail.kind}${detail.kind === 'ordinal' || detail.kind === 'person' ? ` (${detail.role})` : ''}`,
        claimId: unit.claimId,
        original: s,
        target,
        expect: { from, to },
        detail: { kind: detail.kind, text: detail.text },
        },
        pronounLead(claimSet, unit, target),
      ),
    );
  };
  // Two variants where the detail allows: one below and one above, or two different replacements.
  const step = (): number => 1 + Math.floor(random() * 3);
  switch (detail.kind) {
    case 'year':
      for (const year of [Number(detail.value) - step(), Number(detail.value) + step()]) add('other year', String(year), [detail.value], [String(year)]);
      break;
    case 'date': {
      const [month, day] = detail.value.split('-').map(Number) as [number, number];
      const name = MONTHS[month - 1] as string;
      const dayFirst = /^\d/.test(detail.text);
      const [below, above] = [step(), step()];
      for (const other of day - below >= 1 ? [day - below, day + above] : [day + above, day + above + 1 + Math.floor(random() * 2)]) {
        add('other day', dayFirst ? `${other} ${name}` : `${name} ${other}`, [`${day} ${name}`, `${name} ${day}`], [`${other} ${name}`, `${name} ${other}`]);
      }
      break;
    }
    case 'month': {
      const month = Number(detail.value);
      for (const delta of [-step(), step()]) {
        const other = MONTHS[(month - 1 + delta + 12) % 12] as string;
        add('other month', other, [detail.text], [other]);
      }
      break;
    }
    case 'count': {
      const n = Number(detail.value);
      for (const other of [n - 2, n + 2].filter((x) => x >= 0 && x !== n)) add('count ±2', String(other), [detail.value], [String(other)]);
      break;
    }
    case 'ordinal': {
      // An event's ordinal made another is another event: that is a `moved` case, not a perturbation.
      if (detail.role === 'event') break;
      const n = Number(detail.value);
      for (const other of ORDINALS.slice(0, 4).filter((_, i) => i + 1 !== n).slice(0, 2)) {
        add('other ordinal', matchCase(detail.text, other), [detail.text.toLowerCase()], [other]);
      }
      break;
    }
    case 'place': {
      const cities = OTHER_CITIES.filter((c) => c !== detail.text);
      const first = Math.floor(random() * cities.length);
      for (const city of [cities[first], cities[(first + 1) % cities.length]] as string[]) add('other city', city, [detail.text], [city]);
      break;
    }
    case 'person': {
      const person = claimSet.registry.people.find((p) => p.id === detail.value);
      if (!person) break;
      const family = detail.surface ?? person.family[0] ?? '';
      const familyAt = detail.start + detail.text.lastIndexOf(family);
      const avoid = claimSet.registry.people.flatMap((p) => [...p.family, ...p.given]);
      for (let variant = 0; variant < 2; variant += 1) {
        const wrong = misspell(family, random, avoid);
        if (wrong) add('misspelt name', wrong, [family], [wrong], familyAt, familyAt + family.length);
      }
      for (const other of OTHER_PEOPLE[person.party] ?? (OTHER_PEOPLE.other as readonly string[])) {
        const otherFamily = other.split(' ').slice(-1)[0] as string;
        add('other actor', detail.role === 'full' ? other : otherFamily, [family, person.name], [otherFamily]);
      }
      break;
    }
    case 'title': {
      const wrong = WRONG_TITLES[detail.text];
      if (!wrong) break;
      const holders = claimSet.registry.people.filter((p) => p.offices.includes(detail.value));
      const holder = holders[0] ?? claimSet.registry.people.find((p) => detail.value === 'foreign-minister' && p.offices.includes('top-diplomat'));
      // The changed title, and its head word as a reader names an office ("Commissioner").
      const head = /\b(Commissioner|Prime Minister|Defence Minister|Minister of Defence|defence chief|trade chief)\b/.exec(wrong)?.[1];
      add('wrong title', wrong, [detail.text, ...(holder ? [holder.office] : [])], [wrong, ...(head && head !== wrong ? [head] : [])]);
      break;
    }
    case 'polarity': {
      const [sense] = detail.value.split(':') as [string];
      if (detail.value.endsWith(':-')) break;
      const verb = POLARITY_VERBS.find((v) => v.sense === sense && [v.past, v.present, v.participle].some((f) => f && detail.text.toLowerCase().endsWith(f)));
      if (!verb) break;
      const forms =
        detail.role === 'passive'
          ? [detail.text.replace(/^(was|were|is|are)\b/i, '$1 not').replace(/^(has|have) been\b/i, '$1 not been')]
          : detail.role === 'present'
            ? [`does not ${verb.base}`]
            : [`did not ${verb.base}`, `declined to ${verb.base}`];
      for (const changed of forms) {
        add('negation', changed, [detail.text, verb.base], [changed, `not ${verb.base}`, ...(changed.startsWith('declined') ? ['declined'] : [])]);
      }
      break;
    }
    case 'antonym': {
      const other = ANTONYMS[detail.value];
      if (!other) break;
      add('antonym', matchCase(detail.text, other), [detail.value], [other]);
      break;
    }
    default:
      break;
  }
  return out;
}

/**
 * Swaps the words of {@link SYNONYMS}, whole words, first letter's case kept:
 * an act verb only where it is the sentence's act (a `polarity` detail), a
 * title only where it is a title, any other word only outside every detail.
 * Returns undefined when nothing changed.
 */
function swapSynonyms(text: string, details: readonly Detail[]): string | undefined {
  const verbForms = new Set(POLARITY_VERBS.flatMap((v) => [v.past, v.present, v.participle, v.base]).filter((f): f is string => Boolean(f)));
  const pattern = new RegExp(`\\b(${SYNONYMS.map(([w]) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'gi');
  let out = '';
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    const entry = SYNONYMS.find(([w]) => w.toLowerCase() === m[0].toLowerCase());
    if (!entry) continue;
    const titleCase = entry[0] !== entry[0].toLowerCase();
    if (titleCase && m[0] !== entry[0]) continue;
    const inside = details.filter((d) => d.start < end && start < d.end);
    const isVerb = verbForms.has(entry[0]);
    const allowed = isVerb
      ? inside.some((d) => d.kind === 'polarity')
      : titleCase
        ? inside.length > 0 && inside.every((d) => d.kind === 'title')
        : inside.length === 0;
    if (!allowed) continue;
    out += text.slice(at, start) + (titleCase ? entry[1] : matchCase(m[0], entry[1]));
    at = end;
  }
  return at === 0 ? undefined : out + text.slice(at);
}

/** The sentence is the speaker's own words (first person anywhere in its claim's passage). */
function isFirstPerson(passage: string): boolean {
  return /\b(I|we|We|our|Our|us)\b/.test(passage);
}

/** A sentence naming the claim's actors (two registry people or more), put before a sentence whose subject is a pronoun. */
function namingSentence(claimSet: ClaimSet, unit: Unit): string | undefined {
  const people = claimSet.registry.people.filter((p) => unit.about.includes(p.id));
  return people.length >= 2 ? `${people.map((p) => p.name).join(' and ')} met.` : undefined;
}

/** What comes before a sentence that opens with "They"/"Both" (whom they are), else nothing. */
function pronounLead(claimSet: ClaimSet, unit: Unit, sentence: string): string {
  return /^(They|Both|Their)\b/.test(sentence) ? (namingSentence(claimSet, unit) ?? '') : '';
}

function paraphrases(claimSet: ClaimSet, unit: Unit, details: readonly Detail[], random: () => number): MetamorphicCase[] {
  const s = unit.sentence;
  const out: MetamorphicCase[] = [];
  const add = (group: string, target: string | undefined, before?: string): void => {
    if (!target || (target === s && !before)) return;
    out.push(makeCase(claimSet, { family: 'paraphrase', group, claimId: unit.claimId, original: s, target }, before ?? pronounLead(claimSet, unit, target)));
  };
  const { body, stop } = withoutFinalStop(s);

  // Synonyms: never inside a name, a document, a place, a date or a number; act verbs and titles keep their sense.
  add('synonyms', swapSynonyms(s, details));

  // A clause moved: a leading prepositional phrase to the end, else a trailing clause or place/date phrase to the front.
  const leading = /^((?:During|In|At|On|After|Following) [^,]{3,40}), (.+)$/.exec(body);
  const trailing = /^(.+?), ((?:following|given|grounded in|including|particularly) [^,]+)$/.exec(body);
  const placeDate = /^(.+?) ((?:on \d{1,2} \w+ )?in \p{Lu}[\p{L}-]+)$/u.exec(body);
  if (leading) add('clause moved', `${upperFirst(leading[2] as string)} ${(leading[1] as string).charAt(0).toLowerCase()}${(leading[1] as string).slice(1)}${stop}`);
  else if (trailing) add('clause moved', `${upperFirst(trailing[2] as string)}, ${lowerFirst(trailing[1] as string)}${stop}`);
  else if (placeDate) add('clause moved', `${upperFirst(placeDate[2] as string)}, ${lowerFirst(placeDate[1] as string)}${stop}`);

  // Attribution: the speaker's own words are quoted and attributed to the claim's first person; the rest to officials or a statement.
  const passage = claimSet.claims.find((c) => c.id === unit.claimId)?.passage ?? s;
  const speaker = claimSet.registry.people.find((p) => p.id === unit.about.find((id) => claimSet.registry.people.some((q) => q.id === id)));
  if (isFirstPerson(passage) && speaker) {
    const family = speaker.family[0] ?? speaker.name;
    const quoted = upperFirst(s.replace(/^(And|But) /, ''));
    add('attribution after', `“${withoutFinalStop(quoted).body},” ${family} said.`);
    add('attribution before', `${family} said: “${quoted}”`);
  } else {
    add('attribution after', `${body}, ${pick(random, ATTRIBUTIONS_AFTER)}${stop}`);
    add('attribution before', `${pick(random, ATTRIBUTIONS_BEFORE)}, ${lowerFirst(s)}`);
  }

  // A background clause: after the subject (before the first act verb), else at the end.
  const clause = pick(random, BACKGROUND_CLAUSES);
  const verb = details.find((d) => d.kind === 'polarity' && d.start > 0);
  if (verb && /[\p{L}\p{N}]$/u.test(s.slice(0, verb.start).trimEnd())) {
    const at = s.slice(0, verb.start).trimEnd().length;
    add('background clause', `${s.slice(0, at)}, ${clause},${s.slice(at)}`);
  } else add('background clause', `${body}, ${clause}${stop}`);

  // The subject made a pronoun, after a sentence naming the actors.
  const naming = namingSentence(claimSet, unit);
  if (naming) {
    if (/^(They|Both) /.test(s)) add('pronoun subject', s.replace(/^Both /, 'They '), naming);
    else if (verb) {
      const before = s.slice(0, verb.start);
      const comma = before.lastIndexOf(', ');
      const subjectStart = comma === -1 ? 0 : comma + 2;
      const adverb = / (also|jointly) $/.exec(before)?.[1];
      const subject = before.slice(subjectStart);
      const actors = details.filter((d) => (d.kind === 'person' || d.kind === 'title') && d.start >= subjectStart && d.end <= verb.start);
      if (actors.length >= 2 && / and /.test(subject) && subject.split(/\s+/).length <= 14) {
        add('pronoun subject', `${s.slice(0, subjectStart)}${subjectStart === 0 ? 'They' : 'they'} ${adverb ? `${adverb} ` : ''}${s.slice(verb.start)}`, naming);
      }
    }
  }
  return out;
}

function moved(claimSet: ClaimSet, unit: Unit, details: readonly Detail[], random: () => number): MetamorphicCase[] {
  const s = unit.sentence;
  const out: MetamorphicCase[] = [];
  const add = (group: string, target: string | undefined): void => {
    if (!target || target === s) return;
    out.push(makeCase(claimSet, { family: 'moved', group, claimId: unit.claimId, original: s, target }, pronounLead(claimSet, unit, target)));
  };

  // Another country: the party where the event was held, its city and its people, made another country's.
  const cities = new Set(details.filter((d) => d.kind === 'place').map((d) => d.text));
  const eventPlaces = new Set(claimSet.registry.events.map((e) => e.place).filter(Boolean));
  const host = claimSet.registry.parties.find((p) => p.names.some((n) => claimSet.registry.places.some((pl) => eventPlaces.has(pl.id) && pl.names.includes(n))));
  const country = pick(random, OTHER_COUNTRIES);
  // Not for a ranking or a superlative: "South Korea is the first country …" contradicts "Japan is the first …".
  const ranks = details.some((d) => d.kind === 'ordinal' && d.role === 'ranking') || /\b(closest|most|only|largest|biggest)\b/i.test(s);
  if (host && !ranks) {
    const hostPeople = claimSet.registry.people.filter((p) => p.party === host.id);
    const replacements: [string, string][] = [
      ...hostPeople.map((p): [string, string] => [p.name, country.person]),
      ...hostPeople.flatMap((p) => p.family.map((f): [string, string] => [f, country.family])),
      ...host.adjectives.filter((a) => /’s$|'s$/.test(a)).map((a): [string, string] => [a, country.possessive]),
      ...host.adjectives.filter((a) => !/’s$|'s$/.test(a)).map((a): [string, string] => [a, country.adjective]),
      ...host.names.filter((n) => !cities.has(n) && !claimSet.registry.places.some((pl) => pl.names.includes(n))).map((n): [string, string] => [n, country.name]),
      ...[...cities].map((c): [string, string] => [c, country.city]),
    ];
    // "Japan’s" as written in the reference (curly apostrophe).
    replacements.push(...host.adjectives.filter((a) => a.endsWith("'s")).map((a): [string, string] => [a.replace("'", '’'), country.possessive]));
    const compounds = s.replace(new RegExp(`\\b(EU|European Union)-(${host.names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'g'), `$1-${country.compound}`);
    const sorted = replacements.sort((a, b) => b[0].length - a[0].length);
    const pattern = new RegExp(`(?<![\\p{L}-])(${sorted.map(([w]) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`, 'gu');
    const target = compounds.replace(pattern, (m) => sorted.find(([w]) => w === m)?.[1] ?? m);
    add('other country', target);
  }

  // The meeting placed in another country's city.
  const place = details.find((d) => d.kind === 'place');
  if (place) add('city of another country', replaceSpan(s, place.start, place.end, country.city));

  // A later occurrence of the event.
  const ordinal = details.find((d) => d.kind === 'ordinal' && d.role === 'event');
  if (ordinal) {
    const later = ORDINALS[Number(ordinal.value) + Math.floor(random() * 2)] as string;
    add('later ordinal', replaceSpan(s, ordinal.start, ordinal.end, matchCase(ordinal.text, later)));
  }

  // Another document of the same parties.
  const document = details.find((d) => d.kind === 'document');
  if (document) {
    const entry = claimSet.registry.documents.find((d) => d.id === document.value);
    const prefix = entry ? (/^(\S+-\S+) /.exec(entry.name)?.[1] ?? '') : '';
    const by = document.role === 'acronym' ? 'EPA' : document.role === 'name' && prefix ? `${prefix} Economic Partnership Agreement` : 'Economic Partnership Agreement';
    add('other document', replaceSpan(s, document.start, document.end, by));
  }
  return out;
}

/** Every case the claim set yields, deduplicated (same family, group and text), in a stable order. */
export function generateCases(claimSet: ClaimSet): MetamorphicCase[] {
  const cases: MetamorphicCase[] = [];
  const seen = new Set<string>();
  const keep = (c: MetamorphicCase): void => {
    const key = `${c.family}\u0000${c.group}\u0000${c.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    cases.push(c);
  };
  for (const unit of claimSentences(claimSet)) {
    const details = readDetails(unit.sentence, claimSet);
    details.forEach((detail, i) => {
      for (const c of perturb(claimSet, unit, detail, seededRandom(`${unit.claimId}|${unit.sentence}|${i}|${detail.kind}`))) keep(c);
    });
    for (const c of paraphrases(claimSet, unit, details, seededRandom(`${unit.claimId}|${unit.sentence}|paraphrase`))) keep(c);
    for (const c of moved(claimSet, unit, details, seededRandom(`${unit.claimId}|${unit.sentence}|moved`))) keep(c);
  }
  return cases;
}

// ------------------------------------------------------------------ running

/** The generated sentence's verdict in a report of the case's text (strongest verdict of its pieces), with every reason behind it. */
export function judgeTarget(c: MetamorphicCase, report: PageReport): { verdict: Verdict | null; reasons: string[] } {
  const row: GoldRow = { file: report.file, sentence: c.target, label: 'neutral', alsoAccept: [] };
  // The lead is matched first so that a target repeating it is found after it.
  const leadRows: GoldRow[] = segmentSentences(c.text.slice(0, c.text.length - c.target.length)).map((sentence) => ({ file: report.file, sentence, label: 'neutral', alsoAccept: [] }));
  const { pairs } = matchGold([...leadRows, row], [report]);
  const match = pairs.find((p) => p.gold === row);
  if (!match) return { verdict: null, reasons: [] };
  const sentence = match.sentence;
  const reasons = sentence.findings?.map((f) => `${f.verdict}: ${f.reason}`) ?? (sentence.reason ? [`${sentence.verdict}: ${sentence.reason}`] : []);
  return { verdict: sentence.verdict, reasons };
}

function namesBoth(reasons: readonly string[], expect: { from: string[]; to: string[] }): boolean {
  return reasons.some((r) => {
    if (!r.startsWith('conflict: ')) return false;
    const text = r.toLowerCase().replace(/[\u2018\u2019]/g, "'");
    const has = (v: string): boolean => text.includes(v.toLowerCase().replace(/[\u2018\u2019]/g, "'"));
    return expect.from.some(has) && expect.to.some(has);
  });
}

export function runCase(c: MetamorphicCase, checker: Checker): CaseOutcome {
  const verdicts = {} as Record<Strictness, Verdict | null>;
  const reasons = {} as Record<Strictness, string[]>;
  for (const strictness of STRICTNESS_LEVELS) {
    const judged = judgeTarget(c, checker.check(c.text, { strictness, file: 'case.txt' }));
    verdicts[strictness] = judged.verdict;
    reasons[strictness] = judged.reasons;
  }
  if (c.family === 'perturbed') {
    const conflict = verdicts.balanced === 'conflict';
    return { verdicts, reasons, passed: conflict && namesBoth(reasons.balanced, c.expect as { from: string[]; to: string[] }), conflict, conflictAtLenient: verdicts.lenient === 'conflict' };
  }
  if (c.family === 'paraphrase') return { verdicts, reasons, passed: verdicts.balanced === 'supported' };
  return { verdicts, reasons, passed: STRICTNESS_LEVELS.every((s) => verdicts[s] !== 'conflict') };
}

export function runMetamorphic(claimSet: ClaimSet, checker: Checker, cases: readonly MetamorphicCase[] = generateCases(claimSet)): MetamorphicResult {
  const groups = new Map<string, GroupResult>();
  for (const c of cases) {
    const key = `${c.family}\u0000${c.group}`;
    let g = groups.get(key);
    if (!g) {
      g = { family: c.family, group: c.group, passed: 0, total: 0, ...(c.family === 'perturbed' && { conflict: 0, conflictAtLenient: 0 }), failures: [] };
      groups.set(key, g);
    }
    const outcome = runCase(c, checker);
    g.total += 1;
    if (outcome.passed) g.passed += 1;
    if (outcome.conflict) g.conflict = (g.conflict ?? 0) + 1;
    if (outcome.conflictAtLenient) g.conflictAtLenient = (g.conflictAtLenient ?? 0) + 1;
    if (!outcome.passed) {
      const at: Strictness = c.family === 'moved' ? (STRICTNESS_LEVELS.find((s) => outcome.verdicts[s] === 'conflict') ?? 'balanced') : 'balanced';
      const reason = outcome.reasons[at][0];
      g.failures.push({ claimId: c.claimId, target: c.target, got: outcome.verdicts, ...(reason && { reason }), ...(c.expect && { expect: c.expect }) });
    }
  }
  const ordered = [...groups.values()].sort((a, b) => FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family) || a.group.localeCompare(b.group));
  const totals = Object.fromEntries(
    FAMILIES.map((f) => {
      const gs = ordered.filter((g) => g.family === f);
      return [f, { passed: gs.reduce((n, g) => n + g.passed, 0), total: gs.reduce((n, g) => n + g.total, 0) }];
    }),
  ) as MetamorphicResult['totals'];
  return { claims: claimSet.claims.length, sentences: claimSentences(claimSet).length, cases: cases.length, totals, groups: ordered };
}

// ---------------------------------------------------------------- printing

function short(text: string, max = 150): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const EXPECTED: Record<Family, string> = {
  perturbed: 'conflict at balanced, reason naming both values',
  paraphrase: 'supported at balanced',
  moved: 'no conflict at any strictness',
};

export function formatMetamorphic(result: MetamorphicResult, options: { failures: number }): string {
  const lines = [
    `== metamorphic: ${result.cases} cases generated from ${result.sentences} sentences of ${result.claims} claims (each after the claim set's title as a headline) ==`,
  ];
  for (const family of FAMILIES) {
    const t = result.totals[family];
    lines.push('', `${family} (expected: ${EXPECTED[family]}): passed ${t.passed}/${t.total}`);
    for (const g of result.groups.filter((x) => x.family === family)) {
      const extra = family === 'perturbed' ? `   conflict at balanced ${g.conflict}/${g.total}, at lenient ${g.conflictAtLenient}/${g.total}` : '';
      lines.push(`  ${g.group.padEnd(36)} ${`${g.passed}/${g.total}`.padStart(7)}${extra}`);
    }
    const failing = result.groups.filter((x) => x.family === family && x.failures.length > 0);
    if (options.failures > 0 && failing.length > 0) {
      lines.push(`  failures (up to ${options.failures} a group; --failures N for more):`);
      for (const g of failing) {
        for (const f of g.failures.slice(0, options.failures)) {
          lines.push(`    [${g.group}] ${f.claimId}: "${short(f.target)}"`);
          lines.push(`      got ${STRICTNESS_LEVELS.map((s) => `${s[0]}:${f.got[s] ?? '-'}`).join(' ')}${f.reason ? ` — ${short(f.reason, 140)}` : ''}`);
          if (f.expect && f.got.balanced === 'conflict') lines.push(`      reason should name one of [${f.expect.from.join(' | ')}] and one of [${f.expect.to.join(' | ')}]`);
        }
      }
    }
  }
  lines.push('', `totals: ${FAMILIES.map((f) => `${f} ${result.totals[f].passed}/${result.totals[f].total}`).join(', ')}`);
  return lines.join('\n');
}
