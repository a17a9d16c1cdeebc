import type { DateSpec, EventEntry } from '../claims/types';
import { compareDates, formatDate, weekdayOf } from '../facts/dates';
import { WEEKDAY_NAMES } from '../lexicon/calendar';
import type { Finding } from './finding';
import { dateBelongsTo, type SentenceFacts } from './facts';

const ORDINAL_NAMES = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
export function ordinalName(n: number): string {
  return ORDINAL_NAMES[n] ?? `${n}th`;
}

/** The city (or country) a registry place id stands for, folded. */
function placeName(f: SentenceFacts, id: string | undefined): string | undefined {
  if (!id) return undefined;
  const place = f.k.set.registry.places.find((p) => p.id === id);
  return place?.names[0]?.toLowerCase();
}

/** What the sentence says of an event's date, compared with the reference: conflicts and whether anything matched. */
export function compareEventDate(f: SentenceFacts, reference: DateSpec, near: number, wanted: (index: number) => boolean) {
  const conflicts: { written: string; agreement: 'near' | 'different'; weekday?: boolean }[] = [];
  let matched = false;
  for (const mention of f.dates) {
    if (!wanted(mention.first)) continue;
    if (mention.date) {
      // A bare year far from the event's noun usually dates something else ("the 2023 Summit").
      if (!mention.date.month && Math.abs(mention.first - near) > 3) continue;
      const agreement = compareDates(mention.date, reference);
      if (agreement === 'same') matched = true;
      else conflicts.push({ written: mention.written, agreement });
    }
    if (mention.weekday !== undefined) {
      const actual = weekdayOf(reference);
      if (actual === undefined) continue;
      if (actual === mention.weekday) matched = true;
      else conflicts.push({ written: mention.written, agreement: 'different', weekday: true });
    }
  }
  return { conflicts, matched };
}

/**
 * A registry event (the first Strategic Dialogue) as the sentence tells it:
 * its ordinal, date, place, and whether it already happened. A sentence that
 * names another country as a party, or marks another occurrence ("next",
 * "months later"), or whose every identifying detail differs, speaks of
 * another event and is not compared.
 */
export function checkEvents(f: SentenceFacts): Finding[] {
  const findings: Finding[] = [];
  if (f.otherParties.length > 0) {
    f.otherEvents.push(...f.events.map((e) => e.event));
    return findings;
  }
  for (const { event, index } of f.events) {
    // "Again", "next", "months later" mark another occurrence, unless the
    // event's own ordinal names this one: "in Tokyo once again, to meet for
    // the first Strategic Dialogue" is the first dialogue.
    if (f.otherOccurrence) {
      const named = f.ordinals.find((o) => o.index < index && index - o.index <= 7);
      if (!named || event.ordinal === undefined || named.value !== event.ordinal) {
        f.otherEvents.push(event);
        continue;
      }
    }
    const mismatches: Finding[] = [];
    // Ordinal, date and place identify a meeting; the same people meet again and again, so they identify it only weakly.
    let strongMatches = 0;
    let participantMatch = false;
    let awayFromParties = false;
    const nearest = (i: number) => f.events.reduce((best, e) => (Math.abs(e.index - i) < Math.abs(best.index - i) ? e : best)).event === event;

    const ordinal = f.ordinals.find((o) => o.index < index && index - o.index <= 7);
    if (ordinal && event.ordinal !== undefined) {
      if (ordinal.value === event.ordinal) strongMatches += 1;
      else mismatches.push(finding(event, 'ordinal', 'hard', `The reference says this was ${event.name}, not the ${ordinalName(ordinal.value)}.`));
    }
    if (event.date) {
      const { conflicts, matched } = compareEventDate(f, event.date, index, (i) => dateBelongsTo(f, i, index));
      if (matched) strongMatches += 1;
      for (const c of conflicts) {
        const actual = weekdayOf(event.date);
        const reason = c.weekday && actual !== undefined
          ? `The reference dates ${event.name} ${formatDate(event.date)}, a ${WEEKDAY_NAMES[actual]}, not "${c.written}".`
          : event.name.includes(formatDate(event.date))
            ? `The reference speaks of ${event.name}, not ${c.written}.`
            : `The reference dates ${event.name} ${formatDate(event.date)}, not ${c.written}.`;
        mismatches.push(finding(event, 'date', 'hard', reason));
      }
    }
    const where = placeName(f, event.place);
    if (where) {
      const home = f.k.countryByName.get(where)?.id;
      for (const place of f.places) {
        if (!place.located || !nearest(place.first)) continue;
        const same = place.city ? place.city === where : place.country === home;
        if (same) strongMatches += 1;
        // A meeting in a country that is no party's is another meeting ("the
        // first Strategic Dialogue" in Seoul is Korea's); one in a party's
        // country is this one told wrong.
        else if (!f.k.partyCountries.has(place.country)) awayFromParties = true;
        else mismatches.push(finding(event, 'place', 'hard', `The reference places ${event.name} in ${capital(where)}, not ${place.written}.`));
      }
    }
    participantMatch = f.people.some((p) => p.person && event.participants.includes(p.person.id));
    // Nothing that identifies the meeting agrees, and a wrong ordinal or two
    // details differ: the sentence describes some other meeting.
    const ordinalDiffers = mismatches.some((m) => m.detail === 'ordinal');
    // But a sentence that restates what the reference says happened at the
    // event, with one detail other than ordinal changed ("agreed at the 2022
    // Summit"), tells this event wrong.
    const restatesItsClaim = f.restated === event.claim && mismatches.length === 1 && !ordinalDiffers;
    if (awayFromParties || (mismatches.length > 0 && strongMatches === 0 && !restatesItsClaim && (ordinalDiffers || mismatches.length >= 2 || !participantMatch))) {
      f.otherEvents.push(event);
      continue;
    }
    findings.push(...mismatches);
    if (mismatches.length === 0 && strongMatches > 0) f.confirmed.push('event');

    if (event.date && f.future && heldLater(f, index)) {
      findings.push(finding(event, 'event', 'soft', `The reference says ${event.name} took place on ${formatDate(event.date)}${where ? ` in ${capital(where)}` : ''}; it is not still to come.`));
    }
  }
  return findings;
}

/** "will hold the first meeting of the strategic dialogue", "the upcoming dialogue": the event is told as future. */
function heldLater(f: SentenceFacts, eventIndex: number): boolean {
  const words = f.s.words;
  for (let i = Math.max(0, eventIndex - 10); i < eventIndex; i++) {
    const w = words[i]!;
    if (w === 'upcoming' || w === 'forthcoming') return true;
    if (w === 'will' || w === 'to' || w === 'set' || w === 'scheduled' || w === 'expected') {
      const next = words.slice(i + 1, i + 4);
      if (next.some((n) => ['hold', 'be', 'held', 'convene', 'meet', 'take'].includes(n))) return w !== 'to' || words[i - 1] === 'is' || words[i - 1] === 'are' || words[i - 1] === 'set';
    }
  }
  return false;
}

function capital(word: string): string {
  return word.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

function finding(event: EventEntry, detail: Finding['detail'], severity: Finding['severity'], reason: string): Finding {
  return { detail, severity, reason, claimId: event.claim };
}
