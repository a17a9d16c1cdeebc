/**
 * A claim set the reader imports, in both browsers: through the import page
 * (the options page, in a tab of its own), a good set for another event
 * checks the page against it; a bad one is refused with the error shown and
 * changes nothing; the choice survives a fresh content script and a fresh
 * extension page, and the bundled set comes back on request.
 */
import { describe, expect, it } from 'vitest';
import type { PageReportReply } from '../../src/ext/messages';
import { BROWSERS, poll, type BrowserTab, type ExtensionBrowser } from './harness';
import { pageMarks, pageReport, screenshotPath, setSettings, useExtensionBrowser } from './support';

/** A council's release about a tram line: the event `ordinary.html` reports on, which the bundled set knows nothing of. */
const TRAM_REFERENCE = `Riverside City Council: council approves the Harbour Tram Line

Riverside, 12 March 2024

The city council voted on Tuesday to build a new tram line between the central station and the harbour. The Harbour Tram Line will have eleven stops and is expected to carry around 30,000 passengers a day once it opens. Construction work on Harbour Street will begin in the autumn of 2024, and the first trams will run in 2027. Councillor Ingrid Holm chairs the transport committee.
`;

const TRAM_LABEL = 'Riverside City Council release, 12 March 2024';
const TRAM_CLAIMS = ['council-voted', 'tram-stops', 'tram-works', 'holm-chairs'];

function tramSet(): Record<string, any> {
  return {
    version: 1,
    source: { publisher: 'Riverside City Council', title: 'Council approves the Harbour Tram Line', date: '2024-03-12', place: 'Riverside', label: TRAM_LABEL },
    registry: {
      parties: [{ id: 'riverside-council', names: ['Riverside City Council', 'city council', 'council'], adjectives: [] }],
      places: [
        { id: 'riverside', names: ['Riverside'] },
        { id: 'harbour', names: ['harbour', 'Harbour Street'] },
      ],
      people: [
        { id: 'holm', name: 'Ingrid Holm', given: ['Ingrid'], family: ['Holm'], party: 'riverside-council', offices: ['spokesperson'], office: 'chair of the transport committee', claim: 'holm-chairs' },
      ],
      documents: [
        {
          id: 'tram-line',
          name: 'Harbour Tram Line',
          short: 'the tram line',
          qualifiers: ['tram'],
          acronyms: [],
          kind: 'agreement',
          parties: ['riverside-council'],
          actions: [{ action: 'announce', date: { year: 2024, month: 3, day: 12 }, place: 'riverside', actors: ['riverside-council'], claim: 'tram-stops' }],
          rankings: [],
        },
      ],
      events: [
        { id: 'council-vote', name: 'the council vote on the tram line', nouns: ['council vote', 'tram line', 'line'], parties: ['riverside-council'], place: 'riverside', participants: ['holm'], claim: 'council-voted' },
      ],
    },
    claims: [
      { id: 'council-voted', passage: 'The city council voted on Tuesday to build a new tram line between the central station and the harbour.', about: ['riverside-council', 'council-vote', 'tram-line'] },
      { id: 'tram-stops', passage: 'The Harbour Tram Line will have eleven stops and is expected to carry around 30,000 passengers a day once it opens.', about: ['tram-line'] },
      { id: 'tram-works', passage: 'Construction work on Harbour Street will begin in the autumn of 2024, and the first trams will run in 2027.', about: ['tram-line', 'harbour'] },
      { id: 'holm-chairs', passage: 'Councillor Ingrid Holm chairs the transport committee.', about: ['holm'] },
    ],
    unclaimed: [{ passage: 'Riverside, 12 March 2024', why: 'The dateline.' }],
    reference: TRAM_REFERENCE,
  };
}

/** Chooses a file in the import page's file input, as the file picker would: the page gets a real `File` and a `change` event. */
async function chooseFile(tab: BrowserTab, name: string, text: string): Promise<void> {
  await tab.evaluate(
    ({ name, text }) => {
      const input = document.querySelector<HTMLInputElement>('input[type="file"]');
      if (!input) throw new Error('no file input on the import page');
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, text },
  );
}

/** What the import page shows: the set in force, a notice, the outcome of the last import. */
function importPageState(tab: BrowserTab): Promise<{ kind: string | null; label: string; error: string; ok: string }> {
  return tab.evaluate(() => ({
    kind: document.querySelector<HTMLElement>('.active-set')?.dataset.kind ?? null,
    label: document.querySelector('.active-label')?.textContent ?? '',
    error: document.querySelector('.import-error')?.textContent ?? '',
    ok: document.querySelector('.outcome .ok')?.textContent ?? '',
  }));
}

const claimIdsOf = (report: PageReportReply): string[] => [...new Set(report.sentences.flatMap((s) => (s.claimId ? [s.claimId] : [])))].sort();

/** A finished report on the tram page that rests on the tram set's claims (and only those). */
function tramReport(browser: ExtensionBrowser): Promise<PageReportReply> {
  return pageReport(browser, (report) => report.topical && report.summary.supported > 0 && claimIdsOf(report).every((id) => TRAM_CLAIMS.includes(id)));
}

describe.each(BROWSERS)('%s', (name) => {
  const session = useExtensionBrowser(name);

  it('imports a set for another event, refuses a bad one without losing it, keeps it across a reload, and goes back', { timeout: 240_000 }, async () => {
    const browser = session.browser();
    const url = session.server().url('ordinary.html');
    // Supported sentences marked too, so the page shows what the set supports.
    await setSettings(browser, { showSupported: true, strictness: 'strict' });

    // The bundled set knows nothing of a tram line.
    await browser.open(url);
    const before = await pageReport(browser);
    expect(before.topical).toBe(false);
    expect(before.sentences.every((s) => s.verdict === null)).toBe(true);

    const options = await browser.extensionPage('options.html');
    try {
      await poll(() => importPageState(options), (s) => s.kind === 'bundled', { what: 'the import page showing the bundled set' });

      // A good set: the open page is checked against it, without a reload.
      await chooseFile(options, 'tram-line.json', JSON.stringify(tramSet(), null, 2));
      const imported = await poll(() => importPageState(options), (s) => s.kind === 'imported', { what: 'the import page showing the imported set' });
      expect(imported.label).toBe(TRAM_LABEL);
      expect(imported.ok).toContain(TRAM_LABEL);
      const checked = await tramReport(browser);
      expect(checked.strictness).toBe('strict');
      expect(claimIdsOf(checked)).toEqual(expect.arrayContaining(['council-voted', 'holm-chairs']));
      const marks = await poll(() => pageMarks(browser), (m) => m.highlights['ejfc-supported'] + (m.elements.supported ?? 0) > 0, { what: 'supported marks' });
      expect(marks.highlights['ejfc-supported'] + (marks.elements.supported ?? 0)).toBe(checked.summary.supported);
      await browser.screenshot(screenshotPath(browser, 'claim-set-imported'));

      // A bad set (a passage the reference does not contain): refused, named, nothing changes.
      const bad = tramSet();
      bad.claims[1].passage = 'The Harbour Tram Line will have twenty stops.';
      await chooseFile(options, 'tram-line-bad.json', JSON.stringify(bad));
      const refused = await poll(() => importPageState(options), (s) => s.error !== '', { what: 'the import error' });
      expect(refused.error).toContain('tram-line-bad.json');
      expect(refused.error).toContain('claims[1].passage of "tram-stops" is not in the reference text');
      expect(refused.error).toContain(`still checked against ${TRAM_LABEL}`);
      expect(refused.kind).toBe('imported');
      expect(refused.label).toBe(TRAM_LABEL);
      await options.screenshot(screenshotPath(browser, 'claim-set-refused'));

      // Truncated JSON: where it broke.
      await chooseFile(options, 'tram-line-cut.json', JSON.stringify(tramSet(), null, 2).slice(0, 700));
      const cut = await poll(() => importPageState(options), (s) => s.error.includes('tram-line-cut.json'), { what: 'the truncated-file error' });
      expect(cut.error).toMatch(/ends too early, at line \d+, column \d+/);

      // The page is still checked against the set it had, and the settings are as they were.
      const still = await tramReport(browser);
      expect(claimIdsOf(still)).toEqual(claimIdsOf(checked));
      const stored = await browser.evaluateInExtension(async () => {
        type Storage = { storage: { local: { get(keys: string[]): Promise<Record<string, any>> } } };
        const api = (globalThis as unknown as { browser?: Storage }).browser ?? (globalThis as unknown as { chrome: Storage }).chrome;
        const all = await api.storage.local.get(['settings', 'claimSet']);
        return { strictness: all.settings?.strictness, showSupported: all.settings?.showSupported, file: all.claimSet?.file };
      });
      expect(stored).toEqual({ strictness: 'strict', showSupported: true, file: 'tram-line.json' });
    } finally {
      await options.close();
    }

    // As after a restart: a fresh content script and a fresh import page read the choice back.
    await browser.open(url);
    const reloaded = await tramReport(browser);
    expect(claimIdsOf(reloaded)).toEqual(expect.arrayContaining(['council-voted', 'holm-chairs']));
    const again = await browser.extensionPage('options.html');
    try {
      const shown = await poll(() => importPageState(again), (s) => s.kind !== null, { what: 'the import page' });
      expect(shown).toMatchObject({ kind: 'imported', label: TRAM_LABEL });

      // Back to the bundled set: the page is off-topic again.
      await again.evaluate(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Use the bundled set');
        if (!button) throw new Error('no "Use the bundled set" button');
        button.click();
      });
      await poll(() => importPageState(again), (s) => s.kind === 'bundled', { what: 'the bundled set in force' });
    } finally {
      await again.close();
    }
    const back = await pageReport(browser, (report) => !report.topical);
    expect(back.sentences.every((s) => s.verdict === null)).toBe(true);

    expect(browser.consoleErrors()).toEqual([]);
  });
});
