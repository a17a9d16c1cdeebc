import { VERDICTS, type PageReport, type SentenceReport, type Strictness } from '../core';
import { countLabel, findingsOf, NOTHING_IN_REFERENCE, STRICTNESS_LABELS, VERDICT_LABELS, verdictName } from './labels';
import type { DismissedFlag, WrongFlagReport } from './flag-notes';
import type { PageReportReply } from './messages';

/**
 * The page report for the reader to keep: as JSON (the CLI's `--format json`
 * schema, with what a fact-checker needs to cite it: the page's title, the
 * time of the check and the claim set in force) and as Markdown to paste into
 * a fact-check. Pure: the caller supplies the date and the reference's label
 * where the report does not carry them, and saves the text.
 */

/** The reader's own answers to this page's flags, kept in the browser (see `flag-notes.ts`). */
export interface ReaderAnswers {
  /** The flags dismissed on this page. */
  dismissed: DismissedFlag[];
  /** The flags on this page reported as wrong. */
  reportedWrong: WrongFlagReport[];
}

/** What the export adds to the page report: what the content script gave (see `PageReportReply`), and the reader's answers. */
export type ExportFields = Pick<PageReportReply, 'title' | 'checkedAt' | 'claimSet'> & { answers?: ReaderAnswers };

/**
 * The report as pretty JSON: the page-report schema, with `title`,
 * `checkedAt` and `claimSet` when the report has them, and nothing else (the
 * popup's reply carries a scan `status` that is not part of it).
 */
export function reportToJson(report: PageReport & ExportFields): string {
  const { file, title, checkedAt, strictness, claimSet, topical, sentences, summary, answers } = report;
  const exported = {
    file,
    ...(title !== undefined ? { title } : {}),
    ...(checkedAt !== undefined ? { checkedAt } : {}),
    strictness,
    ...(claimSet !== undefined ? { claimSet } : {}),
    topical,
    sentences,
    summary,
    ...(answers && (answers.dismissed.length > 0 || answers.reportedWrong.length > 0) ? { answers } : {}),
  };
  return `${JSON.stringify(exported, null, 2)}\n`;
}

/** What the Markdown needs beyond the report. */
export interface MarkdownOptions {
  /** When the page was checked, where the report does not say (shown as a local calendar date). */
  checkedAt: Date;
  /** The reference the verdicts rest on, where the report does not name its claim set, e.g. `defaultChecker().claimSet.source.label`. */
  source: string;
}

/** The sentences a fact-checker needs to look at: conflicts, then what the reference does not support, in page order. */
export function flaggedSentences(report: PageReport): SentenceReport[] {
  return report.sentences.filter((sentence) => sentence.verdict === 'conflict' || sentence.verdict === 'unsupported');
}

/**
 * The report as Markdown. Every piece of text that came from the page (the
 * sentences, the URL, reasons that quote the page) is escaped, so a page
 * cannot put links, images or HTML into the fact-check it is pasted into.
 */
export function reportToMarkdown(report: PageReport & ExportFields, options: MarkdownOptions): string {
  const source = report.claimSet?.label ?? options.source;
  const title = report.title?.trim();
  const lines: string[] = [
    `# Fact check: ${escapeMarkdown(title || report.file)}`,
    '',
    ...(title ? [`- Page: ${escapeMarkdown(report.file)}`] : []),
    `- Checked: ${report.checkedAt ? utcTime(report.checkedAt) : calendarDate(options.checkedAt)}`,
    `- Strictness: ${strictnessLine(report.strictness)}`,
    `- Reference: ${escapeMarkdown(source)}`,
    ...(report.claimSet ? [`- Claim set: version ${report.claimSet.version}, ${escapeMarkdown(report.claimSet.hash)}`] : []),
    `- Summary: ${VERDICTS.map((verdict) => countLabel(report.summary[verdict], verdict)).join(', ')}`,
    '',
  ];
  const flagged = flaggedSentences(report);
  if (!report.topical) {
    lines.push('Nothing on this page is about the subject of the reference.', '');
  } else if (flagged.length === 0) {
    lines.push('No sentence is flagged at this strictness.', '');
  } else {
    lines.push('## Flagged sentences', '');
    flagged.forEach((sentence, index) => lines.push(...findingLines(sentence, index + 1, source)));
  }
  const answers = report.answers;
  if (answers && answers.reportedWrong.length > 0) {
    lines.push('## Flags I reported as wrong', '');
    for (const wrong of answers.reportedWrong) lines.push(`- ${verdictName(wrong.verdict, wrong.severity)}: ${escapeMarkdown(wrong.sentence)}${wrong.claimIds.length ? ` (claims: ${wrong.claimIds.map(escapeMarkdown).join(', ')})` : ''}`);
    lines.push('');
  }
  if (answers && answers.dismissed.length > 0) {
    lines.push('## Flags I dismissed on this page', '');
    for (const flag of answers.dismissed) lines.push(`- ${VERDICT_LABELS[flag.verdict]}: ${escapeMarkdown(flag.text)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** "balanced (flags every conflict, …)": the level and what it flags, for a list item. */
function strictnessLine(strictness: Strictness): string {
  const { name, description } = STRICTNESS_LABELS[strictness];
  const flags = description.charAt(0).toLowerCase() + description.slice(1).replace(/\.$/, '');
  return `${name.toLowerCase()} (${flags})`;
}

function findingLines(sentence: SentenceReport, number: number, source: string): string[] {
  const verdict = sentence.verdict ? verdictName(sentence.verdict, sentence.severity) : 'No verdict';
  const lines = [`### ${number}. ${verdict}`, '', `> ${escapeMarkdown(sentence.text)}`, ''];
  const findings = findingsOf(sentence);
  // One finding: its reason and passage under the sentence; several: each numbered, with its own.
  findings.forEach((finding, index) => {
    const label = findings.length > 1 ? `Finding ${index + 1} (${verdictName(finding.verdict, finding.severity)}): ` : 'Reason: ';
    lines.push(`${label}${escapeMarkdown(finding.reason)}`, '');
    if (finding.quote) lines.push('Reference passage:', '', `> ${escapeMarkdown(finding.quote)}`, '', `Source: ${escapeMarkdown(source)}`, '');
    else if (finding.verdict !== 'supported') lines.push(NOTHING_IN_REFERENCE, '');
  });
  return lines;
}

// Every ASCII punctuation mark may be backslash-escaped in CommonMark; these
// are the ones that can start markup anywhere in a line (emphasis, code,
// links, images, autolinks, HTML, entities, tables, strikethrough).
const INLINE_SPECIAL = /[\\`*_{}[\]()<>#!|~&]/g;
// These only act at the start of a line (headings, lists, quotes, rules).
const LINE_START_SPECIAL = /^([ ]*)([-+=>]|\d+(?=[.)]))/;

/**
 * Page text made inert for Markdown: one line (a newline in page text could
 * start a new block), with every character that could begin markup escaped.
 */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine
    .replace(INLINE_SPECIAL, (mark) => `\\${mark}`)
    .replace(LINE_START_SPECIAL, (_match, space: string, mark: string) => `${space}${escapeLineStart(mark)}`);
}

function escapeLineStart(mark: string): string {
  // "1." starts an ordered list: escape the dot after the digits, not the digits.
  return /^\d/.test(mark) ? `${mark}\\` : `\\${mark}`;
}

/** "2024-11-05 09:30 UTC" from an ISO time; the text itself when it is not one. */
function utcTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return escapeMarkdown(iso);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `YYYY-MM-DD` in the reader's time zone: the day they checked, as they would write it. */
function calendarDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A file name for the exported report: the page's host and the date, safe on every file system. */
export function exportFileName(report: PageReport, checkedAt: Date, extension: 'json' | 'md'): string {
  let host = 'page';
  try {
    host = new URL(report.file).hostname || host;
  } catch {
    // Not a URL (a report of a local file): keep the generic name.
  }
  const safeHost = host.replace(/[^a-z0-9.-]+/gi, '-');
  return `fact-check-${safeHost}-${calendarDate(checkedAt)}.${extension}`;
}
