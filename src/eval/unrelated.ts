/**
 * Pages about other subjects, read as the CLI reads them (`readInput`: plain
 * text as it is, HTML as the article text the extension would check) and
 * checked at every strictness. Expected on unrelated pages: no verdict at
 * all. A page that cannot be read counts as an error, and the run goes on.
 */
import { STRICTNESS_LEVELS, type Checker, type Strictness, type Verdict } from '../core';

export type Reader = (path: string) => Promise<{ ok: true; text: string } | { ok: false; message: string }>;

export interface PageVerdict {
  verdict: Verdict;
  text: string;
  reason?: string;
}

export interface StrictnessPages {
  pagesWithVerdict: number;
  verdicts: number;
  conflict: number;
  unsupported: number;
  supported: number;
  /** Pages with a verdict, each with its verdicts. */
  pages: { file: string; verdicts: PageVerdict[] }[];
}

export interface PagesResult {
  pages: number;
  errors: { file: string; message: string }[];
  byStrictness: Record<Strictness, StrictnessPages>;
}

/**
 * An error some readers raise outside the promise they return (happy-dom
 * throws from a task it queued while parsing some pages), caught while one
 * page is read so that it counts against that page instead of ending the run.
 */
async function readTrapped(read: Reader, file: string): ReturnType<Reader> {
  const stray: unknown[] = [];
  const onError = (error: unknown): void => {
    stray.push(error);
  };
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  try {
    const input = await read(file);
    await new Promise((resolve) => setImmediate(resolve));
    if (stray.length > 0) {
      const first = stray[0];
      return { ok: false, message: `the reader threw: ${first instanceof Error ? first.message : String(first)}` };
    }
    return input;
  } finally {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  }
}

export async function checkPages(files: readonly string[], checker: Checker, read: Reader, options: { root?: string } = {}): Promise<PagesResult> {
  const byStrictness = Object.fromEntries(
    STRICTNESS_LEVELS.map((s) => [s, { pagesWithVerdict: 0, verdicts: 0, conflict: 0, unsupported: 0, supported: 0, pages: [] }]),
  ) as unknown as Record<Strictness, StrictnessPages>;
  const errors: PagesResult['errors'] = [];
  const name = (file: string): string => (options.root && file.startsWith(options.root) ? file.slice(options.root.length) : file);
  for (const file of files) {
    let text: string;
    try {
      const input = await readTrapped(read, file);
      if (!input.ok) {
        errors.push({ file: name(file), message: input.message });
        continue;
      }
      text = input.text;
    } catch (error) {
      errors.push({ file: name(file), message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const strictness of STRICTNESS_LEVELS) {
      let verdicts: PageVerdict[];
      try {
        const report = checker.check(text, { strictness, file: name(file) });
        verdicts = report.sentences
          .filter((s) => s.verdict !== null)
          .map((s) => ({ verdict: s.verdict as Verdict, text: s.text, ...(s.reason && { reason: s.reason }) }));
      } catch (error) {
        errors.push({ file: name(file), message: `${strictness}: ${error instanceof Error ? error.message : String(error)}` });
        continue;
      }
      const tally = byStrictness[strictness];
      if (verdicts.length === 0) continue;
      tally.pagesWithVerdict += 1;
      tally.verdicts += verdicts.length;
      for (const v of verdicts) tally[v.verdict] += 1;
      tally.pages.push({ file: name(file), verdicts });
    }
  }
  return { pages: files.length, errors, byStrictness };
}

function short(text: string, max = 110): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function formatPages(name: string, result: PagesResult, expectation: string, options: { perPage?: number } = {}): string {
  const perPage = options.perPage ?? 3;
  const lines = [`== ${name}: ${result.pages} pages (${expectation}) ==`];
  for (const s of STRICTNESS_LEVELS) {
    const r = result.byStrictness[s];
    lines.push(`${s.padEnd(9)} pages with a verdict ${r.pagesWithVerdict}/${result.pages}; verdicts ${r.verdicts} (conflict ${r.conflict}, unsupported ${r.unsupported}, supported ${r.supported})`);
  }
  if (result.errors.length > 0) {
    lines.push(`errors (${result.errors.length}):`);
    for (const e of result.errors) lines.push(`  ${e.file}: ${e.message}`);
  }
  // Every page with a verdict at any strictness, with its verdicts at the strictest level that has them.
  const files = [...new Set(STRICTNESS_LEVELS.flatMap((s) => result.byStrictness[s].pages.map((p) => p.file)))];
  if (files.length > 0) lines.push('pages with a verdict (verdicts shown at the strictest level that gives them):');
  for (const file of files) {
    const of = (s: Strictness) => result.byStrictness[s].pages.find((p) => p.file === file)?.verdicts ?? [];
    const counts = STRICTNESS_LEVELS.map((s) => `${s[0]}:${of(s).length}`).join(' ');
    const conflicts = STRICTNESS_LEVELS.map((s) => `${s[0]}:${of(s).filter((v) => v.verdict === 'conflict').length}`).join(' ');
    lines.push(`  ${file} [verdicts ${counts}; conflicts ${conflicts}]`);
    const at = [...STRICTNESS_LEVELS].reverse().map((s) => result.byStrictness[s].pages.find((p) => p.file === file)).find(Boolean);
    const rank: Record<Verdict, number> = { conflict: 0, unsupported: 1, supported: 2 };
    const shown = [...(at?.verdicts ?? [])].sort((a, b) => rank[a.verdict] - rank[b.verdict]).slice(0, perPage);
    for (const v of shown) {
      lines.push(`    ${v.verdict}: "${short(v.text)}"${v.reason ? ` — ${short(v.reason, 90)}` : ''}`);
    }
    if (at && at.verdicts.length > perPage) lines.push(`    … ${at.verdicts.length - perPage} more`);
  }
  return lines.join('\n');
}
