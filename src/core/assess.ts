import type { ClaimSet, DocumentEntry, EventEntry, Person } from './claims/types';
import { findDates } from './facts/dates';
import { asideTokens, isHeading } from './facts/asides';
import { attachOffices, findOffices, findPeople, type NameMemory, type PersonMention } from './facts/people';
import { analyse, bare, type AnalysedSentence } from './facts/sentence';
import { findActions, findCounts, findDocuments, findOrdinals, findPlaces, type PlaceMention } from './facts/things';
import type { Knowledge } from './knowledge';
import { FUTURE_MARKERS, OTHER_OCCURRENCE, SPEECH_VERBS } from './lexicon/words';
import { checkDocuments } from './rules/documents';
import { checkEvents } from './rules/events';
import type { Finding } from './rules/finding';
import type { SentenceFacts } from './rules/facts';
import { checkActors, checkNames, checkRoles, checkTitles } from './rules/people';
import { checkPolarity } from './rules/polarity';
import { checkQuantities } from './rules/quantities';
import { checkRankings } from './rules/rankings';
import { checkAlignment } from './rules/align';
import { measureSupport, restates, type Support } from './support';
import { once } from './once';
import type { DateSpec } from './claims/types';

/** What a page said up to the current sentence: whom "he" and "it" stand for, and misspellings already seen. */
export interface PageContext {
  lastPerson?: Person | 'someone-else';
  lastDocument?: DocumentEntry;
  /** Registry people named in the last sentence: whom "they" stands for. */
  lastPeople: number;
  names: NameMemory;
  /** The page has named a country other than the parties as an actor: it may be about another partnership. */
  otherPartySeen: boolean;
  /** Some sentence read so far anchors the page to the subject (see `Assessment.anchors`). */
  aboutSubject: boolean;
  /** The last sentence read, for one that goes on with its claim. */
  previous?: Assessment;
  /** The page has spoken of another occurrence of a registry event ("the second dialogue", "next year's summit"). */
  otherOccurrenceSeen: boolean;
}

export function newPageContext(): PageContext {
  return { lastPeople: 0, names: new Map(), otherPartySeen: false, aboutSubject: false, otherOccurrenceSeen: false };
}

/**
 * Everything the engine concluded about one sentence, before strictness
 * decides what to show.
 *
 * `topical` is known at once. The rest (the sentence's support in the
 * reference and the rules' findings, most of the cost of a sentence) is
 * worked out when first asked for: a sentence gets a verdict only on a page
 * that turns out to be about the subject, and on a page about something else
 * (where a word like "minister" or "agreement" still lets a sentence through
 * the gate) no one ever asks. It depends only on the sentence's own facts, so
 * when it is worked out does not change it.
 */
export interface Assessment {
  readonly findings: Finding[];
  /** The sentence speaks of the reference's subject (its people, documents, event, or both parties). */
  readonly topical: boolean;
  /**
   * The sentence ties a page to the reference's subject: it names the
   * reference's event or one of its documents, or its people and parties
   * together (a person of one side with the other side, or both parties with
   * a word of the subject), and no other country as a party. One word such as
   * "Japan", "summit" or "minister" is not enough: a page is about the
   * subject only when some sentence of it is anchored.
   */
  readonly anchors: boolean;
  /** Registry events the sentence speaks of another occurrence of ("a second dialogue, months later"). */
  readonly otherEvents: EventEntry[];
  /** Details the rules compared and found right. */
  readonly confirmed: string[];
  /** The sentence names both of the reference's parties (or its people together): what it says of another event is said of them. */
  readonly aboutParties: boolean;
  /** A heading, which asserts nothing (`isHeading`): never unsupported. */
  readonly heading: boolean;
  /** The sentence is about another country's dealings ("the EU and Norway signed…"): it names one as an actor, and none of the reference's people (by name or pronoun) as its subject. */
  readonly aboutOthers: boolean;
  readonly support: Support;
}

type Judgement = Omit<Assessment, 'topical' | 'anchors'>;

/**
 * An assessment whose judgement is made on first use (see `Assessment`). A
 * class, not an object of closures: a long page keeps one per sentence read.
 */
class AssessmentOnDemand implements Assessment {
  private made: Judgement | undefined;
  private judge: (() => Judgement) | undefined;

  constructor(
    readonly topical: boolean,
    readonly anchors: boolean,
    judge: () => Judgement,
  ) {
    this.judge = judge;
  }

  get findings(): Finding[] {
    return this.judgement().findings;
  }

  get otherEvents(): EventEntry[] {
    return this.judgement().otherEvents;
  }

  get confirmed(): string[] {
    return this.judgement().confirmed;
  }

  get aboutParties(): boolean {
    return this.judgement().aboutParties;
  }

  get heading(): boolean {
    return this.judgement().heading;
  }

  get aboutOthers(): boolean {
    return this.judgement().aboutOthers;
  }

  get support(): Support {
    return this.judgement().support;
  }

  private judgement(): Judgement {
    if (!this.made) {
      const made = this.judge!();
      // Kept for every sentence read, on a page of thousands: the many empty
      // lists share one.
      this.made = { findings: shared(made.findings), otherEvents: shared(made.otherEvents), confirmed: shared(made.confirmed), support: made.support.uncovered.length === 0 ? { ...made.support, uncovered: shared(made.support.uncovered) } : made.support, aboutParties: made.aboutParties, heading: made.heading, aboutOthers: made.aboutOthers };
      // Let go of the sentence's facts once judged.
      this.judge = undefined;
    }
    return this.made;
  }
}

const NONE: readonly never[] = Object.freeze([]);
const NO_IDS: ReadonlySet<string> = new Set();
/** `list`, or one shared frozen empty list when it is empty. */
const shared = <T>(list: T[]): T[] => (list.length === 0 ? (NONE as unknown as T[]) : list);

const PRONOUN_PERSON = /^(he|she|his|her)$/;
const PRONOUN_GROUP = /^(they|both|their|the two)$/;
const PRONOUN_DOCUMENT = /^(it|its|this|that|the)$/;

const DEFINITE = new Set(['the', 'this', 'that', 'their', 'its']);
const MEETING = new Set(['met', 'meet', 'meets', 'meeting', 'talks', 'held']);

/**
 * The registry events a sentence speaks of: by their full noun ("Strategic
 * Dialogue"); by its head alone after "the" or "their" ("the dialogue was held
 * in Osaka"), unless another qualifier makes it some other dialogue; or by all
 * of the event's participants meeting ("Borrell and Iwaya met in Kyoto").
 */
function findEvents(s: AnalysedSentence, k: Knowledge, people: PersonMention[]): SentenceFacts['events'] {
  const words = s.words;
  const found: SentenceFacts['events'] = [];
  // The registry's people the sentence names: made once, and only when it names one (participants meet only if named).
  let named: Set<string> | undefined;
  for (const event of k.events) {
    let index = -1;
    for (const noun of k.eventNouns.get(event)!) {
      const at = s.folded.indexOf(noun.lower);
      if (at >= 0) index = s.folded.slice(0, at).split(' ').length - 1 + noun.words - 1;
    }
    if (index < 0) {
      const heads = k.eventHeads.get(event)!;
      for (let i = 0; i < words.length; i++) {
        if (heads.has(words[i]!) && DEFINITE.has(words[i - 1] ?? '') && !s.capital(i)) {
          index = i;
          break;
        }
      }
    }
    if (index < 0 && event.participants.length > 1 && people.some((p) => p.person)) {
      named ??= new Set(people.flatMap((p) => (p.person ? [p.person.id] : [])));
      if (event.participants.every((id) => named!.has(id))) index = words.findIndex((w) => MEETING.has(w));
    }
    if (index >= 0) found.push({ event, index });
  }
  return found;
}

const TOPIC_WORDS = /\b(security|defen[cs]e|partnership|strategic|indo-pacific|asia-pacific|cooperation|military|dialogue)\b/;

/**
 * The words that may be the sentence's subject when it is a pronoun: its
 * first word, the first word after an opening phrase ("In Seoul, he…"), and
 * the word before a verb of saying ("…,” he said).
 */
function subjectWords(s: AnalysedSentence): Set<string> {
  const words = new Set<string>([s.tokens[0]?.norm ?? '']);
  const openingLimit = Math.min(6, s.tokens.length - 1);
  for (let i = 1; i <= openingLimit; i++) {
    if (s.gapBefore(i).includes(',')) {
      words.add(s.tokens[i]!.norm);
      break;
    }
  }
  for (let i = 0; i + 1 < s.words.length; i++) if (SPEECH_VERBS.has(s.words[i + 1]!)) words.add(s.words[i]!);
  return words;
}

/** Words that continue what an earlier sentence was about: tested only when the page has named someone or something. */
export const ANAPHOR = /(?:^|[^\p{L}])(?:he|she|his|her|they|their|both|it|its|this|that|the two)(?![\p{L}])/iu;

/** Words before a country that make it a term of comparison, not a party: "the second, after South Korea". */
const COMPARED = new Set(['after', 'behind', 'than', 'besides', 'following']);

/** Countries the sentence names as actors (not where or whither) that are neither a party nor named in the reference. */
function findOtherParties(s: AnalysedSentence, places: readonly PlaceMention[], k: Knowledge, aside: () => readonly boolean[]): string[] {
  const out: string[] = [];
  for (const p of places) {
    if (p.located || p.destination || k.partyCountries.has(p.country) || k.countriesInReference.has(p.country)) continue;
    // "the second, after South Korea"; "amid tensions with China": a country compared with, or in background, is no party.
    if (COMPARED.has(s.words[p.first - 1] ?? '') || aside()[p.first]) continue;
    out.push(p.country);
  }
  return out;
}

/**
 * Read one sentence: its facts, whether it is `topical`, and the page's
 * context carried forward, at once; its judgement on demand. `dates` gives
 * the reference's dates, asked for only by the judgement.
 */
export function assessSentence(text: string, k: Knowledge, context: PageContext, dates: () => readonly DateSpec[]): Assessment {
  const s = analyse(text);
  const offices = findOffices(s, k);
  const people = findPeople(s, k, context.names, offices, context.aboutSubject);
  attachOffices(s, offices, people);
  const places = findPlaces(s, k);
  const documents = findDocuments(s, k);
  // Found when first asked, which is only when the page has named someone or
  // something for a pronoun to stand for.
  let pronounsFound: Set<string> | undefined;
  const pronouns = (): Set<string> => (pronounsFound ??= subjectWords(s));
  const hasPronoun = (re: RegExp) => {
    for (const w of pronouns()) if (re.test(w)) return true;
    return false;
  };

  // Countries named as actors that are no party: asked for only when the
  // sentence names an event, a party or a document (and by the judgement), so
  // most sentences never look up the countries the reference names.
  const aside = once(() => asideTokens(s));
  let otherPartiesFound: string[] | undefined;
  const otherParties = (): string[] => (otherPartiesFound ??= findOtherParties(s, places, k, aside));

  const explicitDocs: DocumentEntry[] = [];
  for (const d of documents) if (d.doc && !explicitDocs.includes(d.doc)) explicitDocs.push(d.doc);
  let docs = explicitDocs;
  // "the pact", "it": the document the page named last, unless the sentence names another.
  if (docs.length === 0 && !documents.some((d) => d.other) && context.lastDocument && otherParties().length === 0) {
    const anaphor = documents.some((d) => d.generic) || [...pronouns()].some((w) => PRONOUN_DOCUMENT.test(w) && w !== 'the');
    if (anaphor) docs = [context.lastDocument];
  }
  // "Borrell and Iwaya announced the partnership": a bare document noun with the
  // reference's own actors of a document's act names that document.
  if (docs.length === 0 && documents.some((d) => d.generic)) {
    const named = new Set(people.flatMap((p) => (p.person ? [p.person.id] : [])));
    const theirs = k.documents.filter((d) => d.actions.some((a) => a.actors !== undefined && a.actors.length > 1 && a.actors.every((id) => named.has(id))));
    if (theirs.length === 1) docs = theirs;
  }
  const events = findEvents(s, k, people);

  const registryPeople = people.filter((p) => p.person);
  // The parties the sentence's words name, gathered in one pass over the words.
  const partiesNamed = new Set<string>();
  for (const w of s.words) {
    const party = k.partyByName.get(bare(w));
    if (party !== undefined) partiesNamed.add(party);
  }
  let parties = 0;
  for (const id of k.partyCountry.keys()) if (places.some((p) => p.country === id) || partiesNamed.has(id)) parties += 1;
  // Each test only when the ones before it have not settled the answer.
  const topical =
    registryPeople.length > 0 ||
    docs.length > 0 ||
    (events.length > 0 && otherParties().length === 0) ||
    (parties >= 2 && otherParties().length === 0) ||
    (parties === 1 && TOPIC_WORDS.test(s.folded) && otherParties().length === 0) ||
    offices.some((o) => k.people.some((p) => p.offices.includes(o.office) && o.office !== 'minister' && o.office !== 'top-diplomat' && (!o.country || o.country === k.partyCountry.get(p.party)))) ||
    (context.lastPerson !== undefined && context.lastPerson !== 'someone-else' && hasPronoun(PRONOUN_PERSON)) ||
    (context.lastPeople > 0 && hasPronoun(PRONOUN_GROUP));

  // Whether the sentence ties the page to the subject. Strongly: it names
  // both sides (a party by name, adjective or country, or a registry person of
  // that party; a misspelt name does not count, it may be someone else) with
  // a person, a document, an event or a word of the subject, or the
  // reference's people together. Weakly: a document, an event or a person
  // with a word of the subject, on one side only; that counts only while the
  // page has named no other country as a party, since the EU makes such
  // partnerships with many countries and a page about Norway's names ours.
  const correctPeople: ReadonlySet<string> = registryPeople.length === 0 ? NO_IDS : new Set(registryPeople.flatMap((p) => (p.misspelt ? [] : [p.person!.id])));
  /** The parties (sides) the sentence names, by name, adjective, country or a registry person of theirs. */
  const sidesNamed = once(() => {
    const sides = new Set<string>();
    for (const id of k.partyCountry.keys()) if (places.some((p) => p.country === id && !aside()[p.first]) || partiesNamed.has(id)) sides.add(id);
    for (const p of registryPeople) if (!p.misspelt) sides.add(p.person!.party);
    return sides;
  });
  let anchors = false;
  let acronymOnly = false;
  if (topical) {
    anchors = correctPeople.size >= 2;
    if (!anchors && otherParties().length === 0) {
      const sides = sidesNamed();
      const subjectWords = TOPIC_WORDS.test(s.folded);
      const named = explicitDocs.length > 0 || events.length > 0 || correctPeople.size > 0;
      // Alone, an event must be named by more than one generic word ("the
      // Strategic Dialogue", not "Summit"), and a document by more than an
      // acronym ("SDP" is many parties' name): else a side must be named too.
      const eventNamed = events.some((e) => sides.size > 0 || k.eventNouns.get(e.event)!.some((n) => n.words > 1 && s.folded.includes(n.lower)));
      const docNamed = sides.size > 0 || documents.some((d) => d.doc && !k.documentByAcronym.has(s.words[d.index] ?? ''));
      anchors = (sides.size >= 2 && (named || subjectWords)) || (!context.otherPartySeen && ((explicitDocs.length > 0 && docNamed) || eventNamed || (correctPeople.size > 0 && subjectWords)));
      acronymOnly = !anchors && !context.otherPartySeen && explicitDocs.length > 0;
    }
  }
  if (otherParties().length > 0) context.otherPartySeen = true;
  if (anchors) context.aboutSubject = true;

  // The reference's people are the sentence's subject: named, or "he"/"they"
  // standing for them (as the page said before this sentence). Asked only by
  // the judgement, so the page's context is taken now and the pronouns read then.
  const personBefore = context.lastPerson !== undefined && context.lastPerson !== 'someone-else';
  const peopleBefore = context.lastPeople > 0;
  const ourPeople = once(() => registryPeople.length > 0 || (personBefore && hasPronoun(PRONOUN_PERSON)) || (peopleBefore && hasPronoun(PRONOUN_GROUP)));
  let before = context.previous;
  // A stranger in a registry person's place may be at the other occurrence the page spoke of (a later dialogue with a new High Representative).
  const otherOccurrenceBefore = context.otherOccurrenceSeen;
  // Ordinals are read here only for a sentence that names an event, and then once for the judgement too.
  const ordinals = once(() => findOrdinals(s));
  if (events.length > 0 && (OTHER_OCCURRENCE.test(s.folded) || ordinals().some((o) => events.some((e) => e.event.ordinal !== undefined && o.value !== e.event.ordinal && e.index > o.index && e.index - o.index <= 7)))) context.otherOccurrenceSeen = true;
  const judge = (): Judgement => {
    // The facts that neither `topical` nor the page's context needs are found
    // here, on demand: they depend on the sentence alone, so finding them later
    // finds the same. The rules add to `otherEvents` and `confirmed`.
    const f: SentenceFacts = {
      s,
      k,
      people,
      offices,
      dates: findDates(s),
      places,
      ordinals: ordinals(),
      counts: findCounts(s),
      documents,
      actions: findActions(s),
      docs,
      events,
      otherParties: otherParties(),
      otherOccurrence: OTHER_OCCURRENCE.test(s.folded),
      future: FUTURE_MARKERS.test(s.folded),
      otherEvents: [],
      confirmed: [],
      aside,
    };
    let support = measureSupport(f, dates());
    // A short sentence that goes on with the claim the one before restated,
    // all its words that claim's ("… never been stronger. But they can be
    // improved."), restates it too.
    if (!restates(support) && before && support.claim !== undefined && support.coverage >= 0.9 && support.shared >= 1) {
      const earlier = before.support;
      if (earlier.claim === support.claim && restates(earlier)) support = { ...support, continues: true };
    }
    before = undefined;
    // The claim the sentence closely restates, if any: its details are compared with the sentence's.
    if (restates(support)) f.restated = k.claims[support.claim!]!.id;
    const findings: Finding[] = [];
    for (const list of [checkNames(f), checkRoles(f), checkEvents(f), checkDocuments(f), checkRankings(f)]) for (const x of list) findings.push(x);
    const compared = (topical && support.coverage >= 0.5) || f.restated !== undefined;
    if (findings.length === 0 && compared) findings.push(...checkPolarity(f, support.claim, support.shared));
    if (findings.length === 0 && compared) findings.push(...checkQuantities(f, support.claim, support.shared));
    for (const x of checkAlignment(f, findings)) findings.push(x);
    if (!findings.some((x) => x.detail === 'name' || x.detail === 'role')) {
      if (!otherOccurrenceBefore) for (const x of checkActors(f)) findings.push(x);
      for (const x of checkTitles(f)) findings.push(x);
    }
    return { findings, support, otherEvents: f.otherEvents, confirmed: f.confirmed, aboutParties: correctPeople.size >= 2 || sidesNamed().size >= 2, heading: isHeading(s), aboutOthers: otherParties().length > 0 && !ourPeople() };
  };

  // Carry the page's context forward.
  const lastMention = people[people.length - 1];
  if (lastMention) context.lastPerson = lastMention.person ?? 'someone-else';
  // "they" keeps the people named before; with none named before, it keeps none either way.
  context.lastPeople = registryPeople.length > 0 ? registryPeople.length : context.lastPeople > 0 && hasPronoun(PRONOUN_GROUP) ? context.lastPeople : 0;
  // A document named with another country ("the EU and South Korea signed a security partnership") is that country's: "the partnership" after it is not ours.
  if (explicitDocs.length > 0 && otherParties().length === 0) context.lastDocument = explicitDocs[explicitDocs.length - 1];
  else if (documents.some((d) => d.other) || (explicitDocs.length > 0 && otherParties().length > 0)) context.lastDocument = undefined;

  let assessment: Assessment = new AssessmentOnDemand(topical, anchors, judge);
  // A document named by its acronym alone anchors when the sentence closely
  // restates a claim: judged now, which is rare (an acronym of ours in capitals).
  if (acronymOnly && restates(assessment.support)) {
    context.aboutSubject = true;
    const judged = assessment;
    assessment = new AssessmentOnDemand(topical, true, () => judged);
  }
  context.previous = assessment;
  return assessment;
}
