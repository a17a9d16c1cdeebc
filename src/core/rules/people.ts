import type { Person } from '../claims/types';
import { findOffices, type OfficeMention } from '../facts/people';
import { analyse } from '../facts/sentence';
import type { Knowledge } from '../knowledge';
import type { Finding } from './finding';
import type { SentenceFacts } from './facts';

/** A registry person's name written wrong: "Takeshi Iwai" for Takeshi Iwaya. Family-name-first order is not an error. */
export function checkNames(f: SentenceFacts): Finding[] {
  const findings: Finding[] = [];
  for (const mention of f.people) {
    if (!mention.person || !mention.misspelt) continue;
    const { person, misspelt } = mention;
    findings.push({
      detail: 'name',
      severity: 'hard',
      reason: `The reference names ${person.office} ${person.name}, not "${misspelt.written}".`,
      claimId: person.claim,
    });
  }
  return findings;
}

/** A title that does not fit the registry person it describes: "Defense Minister Iwaya". Titles of people the reference never names are not checked. */
export function checkRoles(f: SentenceFacts): Finding[] {
  const findings: Finding[] = [];
  for (const office of f.offices) {
    const person = office.holder?.person;
    if (!person || office.notCurrent) continue;
    const family = person.family[0] ?? person.name;
    const wrongOffice = !person.offices.includes(office.office);
    const partyCountry = f.k.partyCountry.get(person.party);
    const wrongCountry = office.country !== undefined && partyCountry !== undefined && office.country !== partyCountry;
    if (!wrongOffice && !wrongCountry) f.confirmed.push('role');
    if (wrongOffice || wrongCountry) {
      findings.push({
        detail: 'role',
        severity: 'hard',
        reason: `${family} is ${person.office}, not ${office.written.replace(/^the /i, '')}.`,
        claimId: person.claim,
      });
    }
  }
  return findings;
}

/**
 * Another person in the place of one the reference names, in a sentence that
 * restates the claim: "High Representative Kallas and Foreign Minister Iwaya
 * reaffirmed…" where the reference has Borrell. The stranger stands where the
 * claim's person would: after that person's title, or joined by "and" to the
 * claim's other person. Only for a close restatement of a claim about that
 * person, and never for another event.
 */
export function checkActors(f: SentenceFacts): Finding[] {
  if (f.restated === undefined || f.otherEvents.length > 0) return [];
  const claim = f.k.claimById.get(f.restated);
  if (!claim) return [];
  const named = new Set(f.people.flatMap((p) => (p.person ? [p.person.id] : [])));
  const absent = f.k.people.filter((p) => claim.about.includes(p.id) && !named.has(p.id));
  if (absent.length === 0) return [];
  const findings: Finding[] = [];
  for (const person of absent) {
    const stranger = strangerInPlaceOf(f, person);
    if (!stranger) continue;
    findings.push({ detail: 'actor', severity: 'hard', reason: `The reference names ${person.office} ${person.name} here, not ${stranger}.`, claimId: claim.id });
  }
  return findings;
}

/** Offices that every country has: a stranger holding one may be another country's. */
const EVERY_COUNTRY_HAS = new Set(['foreign-minister', 'defence-minister', 'prime-minister', 'president', 'minister', 'top-diplomat', 'ambassador', 'spokesperson', 'trade-minister', 'finance-minister', 'chancellor', 'vice-president']);

function strangerInPlaceOf(f: SentenceFacts, person: Person): string | undefined {
  // After the person's own title: "High Representative Kaja Kallas",
  // "Japanese Foreign Minister Hayashi". A title every country has ("Foreign
  // Minister Wong") may be another country's minister at another meeting:
  // unsure, so it counts only with the person's country written beside it.
  const home = f.k.partyCountry.get(person.party);
  for (const office of f.offices) {
    const holder = office.holder;
    if (office.notCurrent || !holder || holder.person || !person.offices.includes(office.office)) continue;
    if (office.country !== undefined ? office.country === home : !EVERY_COUNTRY_HAS.has(office.office)) return holder.written;
  }
  // Joined by "and" to the claim's other person: "Kallas and Iwaya", "Iwaya and Kallas".
  const { s } = f;
  const claim = f.k.claimById.get(f.restated!)!;
  for (const mention of f.people) {
    if (!mention.person || !claim.about.includes(mention.person.id)) continue;
    const before = mention.first - 2;
    if (s.words[mention.first - 1] === 'and' && before >= 0 && unknownName(f, before)) return s.tokens[before]!.text;
    const after = mention.last + 2;
    if (s.words[mention.last + 1] === 'and' && after < s.tokens.length && unknownName(f, after)) return s.tokens[after]!.text;
  }
  return undefined;
}

/** A capitalised word that names no one and nothing the reference or the lexicon knows. */
function unknownName(f: SentenceFacts, i: number): boolean {
  const w = f.s.words[i]!;
  if (!f.s.capital(i) || w.length < 3) return false;
  if (f.people.some((p) => p.first <= i && i <= p.last) || f.places.some((p) => p.first <= i && i <= p.last)) return false;
  if (f.k.partyByName.has(w) || f.k.countryByName.has(w) || f.k.vocabulary.has(w)) return false;
  return !f.offices.some((o) => o.first <= i && i <= o.last);
}

const claimOffices = new WeakMap<Knowledge, Map<string, OfficeMention[]>>();

function officesOfClaim(passage: string, k: Knowledge): OfficeMention[] {
  let cache = claimOffices.get(k);
  if (!cache) claimOffices.set(k, (cache = new Map()));
  let offices = cache.get(passage);
  if (!offices) cache.set(passage, (offices = findOffices(analyse(passage), k)));
  return offices;
}

/**
 * A title in place of the claim's title, in a sentence that restates the
 * claim: "the Trade Commissioner and the Foreign Minister reiterated…" where
 * the reference has "the High Representative and the Foreign Minister". The
 * titles of both are paired in order; exactly one pair may differ, and the
 * claim's title must be a registry person's.
 */
export function checkTitles(f: SentenceFacts): Finding[] {
  if (f.restated === undefined || f.otherEvents.length > 0) return [];
  const claim = f.k.claimById.get(f.restated);
  if (!claim) return [];
  const theirs = officesOfClaim(claim.passage, f.k).filter((o) => !o.notCurrent);
  const mine = f.offices.filter((o) => !o.notCurrent);
  if (theirs.length === 0 || theirs.length !== mine.length) return [];
  const differing = theirs.flatMap((t, i) => (t.office !== mine[i]!.office ? [i] : []));
  if (differing.length !== 1) return [];
  const i = differing[0]!;
  const right = theirs[i]!;
  const holder = f.k.people.find((p) => claim.about.includes(p.id) && p.offices.includes(right.office));
  // A title the sentence gives a named person is the role rule's to judge.
  if (!holder || mine[i]!.holder?.person || holder.offices.includes(mine[i]!.office)) return [];
  return [{ detail: 'role', severity: 'hard', reason: `The reference says ${right.written.replace(/^the /i, 'the ')}, not ${mine[i]!.written}: "${claim.passage}"`, claimId: claim.id }];
}
