/**
 * What the page layer needs from the card's UI, and the words it says
 * through it: the contract between the cards here (`finding-cards.ts`,
 * `count-announcer.ts`) and the Preact card in `src/ui/card`, which
 * implements it (`CARD_UI` there). The content script hands it in, fetched
 * with the page's first mark (`PageSessionOptions.loadCardUi`: it comes in a
 * script of its own, `cards.js`), so the page layer imports nothing from
 * `src/ui` or `src/ext`.
 *
 * @module
 */
import type { ReportSummary, SentenceReport } from '../../core/report';
import type { Severity, Verdict } from '../../core/verdict';
import type { OwnNodes } from '../shared/own-nodes';
import type { StyleMode } from '../shared/style-sheet';

/** The keys assigned to the finding commands (next, previous flagged statement); `''` for a command the reader left without a key. */
export interface FindingShortcuts {
  next: string;
  previous: string;
}

/** Where a card points: a box in the top document's viewport (CSS pixels). */
export interface AnchorBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * What a card shows of one flagged (or supported) sentence: the sentence
 * itself, its verdict, and every finding behind the verdict (`findings`, as
 * the page report lists them; the single `reason` and `quote` stand for one
 * when the list is absent).
 */
export type CardFinding = Pick<SentenceReport, 'severity' | 'reason' | 'quote' | 'findings'> & {
  verdict: Verdict;
  /** The sentence the card is about, as the page has it. */
  text?: string;
};

/** One card on a page, shown for one finding at a time. */
export interface CardHost {
  /** The host element (in the page, outside `<body>`). */
  readonly host: HTMLElement;
  /** The shadow root, for tests; closed to the page's scripts unless made open. */
  readonly root: ShadowRoot;
  /** Whether a card is showing. */
  readonly isOpen: boolean;
  /** Show the card for `finding` beside `anchor` (replacing any card shown). */
  show(finding: CardFinding, anchor: AnchorBox): void;
  /** Move the card to a new anchor (the page scrolled). */
  place(anchor: AnchorBox): void;
  /** Hide the card. */
  hide(): void;
  /** Move focus into the card (opened by keyboard). */
  focus(): void;
  /**
   * Say `text` to screen readers through a polite live region beside the
   * card (not in it: the region is there whether a card shows or not).
   */
  announce(text: string): void;
  /** Whether `node` (an event's target, a focused element) is inside the card. */
  contains(node: EventTarget | null): boolean;
  /** Take the host out of the page. */
  destroy(): void;
}

export interface CardHostOptions {
  /** Called when the reader closes the card (close button, Escape inside it). */
  onClose(): void;
  /** The claim set's `source.label`. */
  sourceLabel: string;
  /** Go to the previous or next flagged statement (the card's buttons). */
  onStep?(direction: 1 | -1): void;
  /** The keys of the finding commands as the browser assigned them. */
  shortcuts?(): FindingShortcuts;
  /** Dismiss the flag shown (the card's button). */
  onDismiss?(): void;
  /** Report the flag shown as wrong (the card's button). */
  onReportWrong?(): void;
  /** Registry of the extension's own nodes: the host is added to it. */
  own?: OwnNodes;
  /** `closed` on pages (page scripts cannot reach in); `open` is for tests. */
  mode?: ShadowRootMode;
  /** How the CSS gets into the shadow root (see `installStyles`). */
  styles?: StyleMode | 'auto';
}

/** The card's UI and the words said through it, handed to the page layer (see the module comment). */
export interface CardUi {
  /** Put a card host into `doc` (one per page session, made with the first mark). */
  mountCardHost(doc: Document, options: CardHostOptions): CardHost;
  /** "Conflict (hard)": a verdict and its severity by name, said when focus lands in a flagged sentence. */
  verdictName(verdict: Verdict, severity?: Severity): string;
  /** What a screen reader hears when a check ends with these counts; `undefined` when nothing is flagged. */
  flaggedAnnouncement(summary: ReportSummary, shortcuts: FindingShortcuts): string | undefined;
  /** The keys named when the content script does not say which are assigned. */
  readonly suggestedShortcuts: Readonly<FindingShortcuts>;
}
