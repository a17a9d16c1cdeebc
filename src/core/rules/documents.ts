import type { DocumentAction, DocumentEntry } from '../claims/types';
import { compareDates, formatDate, weekdayOf } from '../facts/dates';
import { WEEKDAY_NAMES } from '../lexicon/calendar';
import { NEGATIONS } from '../lexicon/words';
import { compareEventDate } from './events';
import type { Finding } from './finding';
import { dateBelongsTo, type SentenceFacts } from './facts';

/** "Security and Defence Partnership" for the partnership's kind of news writing: its short name without the article. */
function named(doc: DocumentEntry): string {
  return doc.short;
}

function first(doc: DocumentEntry, ...actions: DocumentAction['action'][]): DocumentAction | undefined {
  return doc.actions.find((a) => actions.includes(a.action));
}

/** The registry document whose entry into force the reference gives, if any. */
function inForce(f: SentenceFacts): { doc: DocumentEntry; action: DocumentAction } | undefined {
  for (const doc of f.k.documents) {
    const action = first(doc, 'enter-into-force');
    if (action) return { doc, action };
  }
  return undefined;
}

/**
 * What the sentence says happened to a registry document, against what the
 * reference says: signed where it was announced, an entry into force the
 * reference does not give or dates otherwise, a ratification by another
 * count of states, an announcement elsewhere or on another day.
 */
export function checkDocuments(f: SentenceFacts): Finding[] {
  const findings: Finding[] = [];
  if (f.otherParties.length > 0 || f.docs.length === 0) return findings;
  const meetingYear = f.k.meetingYear;
  // A year other than the meeting's sets the act on another occasion ("signed in 2018").
  const otherYear = (at: number) => f.dates.some((d) => d.date?.year && d.date.year !== meetingYear && !d.date.part && dateBelongsTo(f, d.first, at));
  const add = (x: Finding) => {
    if (!findings.some((y) => y.reason === x.reason)) findings.push(x);
  };

  for (const action of f.actions) {
    if (action.negated) {
      for (const doc of f.docs) checkDenial(f, doc, action.action, action.index, add);
      continue;
    }
    for (const doc of f.docs) {
      switch (action.action) {
        case 'sign': {
          if (otherYear(action.index) || f.otherOccurrence || doc.actions.some((a) => a.action === 'sign')) break;
          const said = first(doc, 'announce', 'conclude', 'enter-into-force', 'ratify') ?? doc.actions[0];
          if (!said) break;
          const reason = doc.kind === 'political-framework'
            ? `The reference says ${named(doc)} was announced, not signed: it is a political framework.`
            : `The reference says the entry into force of ${named(doc)} was announced at this meeting; it does not say it was signed.`;
          add({ detail: 'document', severity: 'soft', reason, claimId: said.claim });
          // What is called a signing is the reference's announcement: its day and place must still be right.
          const announced = first(doc, 'announce', 'conclude');
          if (announced) checkOccasion(f, doc, announced, action.index, add);
          break;
        }
        case 'enter-into-force': {
          const own = first(doc, 'enter-into-force');
          if (!own) {
            const other = inForce(f);
            if (doc.kind === 'political-framework' && other) {
              add({
                detail: 'document',
                severity: 'soft',
                reason: `The reference gives an entry into force only for ${named(other.doc)}${other.action.date ? ` (${formatDate(other.action.date)})` : ''}; ${named(doc)} is a political framework.`,
                claimId: other.action.claim,
              });
            }
            break;
          }
          if (!own.date) break;
          for (const mention of f.dates) {
            if (!mention.date || !(mention.date.year || mention.date.month) || !dateBelongsTo(f, mention.first, action.index)) continue;
            const agreement = compareDates(mention.date, own.date);
            if (agreement === 'same') {
              f.confirmed.push('date');
              continue;
            }
            // A vague reference date ("the end of 2024") a few days from the written one is a shift, not a different date.
            const severity = agreement === 'near' && own.date.part ? 'soft' : 'hard';
            add({
              detail: 'date',
              severity,
              reason: `The reference dates the entry into force of ${named(doc)} at ${formatDate(own.date)}, not ${mention.written}.`,
              claimId: own.claim,
            });
          }
          break;
        }
        case 'ratify': {
          const own = first(doc, 'ratify');
          if (!own?.count) break;
          const nouns = own.count.noun.split(' ');
          for (const count of f.counts) {
            const countsStates = count.following.some((w) => nouns.includes(w) || w === 'countries' || w === 'states' || w === 'members');
            if (countsStates && count.value === own.count.value) f.confirmed.push('number');
            if (!countsStates || count.value === own.count.value) continue;
            add({
              detail: 'number',
              severity: 'hard',
              reason: `The reference says ${named(doc)} was ratified by all ${own.count.value} EU ${own.count.noun}, not ${count.value}.`,
              claimId: own.claim,
            });
          }
          break;
        }
        case 'apply-provisionally': {
          const own = first(doc, 'apply-provisionally');
          if (!own?.date) break;
          for (const mention of f.dates) {
            if (!mention.date?.year || !dateBelongsTo(f, mention.first, action.index) || compareDates(mention.date, own.date) === 'same') continue;
            add({
              detail: 'date',
              severity: 'hard',
              reason: `The reference says ${named(doc)} has been applied provisionally since ${formatDate(own.date)}, not ${mention.written}.`,
              claimId: own.claim,
            });
          }
          break;
        }
        case 'announce':
        case 'conclude': {
          const own = first(doc, 'announce', 'conclude');
          if (own) {
            const before = findings.length;
            checkOccasion(f, doc, own, action.index, add);
            if (findings.length === before) f.confirmed.push('document');
          }
          break;
        }
        default:
          break;
      }
    }
  }
  return findings;
}

/**
 * Who did it: "Prime Minister Shigeru Ishiba and Borrell announced the
 * partnership", where the reference names Borrell and Iwaya. Only the plain
 * form is read (someone else joined by "and" to one of the act's actors, just
 * before its verb), so a sentence that merely mentions others is left alone.
 */
function checkActors(f: SentenceFacts, doc: DocumentEntry, own: DocumentAction, at: number, add: (x: Finding) => void): void {
  const actors = own.actors ?? [];
  if (actors.length === 0) return;
  const words = f.s.words;
  for (let i = 0; i + 1 < f.people.length; i++) {
    const a = f.people[i]!;
    const b = f.people[i + 1]!;
    // "A and B", or "A and Japanese Foreign Minister B".
    const titled = f.offices.find((o) => o.holder === b && o.lead === a.last + 2);
    const between = titled ? titled.lead - a.last : b.first - a.last;
    if (words[a.last + 1] !== 'and' || between !== 2 || (titled && titled.last + 1 !== b.first)) continue;
    if (at <= b.last || at - b.last > 3) continue;
    const [ours, other] = a.person && actors.includes(a.person.id) ? [a, b] : b.person && actors.includes(b.person.id) ? [b, a] : [undefined, undefined];
    if (!ours || !other || other.person) continue;
    const names = actors.map((id) => f.k.people.find((p) => p.id === id)?.name ?? id);
    add({
      detail: 'actor',
      severity: 'hard',
      reason: `The reference says ${names.join(' and ')} announced ${named(doc)}, not ${other.written}.`,
      claimId: own.claim,
    });
  }
}

/** The day and place of the act the reference reports (the announcement in Tokyo on 1 November 2024), against the sentence's. */
function checkOccasion(f: SentenceFacts, doc: DocumentEntry, own: DocumentAction, at: number, add: (x: Finding) => void): void {
  checkActors(f, doc, own, at, add);
  if (own.date && !f.otherOccurrence && !f.future) {
    const { conflicts } = compareEventDate(f, own.date, at, (i) => dateBelongsTo(f, i, at));
    for (const c of conflicts) {
      add({ detail: 'date', severity: 'hard', reason: `The reference says ${named(doc)} was announced on ${formatDate(own.date)}${c.weekday ? `, a ${WEEKDAY_NAMES[weekdayOf(own.date) ?? 0]}` : ''}, not ${c.written}.`, claimId: own.claim });
    }
  }
  const where = own.place && f.k.set.registry.places.find((p) => p.id === own.place)?.names[0];
  if (!where) return;
  const home = f.k.countryByName.get(where.toLowerCase());
  for (const place of f.places) {
    if (!place.located) continue;
    const same = place.city ? place.city === where.toLowerCase() : place.country === home?.id;
    if (!same) add({ detail: 'place', severity: 'hard', reason: `The reference says ${named(doc)} was announced in ${where}, not ${place.written}.`, claimId: own.claim });
  }
}

/** Acts the reference reports under another name: a partnership announced as concluded was also announced. */
const SAME_ACT: Readonly<Record<string, readonly DocumentAction['action'][]>> = {
  announce: ['announce', 'conclude'],
  conclude: ['announce', 'conclude'],
  ratify: ['ratify'],
  'enter-into-force': ['enter-into-force'],
  'apply-provisionally': ['apply-provisionally'],
};

/**
 * "The SPA has not been ratified", "Borrell and Iwaya did not announce the
 * partnership": a denial of an act the reference reports. "Not yet" is left
 * alone: it may have been true when written.
 */
function checkDenial(f: SentenceFacts, doc: DocumentEntry, action: string, at: number, add: (x: Finding) => void): void {
  const acts = SAME_ACT[action];
  const own = acts && doc.actions.find((a) => acts.includes(a.action));
  if (!own) return;
  const words = f.s.words;
  if (words.slice(Math.max(0, at - 4), at + 3).includes('yet')) return;
  // The denial as written: from the negation (and its auxiliary) to the act's word.
  let from = at;
  for (let i = at - 1; i >= Math.max(0, at - 4); i--) if (NEGATIONS.has(words[i]!) || words[i]!.endsWith("n't")) from = i;
  while (from > 0 && DENIAL_AUXILIARIES.has(words[from - 1]!)) from -= 1;
  const written = f.s.text.slice(f.s.tokens[from]!.start, f.s.tokens[at]!.end);
  add({ detail: 'negation', severity: 'hard', reason: `The reference says ${named(doc)} was ${DONE[own.action] ?? own.action}, not "${written}".`, claimId: own.claim });
}

/** Auxiliaries written before a denial: "did not", "has not been". */
const DENIAL_AUXILIARIES = new Set(['do', 'does', 'did', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'be', 'been']);

/** Each act as the reference reports it done. */
const DONE: Readonly<Record<string, string>> = {
  announce: 'announced',
  conclude: 'concluded',
  ratify: 'ratified',
  'enter-into-force': 'announced to enter into force',
  'apply-provisionally': 'applied provisionally',
  sign: 'signed',
  exchange: 'exchanged',
};
