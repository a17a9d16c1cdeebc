// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultChecker } from '../../../../src/core';
import type { CardFinding, CardHost } from '../../../../src/page/cards/card-ui';
import { CARD_HOST_TAG, mountCardHost } from '../../../../src/ui/card/card-host';
import { NOTHING_IN_REFERENCE } from '../../../../src/ext/labels';

const SOURCE = defaultChecker().claimSet.source.label;
const ANCHOR = { left: 10, top: 10, right: 200, bottom: 30 };
const ATTACK = '<img src=x onerror=alert(1)>';

let card: CardHost | undefined;
afterEach(() => {
  card?.destroy();
  card = undefined;
  document.body.innerHTML = '';
});

function open(finding: CardFinding, onClose = vi.fn()): { card: CardHost; onClose: typeof onClose; dialog: HTMLElement } {
  card = mountCardHost(document, { sourceLabel: SOURCE, onClose, mode: 'open' });
  card.show(finding, ANCHOR);
  return { card, onClose, dialog: card.root.querySelector<HTMLElement>('[role="dialog"]')! };
}

describe('the finding card', () => {
  it('names the reference by the claim set\'s source label', () => {
    expect(SOURCE).toBe('EEAS press release, Tokyo, 1 November 2024');
  });

  it.each([
    ['a hard conflict: verdict, severity, reason, quote and source', { verdict: 'conflict', severity: 'hard', reason: 'The reference says Tokyo, not Osaka.', quote: 'They met in Tokyo.' }, ['Conflict', 'hard', 'A checkable detail differs', 'The reference says Tokyo, not Osaka.', 'They met in Tokyo.', SOURCE]],
    ['a soft conflict says what soft means', { verdict: 'conflict', severity: 'soft', reason: 'Signed where the reference says announced.', quote: 'The partnership was announced.' }, ['Conflict', 'soft', 'overstates or shifts']],
    ['an unsupported claim without a passage still names the reference', { verdict: 'unsupported', reason: 'The reference does not mention "Kyoto".' }, ['Unsupported', 'The reference does not mention "Kyoto".', `Checked against the ${SOURCE}.`]],
    ['a supported sentence', { verdict: 'supported', reason: 'The reference says this.', quote: 'They met in Tokyo.' }, ['Supported', 'They met in Tokyo.']],
  ] as [string, CardFinding, string[]][])('%s', (_reason, finding, texts) => {
    const { dialog } = open(finding);
    for (const text of texts) expect(dialog.textContent).toContain(text);
    expect(dialog.getAttribute('aria-label')).toContain(texts[0]);
  });

  it.each([
    ['in the reason', { verdict: 'unsupported', reason: `The reference does not mention "${ATTACK}".` }],
    ['in the quote', { verdict: 'conflict', severity: 'hard', reason: 'x', quote: ATTACK }],
  ] as [string, CardFinding][])('renders page text %s as text, never as markup', (_where, finding) => {
    const { card, dialog } = open(finding);
    expect(card.root.querySelector('img')).toBeNull();
    expect(dialog.textContent).toContain(ATTACK);
  });

  it('is a dialog named by its verdict and described by its reason', () => {
    const { card, dialog } = open({ verdict: 'conflict', severity: 'hard', reason: 'Wrong place.', quote: 'Tokyo.' });
    expect(dialog.getAttribute('aria-label')).toBe('Fact check: Conflict (hard)');
    const described = card.root.getElementById(dialog.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('Wrong place.');
    expect(card.root.querySelector('button')?.getAttribute('aria-label')).toBe('Close');
  });

  it('Escape inside the card closes it, and the page does not see that Escape', () => {
    const pageSaw = vi.fn();
    document.addEventListener('keydown', pageSaw);
    const { onClose, dialog } = open({ verdict: 'conflict', reason: 'x' });
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(pageSaw).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageSaw);
  });

  it('the close button closes it', () => {
    const { card, onClose } = open({ verdict: 'supported', reason: 'x' });
    card.root.querySelector('button')!.click();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('focus() moves focus into the card, and contains() knows it is inside', () => {
    const { card, dialog } = open({ verdict: 'conflict', reason: 'x' });
    card.focus();
    expect(card.root.activeElement).toBe(dialog);
    expect(card.contains(dialog)).toBe(true);
    expect(card.contains(document.body)).toBe(false);
  });

  it('lives in its own host outside <body>, in a closed shadow root unless asked otherwise, and leaves with destroy()', () => {
    card = mountCardHost(document, { sourceLabel: SOURCE, onClose: () => {} });
    const host = document.querySelector(CARD_HOST_TAG)!;
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    card.destroy();
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    card = undefined;
  });

  it('hide() empties the card and show() replaces what it shows', () => {
    const { card } = open({ verdict: 'conflict', reason: 'First.' });
    card.show({ verdict: 'supported', reason: 'Second.' }, ANCHOR);
    expect(card.root.textContent).toContain('Second.');
    expect(card.root.textContent).not.toContain('First.');
    card.hide();
    expect(card.isOpen).toBe(false);
    expect(card.root.querySelector('[role="dialog"]')).toBeNull();
  });

  it('names the sentence it is about (as text), and the dialog is described by the sentence and the reason', () => {
    const sentence = `Borrell met Iwaya in Osaka ${ATTACK}.`;
    const { card, dialog } = open({ verdict: 'conflict', severity: 'hard', reason: 'Wrong place.', quote: 'Tokyo.', text: sentence });
    expect(dialog.querySelector('q')?.textContent).toBe(sentence);
    expect(card.root.querySelector('img')).toBeNull();
    const ids = dialog.getAttribute('aria-describedby')!.split(' ');
    expect(ids.map((id) => card.root.getElementById(id)?.textContent)).toEqual([`The sentence: ${sentence}`, 'Wrong place.']);
  });

  it('lists every finding with its own reason and passage, and says plainly where the reference has nothing', () => {
    const { card, dialog } = open({
      verdict: 'conflict',
      severity: 'hard',
      reason: 'Wrong place. Wrong day.',
      quote: 'They met in Tokyo.',
      text: 'They met in Osaka on Monday, said Nakatani.',
      findings: [
        { verdict: 'conflict', severity: 'hard', reason: 'Wrong place.', claimId: 'place', quote: 'They met in Tokyo.' },
        { verdict: 'conflict', severity: 'soft', reason: 'Wrong day.', claimId: 'day', quote: 'On Friday 1 November.' },
        { verdict: 'unsupported', reason: 'The reference does not mention Gen Nakatani.' },
      ],
    });
    const items = [...dialog.querySelectorAll('ol.findings > li')];
    expect(items).toHaveLength(3);
    expect(items.map((li) => li.querySelector('.reason')?.textContent)).toEqual([
      'Wrong place.',
      'Wrong day.',
      `The reference does not mention Gen Nakatani. ${NOTHING_IN_REFERENCE}`,
    ]);
    expect(items.map((li) => li.querySelector('blockquote')?.textContent ?? null)).toEqual(['They met in Tokyo.', 'On Friday 1 November.', null]);
    expect(items.map((li) => li.querySelector('.finding-verdict')?.textContent)).toEqual(['Conflict (hard)', 'Conflict (soft)', 'Unsupported']);
    expect(dialog.getAttribute('aria-describedby')!.split(' ').map((id) => card.root.getElementById(id)?.textContent)).toHaveLength(4);
  });

  it('an unsupported sentence with no passage says the reference has nothing on it, and quotes no passage', () => {
    const { dialog } = open({ verdict: 'unsupported', reason: 'The reference does not mention Gen Nakatani.', findings: [{ verdict: 'unsupported', reason: 'The reference does not mention Gen Nakatani.' }] });
    expect(dialog.querySelector('blockquote')).toBeNull();
    expect(dialog.textContent).toContain(NOTHING_IN_REFERENCE);
    expect(dialog.textContent).toContain(`Checked against the ${SOURCE}.`);
  });

  it('its Previous and Next buttons step through the findings and show their keys', () => {
    const onStep = vi.fn();
    card = mountCardHost(document, { sourceLabel: SOURCE, onClose: () => {}, mode: 'open', onStep, shortcuts: () => ({ next: 'Alt+Shift+J', previous: 'Alt+Shift+K' }) });
    card.show({ verdict: 'conflict', reason: 'x' }, ANCHOR);
    const buttons = [...card.root.querySelectorAll<HTMLButtonElement>('button.step')];
    expect(buttons.map((b) => b.getAttribute('aria-keyshortcuts'))).toEqual(['Alt+Shift+K', 'Alt+Shift+J']);
    expect(buttons.map((b) => b.textContent)).toEqual(['← PreviousAlt+Shift+K', 'Next →Alt+Shift+J']);
    buttons[0]!.click();
    buttons[1]!.click();
    expect(onStep.mock.calls).toEqual([[-1], [1]]);
  });

  it('announce() says the text in a polite live region, which is there before its text is', async () => {
    card = mountCardHost(document, { sourceLabel: SOURCE, onClose: () => {}, mode: 'open' });
    const live = card.root.querySelector('[aria-live="polite"]')!;
    expect(live.getAttribute('role')).toBe('status');
    card.announce('2 conflicts on this page.');
    expect(live.textContent).toBe('');
    await vi.waitFor(() => expect(live.textContent).toBe('2 conflicts on this page.'));
  });
});
