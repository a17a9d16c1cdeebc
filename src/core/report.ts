import type { Severity, Verdict } from './verdict';
import type { Strictness } from './strictness';

/**
 * The page report: what `check --format json` prints and what the extension's
 * content script answers to `{ type: 'get-page-report' }`. Defined once, here.
 */
export interface SentenceReport {
  /** The sentence as it stands in the checked text. */
  text: string;
  /** Offset of the sentence's first character in the checked text (UTF-16 units). */
  start: number;
  /** Offset just past the sentence's last character. */
  end: number;
  /** `null`: no verdict (not about the reference's subject, or unsure). */
  verdict: Verdict | null;
  /** Only on conflicts. */
  severity?: Severity;
  /** The reason in plain words, for the reader. */
  reason?: string;
  /** The claim the verdict rests on. */
  claimId?: string;
  /** The reference passage the verdict rests on, verbatim. */
  quote?: string;
  /**
   * Every finding behind the verdict, each with its own reason and the claim
   * and passage it rests on; the first is also given as `severity`, `reason`,
   * `claimId` and `quote` above. Present whenever `verdict` is not null.
   */
  findings?: ReportFinding[];
}

/** One reason behind a sentence's verdict, with the passage it rests on. */
export interface ReportFinding {
  verdict: Verdict;
  /** Only on conflicts. */
  severity?: Severity;
  /** The reason in plain words, for the reader. */
  reason: string;
  /** The claim this finding rests on; absent when the reference has nothing on it. */
  claimId?: string;
  /** The reference passage this finding rests on, verbatim; absent when the reference has nothing on it. */
  quote?: string;
}

/** What strictness decided for one sentence, without its text and offsets. */
export type Decision = Omit<SentenceReport, 'text' | 'start' | 'end'>;

export interface ReportSummary {
  conflict: number;
  unsupported: number;
  supported: number;
}

export interface PageReport {
  /** The file name (CLI) or page URL (extension) that was checked. */
  file: string;
  strictness: Strictness;
  /** False when the text says nothing about the reference's subject: then no sentence has a verdict. */
  topical: boolean;
  sentences: SentenceReport[];
  summary: ReportSummary;
}

export function summarize(sentences: readonly SentenceReport[]): ReportSummary {
  const summary: ReportSummary = { conflict: 0, unsupported: 0, supported: 0 };
  for (const sentence of sentences) {
    if (sentence.verdict) summary[sentence.verdict] += 1;
  }
  return summary;
}
