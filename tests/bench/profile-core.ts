/**
 * A workload to profile the engine on: `node --cpu-prof --cpu-prof-dir=.output/profiles --import tsx tests/bench/profile-core.ts [topical|unrelated|gated] [sentences]`,
 * then `npx tsx tests/bench/profile-summary.ts .output/profiles/<file>.cpuprofile`
 * for the functions that cost most. Fresh checkers, as in `bench:core`.
 * `gated` reads, through `startPage().read`, only the sentences of ordinary
 * news that the gate lets through and that are not topical (see tests/bench/gated.ts),
 * each page on a fresh checker.
 *
 * @module
 */
import { createChecker } from '../../src/core/check';
import { paragraphs, topicalSentences, unrelatedSentences } from './corpus';

const kind = process.argv[2] === 'unrelated' ? 'unrelated' : process.argv[2] === 'gated' ? 'gated' : 'topical';
const count = Number(process.argv[3] ?? 5000);
if (kind === 'gated') {
  const probe = createChecker().startPage();
  const gated = unrelatedSentences(count, 1).filter((s) => {
    const a = probe.read(s);
    return a !== undefined && !a.topical;
  });
  const start = performance.now();
  for (let i = 0; i < 40; i++) {
    const reading = createChecker().startPage();
    for (const s of gated) reading.read(s);
  }
  process.stdout.write(`gated: ${gated.length} sentences, ${((40 * gated.length) / (performance.now() - start)) * 1000} sentences/s\n`);
} else {
  const sentences = kind === 'topical' ? topicalSentences(count, 1) : unrelatedSentences(count, 1);
  const text = paragraphs(sentences, 4).map((p) => p.join(' ')).join('\n');
  const start = performance.now();
  for (let i = 0; i < 4; i++) createChecker().check(text);
  process.stdout.write(`${kind}: ${((4 * count) / (performance.now() - start)) * 1000} sentences/s\n`);
}
