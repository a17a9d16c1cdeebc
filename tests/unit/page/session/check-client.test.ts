import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultChecker, STRICTNESS_LEVELS, type PageReport } from '../../../../src/core';
import type { CheckPageReply, CheckPageRequest, CheckTransport } from '../../../../src/core/check-protocol';
import { CheckService } from '../../../../src/core/check-service';
import { triggerPattern } from '../../../../src/core/gate';
import { CheckClient, type CheckClientOptions } from '../../../../src/page/session/check-client';

const fixtures = new URL('../../../fixtures/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');
const SEEDS: [string, string][] = readdirSync(new URL('seeds/', fixtures)).map((f): [string, string] => [f, read(`seeds/${f}`)]);
const NEARBY: [string, string][] = readdirSync(new URL('nearby/', fixtures)).map((f): [string, string] => [f, read(`nearby/${f}`)]);
const SEED = read('seeds/002_e7a668e7c20fc301.txt');
const GATE = triggerPattern(defaultChecker().claimSet.registry);
const UNRELATED = ['Heavy rain flooded several streets in Lisbon on Saturday.', 'The museum reopens in spring, the city said.', 'Ticket prices rose by 3% in March.'].join(' ');

/** A transport to a service in this thread, recording every request; `fault` may throw instead of (or after) delivering one. */
function recording(service: () => CheckService, fault?: (request: CheckPageRequest, n: number) => 'drop-request' | 'drop-reply' | 'hang' | undefined): CheckTransport & { requests: CheckPageRequest[] } {
  const requests: CheckPageRequest[] = [];
  return {
    requests,
    async check(request) {
      const n = requests.push(structuredClone(request)) - 1;
      const what = fault?.(request, n);
      if (what === 'drop-request') throw new Error('Could not establish connection. Receiving end does not exist.');
      if (what === 'hang') return new Promise<CheckPageReply>(() => {});
      const reply = service().check(structuredClone(request), 7);
      if (what === 'drop-reply') throw new Error('The message port closed before a response was received.');
      return structuredClone(reply);
    },
    async report(request) {
      return structuredClone(service().report(structuredClone(request)));
    },
  };
}

function client(transport: CheckTransport, options: Partial<CheckClientOptions> = {}): CheckClient {
  return new CheckClient({ transport, gate: GATE, strictness: 'balanced', sleep: async () => {}, ...options });
}

/** Queue `text` a line at a time (as a page's paragraphs arrive), then talk with the engine until done; returns the number of steps. */
async function checkAll(c: CheckClient, text: string): Promise<number> {
  let offset = 0;
  for (const line of text.split('\n')) {
    c.add(line, offset);
    offset += line.length + 1;
  }
  let steps = 0;
  while (!c.finished) {
    await c.step();
    steps += 1;
    if (steps > 10_000) throw new Error('the client never finished');
  }
  return steps;
}

const withoutFile = (report: PageReport) => ({ ...report, file: '' });

describe('CheckClient and CheckService give exactly what check() gives on the whole text', () => {
  const rows = [...SEEDS, ...NEARBY, ['unrelated, then the subject', `${UNRELATED}\n${UNRELATED}\n${SEED}\n${UNRELATED}`] as [string, string]];

  it.each(rows)('%s: findings at every strictness, and the whole report', async (_name, text) => {
    const service = new CheckService({ checker: () => defaultChecker() });
    // Small requests and a short budget: many exchanges, each reading a little.
    const c = client(recording(() => service), { batchChars: 200, budgetMs: 1 });
    await checkAll(c, text);
    for (const strictness of STRICTNESS_LEVELS) {
      c.strictness = strictness;
      const expected = defaultChecker().check(text, { strictness });
      expect(c.findings()).toEqual(expected.sentences.filter((s) => s.verdict !== null));
      expect(withoutFile(await c.report('x'))).toEqual(withoutFile(expected));
    }
  });
});

describe('CheckClient keeps text the engine would not read on the page', () => {
  it('a page about something else sends nothing, and its report still lists every sentence, without a verdict', async () => {
    const service = new CheckService({ checker: () => defaultChecker() });
    const transport = recording(() => service);
    const c = client(transport);
    const text = `${UNRELATED}\n${UNRELATED}`;
    await checkAll(c, text);
    expect(transport.requests).toEqual([]);
    expect(c.findings()).toEqual([]);
    expect(withoutFile(await c.report('x'))).toEqual(withoutFile(defaultChecker().check(text)));
  });

  it('lines before the first with a gate word stay on the page; from that line on, the page is sent', async () => {
    const service = new CheckService({ checker: () => defaultChecker() });
    const transport = recording(() => service);
    const c = client(transport);
    await checkAll(c, `${UNRELATED}\n${UNRELATED}\n${SEED}`);
    const sent = transport.requests.flatMap((r) => r.pieces.map((p) => p.text)).join('\n');
    expect(sent).not.toContain('Lisbon');
    expect(sent.startsWith(SEED.split('\n')[0]!)).toBe(true);
  });

  it('without a gate, every line is sent', async () => {
    const service = new CheckService({ checker: () => defaultChecker() });
    const transport = recording(() => service);
    const c = new CheckClient({ transport, strictness: 'balanced' });
    await checkAll(c, UNRELATED);
    expect(transport.requests.flatMap((r) => r.pieces.map((p) => p.text))).toEqual([UNRELATED]);
  });
});

describe('CheckClient faults: the report finishes and is right, and nothing loops', () => {
  const expected = defaultChecker().check(SEED).sentences.filter((s) => s.verdict !== null);

  it('a request lost on the way is sent again with the same number', async () => {
    const service = new CheckService({ checker: () => defaultChecker() });
    const transport = recording(() => service, (_r, n) => (n === 1 || n === 2 ? 'drop-request' : undefined));
    const c = client(transport, { batchChars: 300 });
    await checkAll(c, SEED);
    expect(c.findings()).toEqual(expected);
    expect(transport.requests[1]!.seq).toBe(transport.requests[2]!.seq);
    expect(transport.requests[2]!.seq).toBe(transport.requests[3]!.seq);
  });

  it('a reply lost on the way: the same request again gets the same reply, and its text is not added twice', async () => {
    const service = new CheckService({ checker: () => defaultChecker() });
    const transport = recording(() => service, (_r, n) => (n === 1 ? 'drop-reply' : undefined));
    const c = client(transport, { batchChars: 300 });
    await checkAll(c, SEED);
    expect(c.findings()).toEqual(expected);
    expect(transport.requests[2]).toEqual(transport.requests[1]);
    // Answered from the reply kept, not by starting the page again.
    expect(transport.requests.filter((r, i) => i > 0 && r.seq === 0)).toEqual([]);
  });

  it('no reply at all: the wait ends, and the request goes again', async () => {
    const service = new CheckService({ checker: () => defaultChecker() });
    const transport = recording(() => service, (_r, n) => (n === 0 ? 'hang' : undefined));
    const c = client(transport, { replyTimeoutMs: 20 });
    await checkAll(c, SEED);
    expect(c.findings()).toEqual(expected);
    expect(transport.requests[1]!.seq).toBe(0);
  });

  it('the background stopped and started again mid-check (a new, empty service): the page sends everything again and the findings are the same', async () => {
    let service = new CheckService({ checker: () => defaultChecker() });
    const transport = recording(() => service, (_r, n) => {
      if (n === 3) service = new CheckService({ checker: () => defaultChecker() });
      return undefined;
    });
    const c = client(transport, { batchChars: 300 });
    await checkAll(c, SEED);
    expect(c.findings()).toEqual(expected);
    const restarts = transport.requests.filter((r, i) => i > 0 && r.seq === 0);
    expect(restarts).toHaveLength(1);
    // Everything sent before went again, from the start.
    const sentBefore = transport.requests.slice(0, 3).flatMap((r) => r.pieces);
    const sentAgain = transport.requests.slice(4, 4 + 3).flatMap((r) => r.pieces);
    expect(sentAgain).toEqual(sentBefore);
  });

  it('the background gone for good: the client gives up after its attempts, finished, with no verdicts made up', async () => {
    const transport = recording(() => new CheckService({ checker: () => defaultChecker() }), () => 'drop-request');
    const c = client(transport, { maxAttempts: 5 });
    const steps = await checkAll(c, SEED);
    expect(c.finished).toBe(true);
    expect(c.failed).toMatch(/Receiving end does not exist/);
    expect(transport.requests).toHaveLength(5);
    expect(steps).toBe(5);
    expect(c.findings()).toEqual([]);
  });

  it('retries wait longer each time (100, 200, 400 ms…)', async () => {
    const waits: number[] = [];
    const transport = recording(() => new CheckService({ checker: () => defaultChecker() }), () => 'drop-request');
    const c = client(transport, { maxAttempts: 4, sleep: async (ms) => void waits.push(ms) });
    await checkAll(c, SEED);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('the report asked of a background that cannot be reached: the findings the page has, not an error', async () => {
    const service = new CheckService({ checker: () => defaultChecker() });
    const transport = recording(() => service);
    const c = client(transport);
    await checkAll(c, SEED);
    transport.report = async () => {
      throw new Error('Extension context invalidated.');
    };
    const report = await c.report('x');
    expect(report.sentences).toEqual(c.findings());
    expect(report.sentences.length).toBeGreaterThan(0);
  });

  it('the report asked of a background that forgot the page: the page sends its text again, then the report is right', async () => {
    let service = new CheckService({ checker: () => defaultChecker() });
    const c = client(recording(() => service));
    await checkAll(c, SEED);
    service = new CheckService({ checker: () => defaultChecker() });
    expect(withoutFile(await c.report('x'))).toEqual(withoutFile(defaultChecker().check(SEED)));
  });
});

describe('CheckClient: text the page took away', () => {
  it('the sentences wholly within a removed range leave the findings; the others stay', async () => {
    const service = new CheckService({ checker: () => defaultChecker() });
    const c = client(recording(() => service));
    await checkAll(c, SEED);
    const before = c.findings();
    expect(before.length).toBeGreaterThan(1);
    const gone = before[0]!;
    c.removeRanges([[gone.start, gone.end]]);
    while (!c.finished) await c.step();
    expect(c.findings()).toEqual(before.slice(1));
    expect((await c.report('x')).sentences.some((s) => s.start === gone.start)).toBe(false);
  });
});
