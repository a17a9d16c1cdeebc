/**
 * The engine's cheap gate: before a page is known to be about the subject, a
 * sentence with none of the gate's words cannot be about it by itself (it
 * can only continue one, see `ANAPHOR` in assess.ts), and passes unread.
 * Pages about other things cost one test of this pattern per sentence.
 *
 * The pattern is made from the claim set's registry alone, and travels as
 * its source text: the background, which holds the claim set, hands it to
 * the page's script, which keeps unrelated text to itself without loading
 * the engine (see `PageReading.listening`).
 *
 * @module
 */
import type { ClaimSet } from './claims/types';

/** Words that make any sentence worth reading, whatever the registry (the kinds of thing the reference is about). */
const KIND_WORDS = ['pact', 'agreement', 'partnership', 'treaty', 'accord', 'deal', 'minister', 'representative', 'diplomat', 'chief'];

/** The gate's regular expression source for a registry: its names, adjectives, qualifiers, acronyms and event nouns, as whole words. */
export function gateSource(registry: ClaimSet['registry']): string {
  const words = new Set<string>();
  for (const p of registry.people) for (const n of [...p.given, ...p.family]) words.add(n.toLowerCase());
  for (const p of registry.parties) for (const n of [...p.names, ...p.adjectives]) words.add(n.toLowerCase());
  for (const d of registry.documents) for (const n of [...d.qualifiers, ...d.acronyms]) words.add(n.toLowerCase());
  for (const e of registry.events) for (const n of e.nouns) words.add(n.toLowerCase());
  for (const w of KIND_WORDS) words.add(w);
  // Longest first, so that an alternation never stops at a shorter word's prefix.
  const escaped = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `(?:^|[^\\p{L}])(?:${escaped.join('|')})(?![\\p{L}])`;
}

/** The gate from its source (see `gateSource`); throws a `SyntaxError` naming the problem on a source that is not one. */
export function gateFrom(source: string): RegExp {
  return new RegExp(source, 'iu');
}

/** The gate of a registry, ready to test sentences with. */
export function triggerPattern(registry: ClaimSet['registry']): RegExp {
  return gateFrom(gateSource(registry));
}
