import { useEffect, useState } from 'preact/hooks';
import { STRICTNESS_LEVELS } from '../../core';
import { SUGGESTED_SHORTCUTS, type FindingShortcuts } from '../../ext/commands';
import type { Connector } from '../../ext/connector';
import { NOTHING_IN_REFERENCE, STRICTNESS_LABELS } from '../../ext/labels';
import { markCss, MARK_TAG, markLook, type MarkLook } from '../../page/marking/highlight-styles';

/** Props of `WelcomePage`. */
export interface WelcomePageProps {
  connector: Connector;
  /** The bundled reference's label. */
  source: string;
}

/** One example of each mark, drawn with the very rules the page marks use. */
const EXAMPLES: readonly { look: MarkLook; text: string; meaning: string }[] = [
  { look: markLook('conflict', 'hard'), text: 'Borrell and Iwaya met in Osaka.', meaning: 'Hard conflict (wavy red line, red tint): a checkable detail contradicts the reference, here the place.' },
  { look: markLook('conflict', 'soft'), text: 'The two sides signed the partnership.', meaning: 'Soft conflict (double red line): wording that overstates or shifts the reference ("signed" where it says "announced").' },
  { look: markLook('unsupported', undefined), text: 'They agreed on joint naval exercises.', meaning: 'Unsupported (dashed amber line): a specific claim the reference does not contain.' },
  { look: markLook('supported', undefined), text: 'Japan is the first such partner in the Indo-Pacific.', meaning: 'Supported (thin blue line), only if you ask for it in the popup: the reference says it.' },
];

/**
 * The first-run page: what the marks mean, the keys, the strictness levels
 * and what happens to the reader's data. Opened once, on install.
 */
export function WelcomePage({ connector, source }: WelcomePageProps) {
  const [keys, setKeys] = useState<FindingShortcuts>(SUGGESTED_SHORTCUTS);
  useEffect(() => {
    void connector.getShortcuts().then(setKeys);
  }, [connector]);
  const key = (value: string) => (value ? <kbd>{value}</kbd> : <span>(no key set: choose one in the browser's shortcut settings)</span>);
  return (
    <main class="welcome">
      <style>{markCss()}</style>
      <h1>EU–Japan Fact Check is installed</h1>
      <p>
        On news pages it checks each sentence about the EU–Japan Security and Defence Partnership against one official text, the <cite>{source}</cite>, and marks
        the ones that conflict with it or that it does not support. Pages about anything else get no marks at all.
      </p>

      <section aria-labelledby="marks-heading">
        <h2 id="marks-heading">The marks</h2>
        <p>Each kind of mark has its own line as well as its own colour, so it reads without colour vision, on dark pages and in high-contrast mode.</p>
        <dl class="examples">
          {EXAMPLES.map(({ look, text, meaning }) => (
            <div key={look}>
              <dt>
                <MarkExample look={look} text={text} />
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <p>
          Two marks of the same kind in a row: the second's line runs a little lower, so you can see where one sentence ends. Hover over or click a marked sentence
          for its card: the verdict, the sentence, each reason with the passage of the reference it rests on, or "{NOTHING_IN_REFERENCE}"
        </p>
      </section>

      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">From the keyboard and with a screen reader</h2>
        <ul>
          <li>
            {key(keys.next)} goes to the next flagged statement and {key(keys.previous)} to the previous one; its card opens with the focus in it. <kbd>Esc</kbd> closes
            the card and puts the focus back where it was.
          </li>
          <li>When a page has been checked and something is flagged, a screen reader hears how many conflicts and unsupported statements there are.</li>
          <li>Tab to a link inside a flagged sentence and its card is offered beside it; {key(keys.next)} then takes you into it.</li>
          <li>In the toolbar popup, pick a flagged sentence to go to it on the page, with the focus in its card.</li>
        </ul>
      </section>

      <section aria-labelledby="strictness-heading">
        <h2 id="strictness-heading">Strictness</h2>
        <p>Choose in the toolbar popup how much is flagged; open pages are checked again at once.</p>
        <dl class="strictness">
          {STRICTNESS_LEVELS.map((level) => (
            <div key={level}>
              <dt>{STRICTNESS_LABELS[level].name}</dt>
              <dd>{STRICTNESS_LABELS[level].description}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">When a flag looks wrong</h2>
        <p>
          A card's <strong>Dismiss on this page</strong> hides that flag on that page (undo it in the popup). <strong>Report as wrong</strong> keeps the sentence and
          what it was flagged for among your reports, which you can download from the popup and send to whoever maintains the claim set, if you wish.
        </p>
      </section>

      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Privacy</h2>
        <p>
          Everything happens in your browser. The extension makes no network request: no page text, no verdict, no setting and no report ever leaves your machine.
          It keeps your settings, an imported claim set, the flags you dismissed and the ones you reported in the browser's extension storage, and nowhere else. Pages
          cannot tell that you run it.
        </p>
      </section>
    </main>
  );
}

/** A sentence marked as on a page (an `<ejfc-mark>` element, styled by `markCss`). */
function MarkExample({ look, text }: { look: MarkLook; text: string }) {
  // A custom element: Preact writes its attributes as given.
  const Mark = MARK_TAG as unknown as 'span';
  return <Mark data-look={look}>{text}</Mark>;
}
