import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import raw from '../../../assets/claims.json';
import { createChecker } from '../../../src/core/check';
import { MAX_CLAIM_SET_BYTES, parseClaimSetFile, utf8Length } from '../../../src/core/claims/import';
import { findJsonSyntaxProblem } from '../../../src/core/claims/json-syntax';
import { ClaimSetError } from '../../../src/core/errors';

const reference = readFileSync(new URL('../../../assets/reference.txt', import.meta.url), 'utf8');
const seed000 = readFileSync(new URL('../../fixtures/seeds/000_d5a01fd3a231b0ac.txt', import.meta.url), 'utf8');

/** The bundled set with its reference inside, as a reader's file would hold it. */
function importable(): Record<string, any> {
  return { ...(structuredClone(raw) as Record<string, any>), reference };
}

const file = (value: unknown) => JSON.stringify(value, null, 2);

function errorOf(run: () => unknown): ClaimSetError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClaimSetError) return error;
    throw error;
  }
  throw new Error('expected a ClaimSetError, nothing was thrown');
}

describe('importing a claim-set file', () => {
  it('takes the bundled set with its reference text inside', () => {
    const set = parseClaimSetFile(file(importable()), 'eeas.json');
    expect(set.source.label).toBe(raw.source.label);
    expect(set.reference).toBe(reference);
    expect(set.claims).toHaveLength(raw.claims.length);
  });

  it('takes a file that starts with a byte order mark', () => {
    expect(parseClaimSetFile(`\uFEFF${file(importable())}`, 'bom.json').claims).toHaveLength(raw.claims.length);
  });

  const text = file(importable());
  const lines = text.split('\n');
  // Where the cut lands: line and column of the first character past the end.
  const cutAt = 1000;
  const cutLine = text.slice(0, cutAt).split('\n').length;
  const cutColumn = cutAt - text.slice(0, cutAt).lastIndexOf('\n');

  it.each<[string, () => string, RegExp]>([
    ['an empty file', () => '', /^empty\.json: invalid claim set: \(file\) is empty/],
    ['a file of spaces and newlines', () => '  \n\t\n', /\(file\) is empty/],
    ['a file that is not JSON at all', () => 'Claims about the EU-Japan dialogue\nclaim 1: ...', /\(file\) is not valid JSON: it is not JSON at all \(line 1, column 1: expected a JSON value, found 'C'\)/],
    ['a binary file', () => '%PDF-1.7\n\u0000\u0001', /not JSON at all \(line 1, column 1: expected a JSON value, found '%'\)/],
    [
      'truncated JSON: says it ends too early, and where',
      () => text.slice(0, cutAt),
      new RegExp(`it ends too early, at line ${cutLine}, column ${cutColumn}: .*the text ends there \\(the file looks cut short\\)`),
    ],
    [
      'corrupt JSON: a missing comma, with its line and column',
      () => [...lines.slice(0, 5), lines[5]!.replace(/,$/, ''), ...lines.slice(6)].join('\n'),
      /\(file\) is not valid JSON: line 7, column 5: expected ',' or '}' after a property value, found '"'/,
    ],
    ['corrupt JSON: a trailing comma', () => '{"version": 1, "claims": [1, 2,]}', /line 1, column 32: expected a JSON value, found '\]'/],
    ['corrupt JSON: a single-quoted name', () => "{'version': 1}", /line 1, column 2: expected a property name in double quotes, found '''/],
    ['a wrong type', () => { const s = importable(); s.claims[0].about = 'borrell'; return file(s); }, /claims\[0\]\.about expected a array, found a string/],
    ['a number where a string belongs', () => { const s = importable(); s.source.label = 2024; return file(s); }, /source\.label expected a string, found an integer/],
    ['a reference that is not text', () => { const s = importable(); s.reference = ['line 1']; return file(s); }, /reference expected a string, found an array/],
    ['a missing field', () => { const s = importable(); delete s.registry.people[1].family; return file(s); }, /registry\.people\[1\]\.family is missing/],
    ['a missing reference text', () => { const s = importable(); delete s.reference; return file(s); }, /reference is missing: an imported claim set carries its reference text/],
    ['a passage that is not in the reference', () => { const s = importable(); s.claims[4].passage = 'The EU and Japan signed a defence treaty in Osaka.'; return file(s); }, /claims\[4\]\.passage of "[a-z0-9-]+" is not in the reference text/],
    ['duplicate claim ids', () => { const s = importable(); s.claims[2].id = s.claims[1].id; return file(s); }, /claims\[2\]\.id duplicates the id "[a-z0-9-]+" of claims\[1\]/],
    ['duplicate registry ids', () => { const s = importable(); s.registry.parties[1].id = 'eu'; return file(s); }, /registry\.parties\[1\]\.id duplicates the id "eu" of registry\.parties\[0\]/],
    ['a top level that is not an object', () => '[1, 2, 3]', /\(top level\) expected a object, found an array/],
  ])('refuses %s, naming the file, the field and the reason', (_what, make, message) => {
    const name = _what === 'an empty file' ? 'empty.json' : 'mine.json';
    const error = errorOf(() => parseClaimSetFile(make(), name));
    expect(error.file).toBe(name);
    expect(error.message.startsWith(`${name}: invalid claim set: `)).toBe(true);
    expect(error.message).toMatch(message);
  });

  it('refuses a file over the size limit before parsing it, saying the limit', () => {
    const error = errorOf(() => parseClaimSetFile(file(importable()), 'big.json', { maxBytes: 10_000 }));
    expect(error.message).toMatch(/^big\.json: invalid claim set: \(file\) is 0\.0[0-9] MB; a claim set may be at most 0\.01 MB/);
    // The default limit, with a file just over it (mostly spaces, so it would otherwise parse).
    const padded = `${file(importable())}${' '.repeat(MAX_CLAIM_SET_BYTES)}`;
    expect(errorOf(() => parseClaimSetFile(padded, 'padded.json')).message).toMatch(/\(file\) is 5\.0 MB; a claim set may be at most 5\.0 MB \(the browser keeps at most 10 MB for an extension\)/);
  });

  it('counts the size in UTF-8 bytes, as the file has it', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8Length('\uD800')).toBe(3);
    const accented = `"${'é'.repeat(6000)}"`; // 6002 UTF-16 units, 12002 bytes
    expect(errorOf(() => parseClaimSetFile(accented, 'accents.json', { maxBytes: 10_000 })).message).toMatch(/is 0\.01 MB/);
  });
});

/**
 * A set 100 times the bundled one: every registry entry and claim copied with
 * its ids (and every id it points to) suffixed per copy, the reference text
 * repeated. The names stay those of the bundled set, so every name is shared
 * by 100 entries: a harder case for matching than 100 distinct events.
 */
function hundredfold(): Record<string, any> {
  const out = importable();
  const sections = ['parties', 'places', 'people', 'documents', 'events'] as const;
  for (const section of sections) out.registry[section] = [];
  out.claims = [];
  out.unclaimed = [];
  for (let copy = 0; copy < 100; copy++) {
    const id = (x: string) => (copy === 0 ? x : `${x}-c${copy}`);
    const c = structuredClone(raw) as Record<string, any>;
    for (const p of c.registry.parties) p.id = id(p.id);
    for (const p of c.registry.places) p.id = id(p.id);
    for (const p of c.registry.people) Object.assign(p, { id: id(p.id), party: id(p.party), claim: id(p.claim) });
    for (const d of c.registry.documents) {
      Object.assign(d, { id: id(d.id), parties: d.parties.map(id) });
      for (const a of d.actions) Object.assign(a, { claim: id(a.claim), ...(a.place ? { place: id(a.place) } : {}), ...(a.actors ? { actors: a.actors.map(id) } : {}) });
      for (const r of d.rankings) Object.assign(r, { claim: id(r.claim), subject: id(r.subject), scope: id(r.scope) });
    }
    for (const e of c.registry.events) Object.assign(e, { id: id(e.id), claim: id(e.claim), parties: e.parties.map(id), participants: e.participants.map(id), ...(e.place ? { place: id(e.place) } : {}) });
    for (const claim of c.claims) Object.assign(claim, { id: id(claim.id), about: claim.about.map(id) });
    for (const section of sections) out.registry[section].push(...c.registry[section]);
    out.claims.push(...c.claims);
    out.unclaimed.push(...c.unclaimed);
  }
  out.reference = Array.from({ length: 100 }, () => reference).join('\n\n');
  return out;
}

describe('a set 100 times the bundled one', () => {
  it('is imported, compiled and checks a seed article (figures printed, not asserted: the machine is shared)', () => {
    const text = JSON.stringify(hundredfold());
    const bundledBytes = utf8Length(JSON.stringify(importable()));
    expect(utf8Length(text)).toBeGreaterThan(90 * bundledBytes);
    expect(utf8Length(text)).toBeLessThan(MAX_CLAIM_SET_BYTES);

    let t = performance.now();
    const set = parseClaimSetFile(text, 'hundredfold.json');
    const importMs = performance.now() - t;
    t = performance.now();
    const checker = createChecker(set);
    const compileMs = performance.now() - t;
    t = performance.now();
    const report = checker.check(seed000, { file: 'seed-000' });
    const checkMs = performance.now() - t;
    const bundled = createChecker();
    t = performance.now();
    const bundledReport = bundled.check(seed000, { file: 'seed-000' });
    const bundledCheckMs = performance.now() - t;

    expect(set.claims).toHaveLength(100 * raw.claims.length);
    expect(report.topical).toBe(true);
    expect(report.sentences.map((s) => [s.start, s.end])).toEqual(bundledReport.sentences.map((s) => [s.start, s.end]));
    console.info(
      `100x claim set: ${(utf8Length(text) / 1e6).toFixed(2)} MB (bundled ${(bundledBytes / 1e3).toFixed(1)} kB), ${set.claims.length} claims; ` +
        `import (parse + validate + passages) ${importMs.toFixed(0)} ms, compile ${compileMs.toFixed(0)} ms, ` +
        `check seed 000 ${checkMs.toFixed(0)} ms (bundled set: ${bundledCheckMs.toFixed(0)} ms); ` +
        `summary ${JSON.stringify(report.summary)} vs bundled ${JSON.stringify(bundledReport.summary)}`,
    );
  }, 120_000);
});

describe('where a JSON text breaks', () => {
  // Replay a failure with the seed and path fast-check prints.
  const params = { seed: 20241101, numRuns: 3000 };

  it('finds no break in any valid JSON', () => {
    fc.assert(fc.property(fc.json(), (json) => findJsonSyntaxProblem(json) === undefined), params);
  });

  it('finds a break exactly when JSON.parse fails, on arbitrary and cut-short text', () => {
    const parses = (s: string) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.tuple(fc.json(), fc.nat()).map(([j, n]) => j.slice(0, n % (j.length + 1)))), (s) => {
        const problem = findJsonSyntaxProblem(s);
        expect(problem === undefined).toBe(parses(s));
        if (problem) expect(problem.offset).toBeLessThanOrEqual(s.length);
      }),
      params,
    );
  });

  it('is not thrown by deep nesting', () => {
    expect(findJsonSyntaxProblem('['.repeat(100_000))).toMatchObject({ truncated: true, line: 1, column: 100_001 });
  });
});
