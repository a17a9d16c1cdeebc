import type { DocumentEntry, EventEntry } from '../claims/types';
import type { DateMention } from '../facts/dates';
import type { OfficeMention, PersonMention } from '../facts/people';
import type { AnalysedSentence } from '../facts/sentence';
import type { ActionMention, CountMention, DocumentMention, OrdinalMention, PlaceMention } from '../facts/things';
import type { Knowledge } from '../knowledge';

/** Everything the extractors found in one sentence, and what the page said before it. */
export interface SentenceFacts {
  s: AnalysedSentence;
  k: Knowledge;
  people: PersonMention[];
  offices: OfficeMention[];
  dates: DateMention[];
  places: PlaceMention[];
  ordinals: OrdinalMention[];
  counts: CountMention[];
  documents: DocumentMention[];
  actions: ActionMention[];
  /** Registry documents the sentence speaks of, a bare "the pact" resolved to the one the page named last. */
  docs: DocumentEntry[];
  /** Registry events the sentence names ("Strategic Dialogue", "Summit"), with the token where the name ends. */
  events: { event: EventEntry; index: number }[];
  /** Countries named as actors (not after "in"/"at") that are no party of the reference: another country's dialogue is another event. */
  otherParties: string[];
  /** "next", "later", "a second … months later": the sentence speaks of another occurrence. */
  otherOccurrence: boolean;
  /** The text speaks of something to come ("will hold", "is set to"). */
  future: boolean;
  /** Registry events the sentence names but, by its details, speaks of another occurrence of (filled by the event rule). */
  otherEvents: EventEntry[];
  /** Details the rules compared and found right ("ordinal", "role", "date"…): evidence of support. */
  confirmed: string[];
  /** The id of the claim the sentence closely restates (`restates`), once its support is measured. */
  restated?: string;
  /** For each token, whether it stands in a dateline, a parenthesis or a background clause (`asideTokens`); made on first use. */
  aside: () => readonly boolean[];
}

/**
 * Whether the date mention at `dateIndex` belongs to the act or event at
 * `anchor`: it does when no other act or event of the sentence is nearer, so
 * in "signed in 2018 and applied since February 2019" each date keeps its verb.
 */
export function dateBelongsTo(f: SentenceFacts, dateIndex: number, anchor: number): boolean {
  const anchors = [...f.actions.map((a) => a.index), ...f.events.map((e) => e.index)];
  const mine = Math.abs(dateIndex - anchor);
  return anchors.every((other) => Math.abs(dateIndex - other) >= mine);
}
