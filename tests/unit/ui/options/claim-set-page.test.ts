// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import claims from '../../../../assets/claims.json';
import { MAX_CLAIM_SET_BYTES } from '../../../../src/core/claims/import';
import { createMockConnector, type MockConnectorOptions } from '../../../../src/ext/mock-connector';
import { ClaimSetPage } from '../../../../src/ui/options/claim-set-page';

// The happy-dom environment gives `import.meta.url` a web address: files are found from the project root.
const reference = readFileSync(resolve('assets/reference.txt'), 'utf8');
const BUNDLED = claims.source.label;

function setFile(label: string): Record<string, any> {
  const set = structuredClone(claims) as Record<string, any>;
  set.source.label = label;
  return { ...set, reference };
}

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

async function show(options: MockConnectorOptions = {}) {
  const connector = createMockConnector(options);
  await act(() => {
    render(h(ClaimSetPage, { connector }), container);
  });
  await until(() => expect(container.querySelector('.active-set')).not.toBeNull());
  return connector;
}

async function until(check: () => void): Promise<void> {
  await vi.waitFor(check, { timeout: 2000, interval: 5 });
}

/** Chooses `file` in the page's file input, as the file picker would. */
async function choose(file: File): Promise<void> {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const activeLabel = () => container.querySelector('.active-label')?.textContent ?? '';
const alertText = () => container.querySelector('.import-error')?.textContent ?? '';
const problems = () => [...container.querySelectorAll('.import-error li')].map((li) => li.textContent);

describe('the claim-set import page', () => {
  it('shows the bundled set in force, with no button to go back to it', async () => {
    await show();
    expect(activeLabel()).toBe(BUNDLED);
    expect(container.querySelector('.active-set button')).toBeNull();
  });

  it('imports a good file and shows it in force', async () => {
    const connector = await show();
    await choose(new File([JSON.stringify(setFile('Another release'))], 'another.json'));
    await until(() => expect(activeLabel()).toBe('Another release'));
    expect(container.querySelector('.outcome .ok')?.textContent).toBe('Imported. Open pages are checked again against Another release.');
    expect(connector.claimSet).toMatchObject({ kind: 'imported', file: 'another.json' });
  });

  it.each<[string, string, RegExp[]]>([
    ['corrupt JSON', '{"version": 1,\n  "claims": [\n', [/^bad\.json: \(file\) is not valid JSON: it ends too early, at line 3, column 1/]],
    ['an empty file', '', [/^bad\.json: \(file\) is empty/]],
    ['a file that is not JSON', 'version = 1', [/^bad\.json: \(file\) is not valid JSON: it is not JSON at all \(line 1, column 1/]],
    [
      'several problems at once, one per line',
      (() => {
        const s = setFile('X');
        s.claims[0].about = 'eu';
        delete s.claims[1].passage;
        return JSON.stringify(s);
      })(),
      [/^bad\.json: claims\[0\]\.about expected a array, found a string$/, /^claims\[1\]\.passage is missing$/],
    ],
  ])('refuses %s: the file, field and reason in an alert, the set in force unchanged', async (_what, text, expected) => {
    const connector = await show();
    await choose(new File([JSON.stringify(setFile('Previous'))], 'previous.json'));
    await until(() => expect(activeLabel()).toBe('Previous'));
    await choose(new File([text], 'bad.json'));
    await until(() => expect(alertText()).toContain('Not imported'));
    expect(container.querySelector('.import-error')?.getAttribute('role')).toBe('alert');
    expect(alertText()).toContain('pages are still checked against Previous');
    expect(problems()).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(problems()[i]).toMatch(pattern));
    expect(activeLabel()).toBe('Previous');
    expect(connector.claimSet).toMatchObject({ kind: 'imported', label: 'Previous' });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const connector = await show();
    const file = new File(['{}'], 'huge.json');
    Object.defineProperty(file, 'size', { value: MAX_CLAIM_SET_BYTES + 1 });
    const text = vi.spyOn(file, 'text');
    await choose(file);
    await until(() => expect(problems()).toEqual(['huge.json: (file) is 5.0 MB; a claim set may be at most 5.0 MB (the browser keeps at most 10 MB for an extension)']));
    expect(text).not.toHaveBeenCalled();
    expect(connector.calls.imports).toEqual([]);
  });

  it('shows a damaged stored set as a notice, and the bundled set in force', async () => {
    const set = setFile('Damaged');
    set.claims[2].id = set.claims[0].id;
    await show({ claimSet: { version: 1, file: 'damaged.json', importedAt: '2024-11-02T09:00:00.000Z', set } });
    expect(activeLabel()).toBe(BUNDLED);
    expect(container.querySelector('.stored-notice')?.textContent).toMatch(/damaged.*damaged\.json: invalid claim set: claims\[2\]\.id duplicates the id/);
  });

  it('goes back to the bundled set', async () => {
    await show({ claimSet: { version: 1, file: 'a.json', importedAt: '2024-11-02T09:00:00.000Z', set: setFile('Imported') } });
    expect(activeLabel()).toBe('Imported');
    await act(() => container.querySelector<HTMLButtonElement>('.active-set button')!.click());
    await until(() => expect(activeLabel()).toBe(BUNDLED));
    expect(container.querySelector('.outcome .ok')?.textContent).toBe('Back to the bundled set. Open pages are checked again.');
  });
});
