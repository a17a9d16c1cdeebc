/**
 * Telling screen readers what a finished check found: "Fact check: 3
 * conflicts and 6 unsupported statements on this page; Alt+Shift+J goes to
 * the next, …", once for each new count of flagged statements, and at most
 * once an interval, so that a live page adding text in batches does not talk
 * over the reader (the latest counts are said at the interval's end).
 *
 * DOM only (a window's timers); what is said goes to `say`, the card host's
 * polite live region. Flagged counts wait while the announcer is not `ready`
 * (the card's UI, with its words and its live region, is on its way):
 * `resume()` says them.
 *
 * @module
 */
import type { ReportSummary } from '../../core/report';
import type { CardUi, FindingShortcuts } from './card-ui';

/** Least time between two announcements of a page's counts, in milliseconds. */
export const ANNOUNCE_EVERY_MS = 10_000;

export interface CountAnnouncerOptions {
  /** For its timers. */
  win: Window | null;
  /** Say `text` politely (the live region). */
  say(text: string): void;
  /** The keys of the finding commands, named in what is said. */
  shortcuts(): FindingShortcuts;
  /**
   * Whether flagged counts can be said now; when not, they wait for
   * `resume()`. Asked only when something is flagged. Always, by default.
   */
  ready?(): boolean;
  /** The words said for the counts (the card UI's). */
  flaggedAnnouncement: CardUi['flaggedAnnouncement'];
  /** See `ANNOUNCE_EVERY_MS`. */
  everyMs?: number;
}

/** Announces a page's flagged counts; see the module comment. */
export class CountAnnouncer {
  /** The counts last said, as a key. */
  private said = '';
  /** When (`Date.now()`) they were said. */
  private saidAt = -Infinity;
  /** The counts of the last check, said when the interval ends. */
  private latest: ReportSummary | undefined;
  private timer: number | undefined;
  private stopped = false;
  /** Flagged counts came while not `ready`. */
  private waiting = false;

  constructor(private readonly options: CountAnnouncerOptions) {}

  /** The check ended with these counts: say them if they are new (now, or at the end of the interval). */
  counts(summary: ReportSummary): void {
    if (this.stopped) return;
    this.latest = summary;
    const key = `${summary.conflict}/${summary.unsupported}`;
    if (key === this.said) return;
    if (summary.conflict + summary.unsupported > 0 && this.options.ready && !this.options.ready()) {
      this.waiting = true;
      return;
    }
    this.waiting = false;
    const now = Date.now();
    const wait = this.saidAt + (this.options.everyMs ?? ANNOUNCE_EVERY_MS) - now;
    const win = this.options.win;
    if (wait > 0 && win) {
      this.timer ??= win.setTimeout(() => {
        this.timer = undefined;
        if (this.latest) this.counts(this.latest);
      }, wait);
      return;
    }
    this.said = key;
    this.saidAt = now;
    const text = this.options.flaggedAnnouncement(summary, this.options.shortcuts());
    if (text) this.options.say(text);
  }

  /** Now `ready`: say the counts that waited (if any). */
  resume(): void {
    if (!this.waiting || !this.latest) return;
    this.waiting = false;
    this.counts(this.latest);
  }

  /** No more announcements (the page session ended). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.options.win?.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
