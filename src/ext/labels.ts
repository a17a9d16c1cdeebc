import type { ReportFinding, ReportSummary, SentenceReport } from '../core/report';
import type { Strictness } from '../core/strictness';
import type { Severity, Verdict } from '../core/verdict';
import type { FindingShortcuts } from './commands';

/**
 * The words the extension shows a reader for the engine's names, defined once
 * so the popup, the exported Markdown and the in-page card say the same thing.
 */

/** A verdict as a reader sees it. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = Object.freeze({
  conflict: 'Conflict',
  unsupported: 'Unsupported',
  supported: 'Supported',
});

/** A conflict's severity as a reader sees it. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = Object.freeze({
  hard: 'hard',
  soft: 'soft',
});

/** A strictness level's name and what it flags, in the words of the README's table. */
export interface StrictnessLabel {
  /** Short name for a control. */
  readonly name: string;
  /** What the level flags, one line. */
  readonly description: string;
}

/** Each strictness level's name and what it flags. */
export const STRICTNESS_LABELS: Readonly<Record<Strictness, StrictnessLabel>> = Object.freeze({
  lenient: Object.freeze({ name: 'Lenient', description: 'Flags only clear errors: a wrong name, role, date, place or number.' }),
  balanced: Object.freeze({ name: 'Balanced', description: 'Flags every conflict, including overstated wording, and claims the release does not contain.' }),
  strict: Object.freeze({ name: 'Strict', description: 'Also flags claims the release supports only weakly.' }),
});

/** The noun after a count: "conflict", "conflicts", "unsupported". */
export function countNoun(count: number, verdict: Verdict): string {
  if (verdict === 'conflict') return count === 1 ? 'conflict' : 'conflicts';
  return verdict;
}

/** "1 conflict", "2 conflicts", "3 supported": counts in the summary and the export. */
export function countLabel(count: number, verdict: Verdict): string {
  return `${count} ${countNoun(count, verdict)}`;
}

/** "Conflict (hard)", "Unsupported": a verdict and its severity, as the card and the popup name them. */
export function verdictName(verdict: Verdict, severity?: Severity): string {
  return `${VERDICT_LABELS[verdict]}${severity ? ` (${SEVERITY_LABELS[severity]})` : ''}`;
}

/** What a reader is told where a finding rests on no passage: the reference says nothing about it. */
export const NOTHING_IN_REFERENCE = 'The reference has nothing on this.';

/**
 * Every finding behind a sentence's verdict, as the page report lists them;
 * a report without the list (an older content script) gives its one reason
 * and passage as a single finding.
 */
export function findingsOf(sentence: Pick<SentenceReport, 'verdict' | 'severity' | 'reason' | 'claimId' | 'quote' | 'findings'>): ReportFinding[] {
  if (sentence.findings && sentence.findings.length > 0) return sentence.findings;
  if (!sentence.verdict) return [];
  return [
    {
      verdict: sentence.verdict,
      ...(sentence.severity ? { severity: sentence.severity } : {}),
      reason: sentence.reason ?? '',
      ...(sentence.claimId ? { claimId: sentence.claimId } : {}),
      ...(sentence.quote ? { quote: sentence.quote } : {}),
    },
  ];
}

/**
 * What a screen reader hears when a check ends with something flagged:
 * "3 conflicts and 6 unsupported statements on this page; Alt+Shift+J goes
 * to the next." `undefined` when nothing is flagged (nothing to announce).
 */
export function flaggedAnnouncement(summary: ReportSummary, shortcuts: FindingShortcuts): string | undefined {
  const parts: string[] = [];
  if (summary.conflict > 0) parts.push(countLabel(summary.conflict, 'conflict'));
  if (summary.unsupported > 0) parts.push(`${summary.unsupported} unsupported ${summary.unsupported === 1 ? 'statement' : 'statements'}`);
  if (parts.length === 0) return undefined;
  const how = shortcuts.next
    ? `${shortcuts.next} goes to the next${shortcuts.previous ? `, ${shortcuts.previous} to the previous` : ''}.`
    : 'give "Go to the next flagged statement" a key in the browser\'s shortcut settings to go from one to the next.';
  return `Fact check: ${parts.join(' and ')} on this page; ${how}`;
}
