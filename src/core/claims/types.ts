/**
 * The claim set's shape in TypeScript. The JSON form is defined by
 * `assets/claim-set.schema.json`, which the loader checks before these types
 * are trusted.
 */

/** A calendar date as precise as the text gives it: a year, a month, a day, or a part of a period ("the end of 2024"). */
export interface DateSpec {
  year: number;
  month?: number;
  day?: number;
  part?: 'start' | 'mid' | 'end';
}

export interface Party {
  id: string;
  names: string[];
  adjectives: string[];
}

export interface Place {
  id: string;
  names: string[];
}

export interface Person {
  id: string;
  /** The name as the reference writes it, given name first. */
  name: string;
  given: string[];
  family: string[];
  party: string;
  /** Office ids (see the office lexicon) that rightly describe this person. */
  offices: string[];
  /** The office in the reference's own words, for reasons. */
  office: string;
  /** The claim that names the person and their office. */
  claim: string;
}

export type ActionKind = 'announce' | 'conclude' | 'sign' | 'ratify' | 'enter-into-force' | 'apply-provisionally';

/** Something the reference says happened to a document, such as its announcement or entry into force. */
export interface DocumentAction {
  action: ActionKind;
  date?: DateSpec;
  place?: string;
  actors?: string[];
  count?: { value: number; noun: string };
  claim: string;
}

/** "Japan is the first country in the Indo-Pacific to adopt such a framework." */
export interface Ranking {
  subject: string;
  ordinal: number;
  scope: string;
  claim: string;
}

export interface DocumentEntry {
  id: string;
  name: string;
  short: string;
  /** Words that, before a document noun (agreement, pact, partnership…), name this document (e.g. "security"). */
  qualifiers: string[];
  acronyms: string[];
  /** A political framework is announced or concluded; an agreement is signed, ratified and enters into force. */
  kind: 'political-framework' | 'agreement';
  parties: string[];
  actions: DocumentAction[];
  rankings: Ranking[];
}

export interface EventEntry {
  id: string;
  name: string;
  nouns: string[];
  parties: string[];
  ordinal?: number;
  date?: DateSpec;
  place?: string;
  participants: string[];
  claim: string;
}

export interface Claim {
  id: string;
  /** Verbatim from the reference (whitespace aside). */
  passage: string;
  /** Registry ids the claim talks about. */
  about: string[];
  /** Words news writers use for what the passage says in other words. */
  terms?: string[];
}

export interface ClaimSet {
  version: 1;
  source: { publisher: string; title: string; date: string; place: string; label: string };
  registry: {
    parties: Party[];
    places: Place[];
    people: Person[];
    documents: DocumentEntry[];
    events: EventEntry[];
  };
  claims: Claim[];
  /** Lines of the reference deliberately left unclaimed, each with the reason. */
  unclaimed: { passage: string; why: string }[];
  /** The reference text itself, when the set carries it (an imported set must). */
  reference?: string;
}
