/**
 * The seed articles as the fixture pages present them: one paragraph per
 * line, whitespace collapsed the way a browser renders it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { splitSentences } from '../../../src/core/text/sentences';
import { SEEDS_DIR } from '../harness/paths';

/** The news articles among the seeds (`001` is the reference itself). */
export const SEED_IDS = ['000', '002', '003', '004'] as const;
export type SeedId = (typeof SEED_IDS)[number];

/** The seed's paragraphs, in order. */
export function seedParagraphs(id: SeedId): string[] {
  const file = readdirSync(SEEDS_DIR).find((name) => name.startsWith(`${id}_`) && name.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${id}_*.txt in ${SEEDS_DIR}`);
  return readFileSync(`${SEEDS_DIR}/${file}`, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** The article text a reader of the seed's page sees: its paragraphs, one a line. */
export function seedText(id: SeedId): string {
  return seedParagraphs(id).join('\n');
}

/** The seed's sentences as the engine splits them. */
export function seedSentences(id: SeedId): string[] {
  return splitSentences(seedText(id)).map((span) => span.text);
}
