import type { PageReport } from './report';
import { summarize } from './report';
import { DEFAULT_STRICTNESS, type Strictness } from './strictness';
import { splitSentences } from './text/sentences';

export interface CheckOptions {
  strictness?: Strictness;
  /** Name of what is checked: a file name or a page URL. */
  file?: string;
}

export interface Checker {
  check(text: string, options?: CheckOptions): PageReport;
}

// Work in progress: verdicts come with the claim matcher.
export function createChecker(): Checker {
  return {
    check(text, options = {}) {
      const sentences = splitSentences(text).map((s) => ({ ...s, verdict: null }));
      return {
        file: options.file ?? '-',
        strictness: options.strictness ?? DEFAULT_STRICTNESS,
        topical: false,
        sentences,
        summary: summarize(sentences),
      };
    },
  };
}

let shared: Checker | undefined;
export function defaultChecker(): Checker {
  shared ??= createChecker();
  return shared;
}
