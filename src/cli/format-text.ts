/**
 * The terminal rendering of a page report: a heading, one entry per sentence
 * with a verdict, a summary line. Pure: colour is the caller's decision.
 */
import type { PageReport, SentenceReport, Verdict } from '../core';

export interface TextFormatOptions {
  /** Use ANSI colours (the caller decides: stdout is a TTY and NO_COLOR is unset). */
  color: boolean;
}

const VERDICT_COLOR: Record<Verdict, string> = {
  conflict: '31', // red
  unsupported: '33', // yellow
  supported: '32', // green
};

function paint(on: boolean, code: string, text: string): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function formatSentence(sentence: SentenceReport & { verdict: Verdict }, color: boolean): string[] {
  const tag = sentence.verdict.toUpperCase() + (sentence.severity ? ` [${sentence.severity}]` : '');
  const lines = [`  ${paint(color, `1;${VERDICT_COLOR[sentence.verdict]}`, tag)}  ${sentence.text}`];
  // Each finding with its own reason and passage; a sentence with one finding reads as before.
  const findings = sentence.findings && sentence.findings.length > 1 ? sentence.findings : [sentence];
  for (const finding of findings) {
    if (finding.reason) lines.push(`      ${paint(color, '2', 'why:')} ${finding.reason}`);
    if (finding.quote) lines.push(`      ${paint(color, '2', 'reference:')} “${finding.quote}”`);
  }
  return lines;
}

/** The report as lines for a terminal, ending without a newline. */
export function formatReportText(report: PageReport, { color }: TextFormatOptions): string {
  const lines = [paint(color, '1', `${report.file} (${report.strictness})`)];
  const judged = report.sentences.filter((s): s is SentenceReport & { verdict: Verdict } => s.verdict !== null);
  for (const sentence of judged) lines.push(...formatSentence(sentence, color));

  const { conflict, unsupported, supported } = report.summary;
  const rest = report.sentences.length - judged.length;
  lines.push(
    report.topical
      ? `  ${plural(conflict, 'conflict')}, ${unsupported} unsupported, ${supported} supported; ${plural(rest, 'sentence')} without a verdict`
      : `  not about the reference's subject: no verdicts (${plural(report.sentences.length, 'sentence')})`,
  );
  return lines.join('\n');
}
