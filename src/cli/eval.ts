/**
 * `npm run eval`: checks the four seed articles at every strictness and
 * prints how the verdicts compare with the hand labels. Always exits 0 when it
 * could run: the accuracy bar is a test, not this report.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRICTNESS_LEVELS, defaultChecker } from '../core';
import { formatEvaluation, formatOverview } from '../eval/format';
import { parseGold } from '../eval/gold';
import { evaluate } from '../eval/metrics';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
const GOLD_FILE = `${FIXTURES}seed-gold.jsonl`;
// Seed 001 is the reference itself, not an article.
const ARTICLES = ['000_d5a01fd3a231b0ac.txt', '002_e7a668e7c20fc301.txt', '003_ae3a85c0acb748ad.txt', '004_95ec95232d0eab6f.txt'];

async function main(): Promise<void> {
  const gold = parseGold(await readFile(GOLD_FILE, 'utf8'), basename(GOLD_FILE));
  const articles = await Promise.all(
    ARTICLES.map(async (name) => ({ name, text: await readFile(`${FIXTURES}seeds/${name}`, 'utf8') })),
  );
  const checker = defaultChecker();

  const results = STRICTNESS_LEVELS.map((strictness) => ({
    strictness,
    evaluation: evaluate(
      gold,
      articles.map(({ name, text }) => checker.check(text, { strictness, file: name })),
    ),
  }));

  for (const { strictness, evaluation } of results) process.stdout.write(`${formatEvaluation(strictness, evaluation)}\n\n`);
  process.stdout.write(`== overview ==\n${formatOverview(results)}\n`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
