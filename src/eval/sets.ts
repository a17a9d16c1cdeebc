/**
 * The labelled sets `npm run eval` scores, found on disk. A set is a labels
 * file in the seed-gold format (one JSON object a sentence: `file`,
 * `sentence`, `label`, …; see `../shared/eval/README.md`) and a directory
 * holding the text files the labels name. Any directory under
 * `tests/fixtures/` whose name starts with `real-` and that holds a
 * `labels.jsonl` is a set, so a new set needs no code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGold, type GoldRow } from './gold';

export interface LabelledSetSource {
  name: string;
  /** The labels file (JSON Lines). */
  labels: string;
  /** Where the files the labels name are. */
  textDir: string;
}

export interface LabelledSet {
  name: string;
  rows: GoldRow[];
  /** The text of each file the labels name, by the name the labels use. */
  texts: Map<string, string>;
  /** Files named in the labels that could not be read. */
  missing: string[];
}

/**
 * The sets in `fixturesDir`: `seed` (`seed-gold.jsonl` over `seeds/`), then
 * `real-dev`, `real-extra` and any other `real-*` directory with a
 * `labels.jsonl`, in that order. `real-dev` and `real-extra` are always
 * listed (the CLI says when one is absent); others only when present.
 */
export function labelledSetSources(fixturesDir: string): LabelledSetSource[] {
  const sources: LabelledSetSource[] = [
    { name: 'seed', labels: join(fixturesDir, 'seed-gold.jsonl'), textDir: join(fixturesDir, 'seeds') },
  ];
  const named = ['real-dev', 'real-extra'];
  const others = existsSync(fixturesDir)
    ? readdirSync(fixturesDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && d.name.startsWith('real-') && !named.includes(d.name))
        .filter((d) => existsSync(join(fixturesDir, d.name, 'labels.jsonl')))
        .map((d) => d.name)
        .sort()
    : [];
  for (const name of [...named, ...others]) {
    sources.push({ name, labels: join(fixturesDir, name, 'labels.jsonl'), textDir: join(fixturesDir, name) });
  }
  return sources;
}

/** Whether the set's labels file exists. */
export function isPresent(source: LabelledSetSource): boolean {
  return existsSync(source.labels);
}

/** Reads a set's labels and texts; throws (naming the file and line) on a bad labels file. */
export function loadLabelledSet(source: LabelledSetSource): LabelledSet {
  const rows = parseGold(readFileSync(source.labels, 'utf8'), source.labels);
  const texts = new Map<string, string>();
  const missing: string[] = [];
  for (const file of new Set(rows.map((r) => r.file))) {
    const path = join(source.textDir, file);
    if (existsSync(path)) texts.set(file, readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    else missing.push(file);
  }
  return { name: source.name, rows, texts, missing };
}
