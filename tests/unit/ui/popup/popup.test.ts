// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { h, render } from 'preact';
import claims from '../../../../assets/claims.json';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { summarize, type SentenceReport } from '../../../../src/core';
import type { ActiveTabReport, Connector } from '../../../../src/ext/connector';
import { NOTHING_IN_REFERENCE } from '../../../../src/ext/labels';
import { createMockConnector, reportState, sampleReport, type MockConnectorOptions, type MockTabState } from '../../../../src/ext/mock-connector';
import { Popup } from '../../../../src/ui/popup/popup';

const SOURCE = 'EEAS press release, Tokyo, 1 November 2024';
const HOST = 'news.example';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

/** Renders the popup over `connector` and waits until it has asked the page once. */
async function show(connector: Connector): Promise<void> {
  await act(() => {
    render(h(Popup, { connector, source: SOURCE, pollMs: 1, now: () => new Date(2024, 10, 5) }), container);
  });
}

function mockWith(options: MockConnectorOptions) {
  return createMockConnector(options);
}

/** Waits (without a deadline of our own) until `check` passes. */
async function until(check: () => void): Promise<void> {
  await vi.waitFor(check, { timeout: 2000, interval: 5 });
}

const statusText = () => container.querySelector('[role="status"]')?.textContent ?? '';
const buttons = (name: string | RegExp) => [...container.querySelectorAll('button')].filter((b) => (typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? '')));

function sentence(text: string, verdict: SentenceReport['verdict'], start: number, extra: Partial<SentenceReport> = {}): SentenceReport {
  return { text, start, end: start + text.length, verdict, ...extra };
}

describe('the states of the page', () => {
  const unavailable = (reason: 'restricted' | 'no-content-script'): MockTabState => ({ kind: 'unavailable', hostname: null, reason });
  it.each<[string, MockConnectorOptions, RegExp]>([
    ['a checked page says so and at which strictness', {}, /Checked at balanced strictness/],
    ['a page being checked says so', { states: [reportState(sampleReport({ status: 'scanning' }))] }, /Checking this page/],
    ['a page not about the subject says so', { states: [reportState(sampleReport({ topical: false, sentences: [], summary: summarize([]) }))] }, /Nothing on this page is about the subject/],
    ['a browser page: the extension may not run there', { states: [unavailable('restricted')] }, /The extension may not run on this page.*add-on stores/],
    ['no content script: the extension may not run there, reload', { states: [unavailable('no-content-script')] }, /The extension may not run on this page.*reload it/],
    ['an error says what went wrong', { states: [{ kind: 'error', hostname: HOST, message: 'The page broke.' }] }, /could not be checked.*The page broke\./],
    ['a site the reader paused says so', { settings: { pausedSites: [HOST] } }, /paused on news\.example/],
    ['checking switched off says so', { settings: { enabled: false } }, /Checking is off on every site/],
  ])('%s', async (_what, options, expected) => {
    await show(mockWith(options));
    await until(() => expect(statusText()).toMatch(expected));
  });

  it('says it is asking while the page has not answered', async () => {
    const connector = { ...createMockConnector(), getActiveTabReport: () => new Promise<ActiveTabReport>(() => undefined) };
    await show(connector);
    expect(statusText()).toMatch(/Asking the page/);
  });

  it('offers to try again after an error, and asks the page again', async () => {
    const mock = mockWith({ states: [{ kind: 'error', hostname: HOST, message: 'Busy.' }, reportState(sampleReport())] });
    await show(mock);
    await until(() => expect(buttons('Try again')).toHaveLength(1));
    await act(() => buttons('Try again')[0]!.click());
    await until(() => expect(statusText()).toMatch(/Checked at/));
  });

  it('asks the page again while it is being checked, and shows the result when done', async () => {
    const scanning = reportState(sampleReport({ status: 'scanning', sentences: [], summary: summarize([]) }));
    const mock = mockWith({ states: [scanning, scanning, reportState(sampleReport())] });
    await show(mock);
    await until(() => expect(statusText()).toMatch(/Checked at balanced/));
    expect(mock.calls.getActiveTabReport).toBeGreaterThanOrEqual(3);
  });

  it('stops asking once the page is checked', async () => {
    const mock = mockWith({});
    await show(mock);
    await until(() => expect(statusText()).toMatch(/Checked at/));
    const asked = mock.calls.getActiveTabReport;
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(mock.calls.getActiveTabReport).toBe(asked);
  });
});

describe('the summary and the findings', () => {
  it('shows the counts of conflicts, unsupported and supported', async () => {
    await show(mockWith({}));
    await until(() => expect(container.querySelector('.counts')).not.toBeNull());
    const tiles = [...container.querySelectorAll('.counts li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    const { summary } = sampleReport();
    expect(tiles).toEqual([`${summary.conflict} conflicts`, `${summary.unsupported} unsupported`, `${summary.supported} supported`]);
  });

  it('lists the flagged sentences with their reasons, not the supported ones', async () => {
    await show(mockWith({}));
    await until(() => expect(container.querySelectorAll('.findings > li').length).toBeGreaterThan(0));
    const flagged = sampleReport().sentences.filter((s) => s.verdict === 'conflict' || s.verdict === 'unsupported');
    const items = [...container.querySelectorAll('.findings > li')];
    expect(items.map((li) => li.querySelector('button .finding-text')?.textContent)).toEqual(flagged.map((s) => s.text));
    expect(items.map((li) => li.querySelector('.finding-reason')?.textContent)).toEqual(flagged.map((s) => s.reason));
  });

  it('reveals a finding on the page when it is clicked', async () => {
    const mock = mockWith({});
    await show(mock);
    await until(() => expect(container.querySelectorAll('.findings .finding-show').length).toBeGreaterThan(1));
    await act(() => (container.querySelectorAll<HTMLButtonElement>('.findings .finding-show')[1]!).click());
    const second = sampleReport().sentences.filter((s) => s.verdict === 'conflict' || s.verdict === 'unsupported')[1]!;
    expect(mock.calls.revealFinding).toEqual([second.start]);
  });

  it.each([
    ['an HTML image with a script', '<img src=x onerror=alert(1)>'],
    ['a script tag', '<script>alert(1)</script>'],
    ['a Markdown link', '[x](javascript:alert(1))'],
  ])('shows %s in page text as text', async (_what, payload) => {
    const text = `Borrell said ${payload} in Osaka.`;
    const sentences = [sentence(text, 'conflict', 0, { severity: 'hard', reason: `Reason with ${payload}` })];
    await show(mockWith({ states: [reportState(sampleReport({ sentences, summary: summarize(sentences) }))] }));
    await until(() => expect(container.querySelector('.finding-text')?.textContent).toBe(text));
    expect(container.querySelector('.finding-reason')?.textContent).toBe(`Reason with ${payload}`);
    expect(container.querySelector('.findings img, .findings script, .findings a')).toBeNull();
  });

  it('lists every finding of a sentence with its own reason and passage, and says where the reference has nothing', async () => {
    const findings = [
      { verdict: 'conflict' as const, severity: 'hard' as const, reason: 'Wrong place.', claimId: 'place', quote: 'They met in Tokyo.' },
      { verdict: 'unsupported' as const, reason: 'The reference does not mention Gen Nakatani.' },
    ];
    const sentences = [sentence('Borrell met Nakatani in Osaka.', 'conflict', 0, { severity: 'hard', reason: 'Wrong place. The reference does not mention Gen Nakatani.', quote: 'They met in Tokyo.', findings })];
    await show(mockWith({ states: [reportState(sampleReport({ sentences, summary: summarize(sentences) }))] }));
    await until(() => expect(container.querySelector('.finding-reasons')).not.toBeNull());
    const reasons = [...container.querySelectorAll('.finding-reasons > li')].map((li) => li.textContent);
    expect(reasons).toEqual(['Conflict (hard): Wrong place.They met in Tokyo.', `Unsupported: The reference does not mention Gen Nakatani. ${NOTHING_IN_REFERENCE}`]);
    expect([...container.querySelectorAll('.finding-quote')].map((q) => q.textContent)).toEqual(['They met in Tokyo.']);
  });

  it('on a long page lists a page of 25 flagged sentences at a time, asked of the page one page at a time, after the summary, settings and export', async () => {
    const sentences = Array.from({ length: 60 }, (_, i) => sentence(`Flagged sentence number ${i + 1} about Borrell in Osaka.`, i % 2 ? 'unsupported' : 'conflict', i * 60, { reason: `Reason ${i + 1}.` }));
    const mock = mockWith({ states: [reportState(sampleReport({ sentences, summary: summarize(sentences) }))] });
    await show(mock);
    await until(() => expect(container.querySelectorAll('.findings > li')).toHaveLength(25));
    expect(mock.calls.getFindings).toEqual([[0, 25]]);
    const texts = () => [...container.querySelectorAll('.findings .finding-text')].map((q) => q.textContent);
    expect(texts()[0]).toBe('Flagged sentence number 1 about Borrell in Osaka.');
    expect(container.querySelector('.pager-position')?.textContent).toBe('1–25 of 60');
    // Summary, settings and export come before the list, which comes last.
    const order = ['.counts', '.settings', '.export', '.flagged'].map((selector) => container.querySelector(selector)!);
    for (let i = 1; i < order.length; i++) expect(order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await act(() => buttons('Next 25')[0]!.click());
    await until(() => expect(texts()[0]).toBe('Flagged sentence number 26 about Borrell in Osaka.'));
    expect(container.querySelector('ol.findings')?.getAttribute('start')).toBe('26');
    await act(() => buttons('Next 10')[0]!.click());
    await until(() => expect(container.querySelectorAll('.findings > li')).toHaveLength(10));
    expect(buttons(/^Next/)[0]!.disabled).toBe(true);
    expect(mock.calls.getFindings).toEqual([[0, 25], [25, 25], [50, 25]]);
    // The whole report was never asked for: only the export asks.
    expect(mock.calls.getFullReport).toBe(0);
  });

  it("lists the flags dismissed on this page (as text) with Show again, and offers the reader's reports of wrong flags to download", async () => {
    const url = sampleReport().file;
    const flag = { text: 'Borrell said <img src=x onerror=alert(1)> in Osaka.', verdict: 'conflict' as const, at: '2026-12-02T17:00:00.000Z' };
    const other = { text: 'Another page\'s flag.', verdict: 'unsupported' as const, at: flag.at };
    const wrong = {
      url,
      sentence: 'A.',
      verdict: 'conflict' as const,
      claimIds: ['dialogue-held'],
      reasons: ['Wrong place.'],
      claimSet: { label: SOURCE, version: 1, hash: 'fnv1a64:0123456789abcdef' },
      at: flag.at,
    };
    const mock = mockWith({ dismissed: [{ url: `${url}#comments`, flag }, { url: 'https://news.example/elsewhere', flag: other }], wrongReports: [wrong] });
    await show(mock);
    await until(() => expect(container.querySelector('.dismissed')).not.toBeNull());
    expect([...container.querySelectorAll('.dismissed q')].map((q) => q.textContent)).toEqual([flag.text]);
    expect(container.querySelector('.dismissed img')).toBeNull();
    expect(container.querySelector('.answers')?.textContent).toContain('1 flag reported as wrong, kept in this browser only.');
    await act(() => buttons('Show again')[0]!.click());
    await until(() => expect(container.querySelector('.dismissed')).toBeNull());
    expect(mock.calls.undoDismiss).toEqual([flag.text]);
    await act(() => buttons('Download them (JSON)')[0]!.click());
    await until(() => expect(mock.calls.downloads).toHaveLength(1));
    expect(JSON.parse(mock.calls.downloads[0]!.text).reports).toEqual([wrong]);
  });

  it('says so when nothing is flagged', async () => {
    const sentences = [sentence('Japan is the first country in the Indo-Pacific to adopt such a framework.', 'supported', 0)];
    await show(mockWith({ states: [reportState(sampleReport({ sentences, summary: summarize(sentences) }))] }));
    await until(() => expect(container.textContent).toMatch(/No sentence on this page is flagged/));
  });
});

describe('the settings', () => {
  const radio = (name: string) =>
    [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (input) => document.getElementById(input.getAttribute('aria-labelledby') ?? '')?.textContent === name,
    );
  const checkbox = (label: RegExp) =>
    [...container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((input) => label.test(input.closest('label')?.textContent ?? ''));

  it('shows the saved strictness, each level named and described', async () => {
    await show(mockWith({ settings: { strictness: 'strict' } }));
    await until(() => expect(radio('Strict')?.checked).toBe(true));
    for (const name of ['Lenient', 'Balanced', 'Strict']) {
      const input = radio(name)!;
      expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toMatch(/^(Flags|Also flags)/);
    }
    expect(container.querySelector('fieldset.strictness legend')?.textContent).toBe('Strictness');
  });

  it('saves a new strictness and shows the page re-checked at it', async () => {
    const mock = mockWith({});
    await show(mock);
    await until(() => expect(radio('Strict')).toBeDefined());
    await act(() => radio('Strict')!.click());
    expect(mock.calls.setSettings).toEqual([{ strictness: 'strict' }]);
    await until(() => expect(statusText()).toMatch(/Checked at strict strictness/));
  });

  it.each<[string, MockConnectorOptions, RegExp, object]>([
    ['pausing this site adds its hostname', {}, /Pause on news\.example/, { pausedSites: [HOST] }],
    ['resuming this site removes it, keeping the others', { settings: { pausedSites: ['a.example', HOST] } }, /Pause on news\.example/, { pausedSites: ['a.example'] }],
    ['switching checking off everywhere', {}, /every site/, { enabled: false }],
    ['marking supported sentences too', {}, /supported sentences/, { showSupported: true }],
  ])('%s', async (_what, options, label, patch) => {
    const mock = mockWith(options);
    await show(mock);
    await until(() => expect(checkbox(label)).toBeDefined());
    await act(() => checkbox(label)!.click());
    expect(mock.calls.setSettings).toEqual([patch]);
  });

  it('after resuming a site, keeps asking until the page has re-checked, even if it first answers with its old report', async () => {
    const before = reportState(sampleReport());
    const fresh = [sentence('Borrell met Iwaya in Osaka.', 'conflict', 0, { severity: 'hard', reason: 'Tokyo, not Osaka.' })];
    const after = reportState(sampleReport({ sentences: fresh, summary: summarize(fresh) }));
    const scanning = reportState(sampleReport({ status: 'scanning', sentences: [], summary: summarize([]) }));
    const mock = mockWith({ settings: { pausedSites: [HOST] }, states: [before, before, scanning, after] });
    await show(mock);
    await until(() => expect(checkbox(/Pause on/)).toBeDefined());
    await act(() => checkbox(/Pause on/)!.click());
    await until(() => expect(container.querySelector('.finding-text')?.textContent).toBe('Borrell met Iwaya in Osaka.'));
  });

  it('has no site to pause when the tab has no web address', async () => {
    await show(mockWith({ states: [{ kind: 'unavailable', hostname: null, reason: 'restricted' }] }));
    await until(() => expect(checkbox(/every site/)).toBeDefined());
    expect(checkbox(/Pause on/)).toBeUndefined();
  });

  it('says so when a setting could not be saved', async () => {
    const mock = createMockConnector();
    const connector: Connector = { ...mock, setSettings: () => Promise.reject(new Error('Storage is full.')) };
    await show(connector);
    await until(() => expect(radio('Lenient')).toBeDefined());
    await act(() => radio('Lenient')!.click());
    await until(() => expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/could not be saved.*Storage is full/));
    await until(() => expect(radio('Balanced')?.checked).toBe(true));
  });
});

describe('the export', () => {
  it.each([
    ['Download JSON', 'json'],
    ['Download .md', 'md'],
  ])('%s saves a file named after the site and the day', async (button, extension) => {
    const mock = mockWith({});
    await show(mock);
    await until(() => expect(buttons(button)[0]?.disabled).toBe(false));
    await act(() => buttons(button)[0]!.click());
    await until(() => expect(mock.calls.downloads).toHaveLength(1));
    expect(mock.calls.getFullReport).toBe(1);
    expect(mock.calls.downloads[0]!.fileName).toBe(`fact-check-${HOST}-2024-11-05.${extension}`);
  });

  it('the JSON file is the report in the page-report schema', async () => {
    const mock = mockWith({});
    await show(mock);
    await until(() => expect(buttons('Download JSON')[0]?.disabled).toBe(false));
    await act(() => buttons('Download JSON')[0]!.click());
    await until(() => expect(mock.calls.downloads).toHaveLength(1));
    const { status: _status, ...report } = sampleReport();
    expect(JSON.parse(mock.calls.downloads[0]!.text)).toEqual(report);
  });

  it('copies the Markdown and says so', async () => {
    const mock = mockWith({});
    await show(mock);
    await until(() => expect(buttons('Copy Markdown')[0]?.disabled).toBe(false));
    await act(() => buttons('Copy Markdown')[0]!.click());
    await until(() => expect(mock.calls.copied).toHaveLength(1));
    expect(mock.calls.copied[0]).toMatch(/^# Fact check: https:\/\/news\.example\//);
    expect(mock.calls.copied[0]).toContain(`Source: ${SOURCE}`);
    await until(() => expect(container.querySelector('.export [role="status"]')?.textContent).toBe('Markdown copied.'));
  });

  it('says so when the clipboard refuses', async () => {
    await show(mockWith({ failCopy: true }));
    await until(() => expect(buttons('Copy Markdown')[0]?.disabled).toBe(false));
    await act(() => buttons('Copy Markdown')[0]!.click());
    await until(() => expect(container.querySelector('.export [role="status"]')?.textContent).toMatch(/did not work.*Clipboard refused/));
  });

  it.each<[string, MockConnectorOptions]>([
    ['while the page is being checked', { states: [reportState(sampleReport({ status: 'scanning' }))] }],
    ['on a page the extension may not run on', { states: [{ kind: 'unavailable', hostname: null, reason: 'restricted' }] }],
  ])('is not offered %s', async (_what, options) => {
    await show(mockWith(options));
    await until(() => expect(statusText()).not.toMatch(/Asking the page/));
    expect(buttons(/Download|Copy/).every((b) => b.disabled)).toBe(true);
  });
});

describe('the claim set', () => {
  // The happy-dom environment gives `import.meta.url` a web address: the file is found from the project root.
  const reference = readFileSync(resolve('assets/reference.txt'), 'utf8');
  const stored = (label: string) => {
    const set: Record<string, any> = { ...structuredClone(claims), reference };
    set.source.label = label;
    return { version: 1, file: 'other.json', importedAt: '2024-11-02T09:00:00.000Z', set };
  };
  const section = () => container.querySelector('.claim-set')?.textContent ?? '';
  const header = () => container.querySelector('.source')?.textContent ?? '';

  it('names the bundled set, and opens the import page on request', async () => {
    const connector = mockWith({});
    await show(connector);
    await until(() => expect(section()).toContain(`Bundled: ${SOURCE}`));
    expect(buttons('Use the bundled set')).toHaveLength(0);
    await act(() => buttons('Import a claim set…')[0]!.click());
    expect(connector.calls.openClaimSetPage).toBe(1);
  });

  it('names an imported set in the header and the section, and goes back to the bundled one', async () => {
    const connector = mockWith({ claimSet: stored('Riverside City Council release') });
    await show(connector);
    await until(() => expect(section()).toContain('Imported: Riverside City Council release'));
    expect(header()).toBe('Checked against the Riverside City Council release');
    expect(section()).toContain(`From other.json, ${claims.claims.length} claims.`);
    await act(() => buttons('Use the bundled set')[0]!.click());
    await until(() => expect(section()).toContain(`Bundled: ${SOURCE}`));
    expect(header()).toBe(`Checked against the ${SOURCE}`);
  });

  it('shows a notice, as an alert, when the stored set is damaged, and checks against the bundled one', async () => {
    const damaged = stored('Broken');
    damaged.set.claims[0].passage = 12;
    await show(mockWith({ claimSet: damaged }));
    await until(() => expect(section()).toContain(`Bundled: ${SOURCE}`));
    const alert = container.querySelector('.claim-set [role="alert"]')?.textContent ?? '';
    expect(alert).toMatch(/damaged, so pages are checked against the bundled set\. other\.json: invalid claim set: claims\[0\]\.passage expected a string/);
  });

  it('shows a label from the file as text, never as markup', async () => {
    await show(mockWith({ claimSet: stored('<img src=x onerror="alert(1)">Release') }));
    await until(() => expect(section()).toContain('<img src=x onerror="alert(1)">Release'));
    expect(container.querySelector('img')).toBeNull();
  });
});
