import { useEffect, useState } from 'preact/hooks';
import type { FindingShortcuts } from '../../ext/commands';
import type { Connector } from '../../ext/connector';

/**
 * The keys that move between flagged statements on the page, as the browser
 * assigned them (the reader can change them), and that Escape closes a card:
 * the popup is the one screen every reader opens, so it says how to get there
 * without a mouse.
 */
export function KeyboardHelp({ connector }: { connector: Connector }) {
  const [keys, setKeys] = useState<FindingShortcuts | null>(null);
  useEffect(() => {
    let live = true;
    void connector.getShortcuts().then((got) => live && setKeys(got));
    return () => {
      live = false;
    };
  }, [connector]);
  if (!keys) return null;
  return (
    <p class="keys note">
      On the page: <KeyOrNone keys={keys.next} /> goes to the next flagged statement, <KeyOrNone keys={keys.previous} /> to the previous one
      (focus goes into its card); <kbd>Esc</kbd> closes the card.
    </p>
  );
}

function KeyOrNone({ keys }: { keys: string }) {
  return keys ? <kbd>{keys}</kbd> : <span>(no key set: choose one in the browser's shortcut settings)</span>;
}
