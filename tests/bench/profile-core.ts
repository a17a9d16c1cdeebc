/**
 * A workload to profile the engine on: `node --cpu-prof --cpu-prof-dir=.output/profiles --import tsx tests/bench/profile-core.ts [topical|unrelated] [sentences]`,
 * then `npx tsx tests/bench/profile-summary.ts .output/profiles/<file>.cpuprofile`
 * for the functions that cost most. Fresh checkers, as in `bench:core`.
 *
 * @module
 */
import { createChecker } from '../../src/core/check';
import { paragraphs, topicalSentences, unrelatedSentences } from './corpus';

const kind = process.argv[2] === 'unrelated' ? 'unrelated' : 'topical';
const count = Number(process.argv[3] ?? 5000);
const sentences = kind === 'topical' ? topicalSentences(count, 1) : unrelatedSentences(count, 1);
const text = paragraphs(sentences, 4).map((p) => p.join(' ')).join('\n');
const start = performance.now();
for (let i = 0; i < 4; i++) createChecker().check(text);
process.stdout.write(`${kind}: ${((4 * count) / (performance.now() - start)) * 1000} sentences/s\n`);
