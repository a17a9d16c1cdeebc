import { ordinalName } from './events';
import type { Finding } from './finding';
import type { SentenceFacts } from './facts';

const RANKED = new Set(['country', 'nation', 'partner', 'state', 'agreement', 'partnership', 'framework', 'pact', 'deal', 'accord', 'such', 'one', 'in', 'to', 'asian', 'security', 'defence', 'defense', 'cooperation']);

/**
 * "Japan is the first country in the Indo-Pacific to…": an ordinal about a
 * ranking the reference gives, with the ranking's scope named near it.
 */
export function checkRankings(f: SentenceFacts): Finding[] {
  const findings: Finding[] = [];
  if (f.otherParties.length > 0) return findings;
  // Nothing to rank without an ordinal: most sentences stop here.
  if (f.ordinals.length === 0) return findings;
  const eventNouns = f.k.eventNounWords;
  for (const { ranking, scope, scopeWords } of f.k.rankings) {
    for (const ordinal of f.ordinals) {
      // The ordinal must rank a country, partner or agreement ("second country", "third such agreement"), not a day or a visit.
      if (!ordinal.following.slice(0, 3).some((w) => RANKED.has(w))) continue;
      const near = ordinal.following.slice(0, 13);
      if (near.some((w) => eventNouns.has(w))) continue;
      if (!near.some((w) => scopeWords.has(w)) && !near.some((w, i) => scopeWords.has(`${w} ${near[i + 1] ?? ''}`))) continue;
      if (ordinal.value === ranking.ordinal) {
        f.confirmed.push('ordinal');
        continue;
      }
      const claim = f.k.claimById.get(ranking.claim);
      findings.push({
        detail: 'ordinal',
        severity: 'hard',
        reason: `The reference says it is the ${ordinalName(ranking.ordinal)} in the ${scope.names[0]}, not the ${ordinalName(ordinal.value)}${claim ? `: "${claim.passage}"` : '.'}`,
        claimId: ranking.claim,
      });
      return findings;
    }
  }
  return findings;
}
