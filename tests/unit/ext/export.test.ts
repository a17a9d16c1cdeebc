import { describe, expect, it } from 'vitest';
import { defaultChecker, summarize, type PageReport, type SentenceReport } from '../../../src/core';
import { escapeMarkdown, exportFileName, flaggedSentences, reportToJson, reportToMarkdown } from '../../../src/ext/export';
import type { PageReportReply } from '../../../src/ext/messages';
import { NOTHING_IN_REFERENCE } from '../../../src/ext/labels';
import { claimSetIdentity, fnv1a64 } from '../../../src/ext/claim-set-identity';

const SOURCE = defaultChecker().claimSet.source.label;
const CHECKED_AT = new Date(2024, 10, 5, 9, 30);

function reportOf(sentences: SentenceReport[], overrides: Partial<PageReport> = {}): PageReport {
  return { file: 'https://news.example/eu-japan', strictness: 'balanced', topical: true, sentences, summary: summarize(sentences), ...overrides };
}

// A real report: the engine on a short article with one finding of each kind.
const ARTICLE = [
  'Josep Borrell and Takeshi Iwaya met in Osaka on 1 November for the first EU-Japan Strategic Dialogue.',
  'The two sides signed a Security and Defence Partnership.',
  'Borrell and Iwaya also agreed to hold joint naval exercises in the Pacific next spring.',
  'Japan is the first country in the Indo-Pacific to adopt such a framework with the EU.',
].join('\n');
const REAL = defaultChecker().check(ARTICLE, { file: 'https://news.example/eu-japan' });

describe('reportToJson', () => {
  it('is the report itself, in the page-report schema', () => {
    expect(JSON.parse(reportToJson(REAL))).toEqual(REAL);
  });

  it('leaves out the scan status the popup receives, which is not part of the schema', () => {
    const reply: PageReportReply = { ...REAL, status: 'done' };
    expect(JSON.parse(reportToJson(reply))).toEqual(REAL);
  });

  it('carries the page title, the time of the check and the claim set in force when the page gave them, in the schema\'s place', () => {
    const claimSet = claimSetIdentity(defaultChecker().claimSet);
    const reply: PageReportReply = { ...REAL, status: 'done', title: 'EU and Japan <b>sign</b>', checkedAt: '2024-11-05T09:30:00.000Z', claimSet };
    const json = JSON.parse(reportToJson(reply)) as Record<string, unknown>;
    expect(json).toEqual({ ...REAL, title: 'EU and Japan <b>sign</b>', checkedAt: '2024-11-05T09:30:00.000Z', claimSet });
    expect(Object.keys(json)).toEqual(['file', 'title', 'checkedAt', 'strictness', 'claimSet', 'topical', 'sentences', 'summary']);
    expect(claimSet).toEqual({ label: SOURCE, version: 1, hash: expect.stringMatching(/^fnv1a64:[0-9a-f]{16}$/) });
  });

  it("carries the reader's answers to the page's flags when there are any, and nothing of them when there are none", () => {
    const dismissed = [{ text: 'A.', verdict: 'unsupported' as const, at: '2026-12-02T17:00:00.000Z' }];
    const reportedWrong = [{ url: REAL.file, sentence: 'B.', verdict: 'conflict' as const, claimIds: ['x'], reasons: ['R.'], claimSet: { label: SOURCE, version: 1, hash: 'fnv1a64:0123456789abcdef' }, at: '2026-12-02T17:00:00.000Z' }];
    expect(JSON.parse(reportToJson({ ...REAL, answers: { dismissed, reportedWrong } })).answers).toEqual({ dismissed, reportedWrong });
    expect(JSON.parse(reportToJson({ ...REAL, answers: { dismissed: [], reportedWrong: [] } }))).toEqual(REAL);
    const md = reportToMarkdown({ ...REAL, answers: { dismissed, reportedWrong } }, { checkedAt: CHECKED_AT, source: SOURCE });
    expect(md).toContain('## Flags I reported as wrong\n\n- Conflict: B. (claims: x)\n');
    expect(md).toContain('## Flags I dismissed on this page\n\n- Unsupported: A.\n');
  });

  it('is indented for reading and ends with a newline', () => {
    const json = reportToJson(REAL);
    expect(json).toContain('\n  "strictness": "balanced"');
    expect(json.endsWith('}\n')).toBe(true);
  });
});

describe('reportToMarkdown', () => {
  const markdown = reportToMarkdown(REAL, { checkedAt: CHECKED_AT, source: SOURCE });

  it.each([
    ['the title names the page', '# Fact check: https://news.example/eu-japan\n'],
    ['the date checked, as a calendar date', '- Checked: 2024-11-05\n'],
    ['the strictness', '- Strictness: balanced ('],
    ['the reference', `- Reference: ${SOURCE}\n`],
    ['the counts', `- Summary: ${REAL.summary.conflict} conflicts, ${REAL.summary.unsupported} unsupported, ${REAL.summary.supported} supported\n`],
    ['a hard conflict with its severity', '### 1. Conflict (hard)\n'],
    ['the sentence quoted', '> Josep Borrell and Takeshi Iwaya met in Osaka on 1 November for the first EU-Japan Strategic Dialogue.\n'],
    ['its reason', 'Reason: The reference places the first EU-Japan Strategic Dialogue in Tokyo, not Osaka.\n'],
    ['the reference passage quoted, then its source', `Reference passage:\n\n> EU High Representative`],
    ['the source after each passage', `Source: ${SOURCE}\n`],
    ['an unsupported claim', 'Unsupported\n\n> Borrell and Iwaya also agreed'],
  ])('has %s', (_what, expected) => {
    expect(markdown).toContain(expected);
  });

  it('a sentence with several findings gives each its own reason and passage, and says where the reference has nothing', () => {
    const sentence: SentenceReport = {
      text: 'They signed the pact in Osaka, said Gen Nakatani.',
      start: 0,
      end: 49,
      verdict: 'conflict',
      severity: 'hard',
      reason: 'Wrong place. Signed where announced. No Nakatani.',
      claimId: 'place',
      quote: 'They met in Tokyo.',
      findings: [
        { verdict: 'conflict', severity: 'hard', reason: 'Wrong place.', claimId: 'place', quote: 'They met in Tokyo.' },
        { verdict: 'conflict', severity: 'soft', reason: 'Signed where announced.', claimId: 'act', quote: 'They announced the partnership.' },
        { verdict: 'unsupported', reason: 'The reference does not mention Gen Nakatani.' },
      ],
    };
    const md = reportToMarkdown(reportOf([sentence]), { checkedAt: CHECKED_AT, source: SOURCE });
    const section = md.slice(md.indexOf('### 1.'));
    expect(section).toContain('Finding 1 (Conflict (hard)): Wrong place.\n\nReference passage:\n\n> They met in Tokyo.\n');
    expect(section).toContain('Finding 2 (Conflict (soft)): Signed where announced.\n\nReference passage:\n\n> They announced the partnership.\n');
    expect(section).toContain(`Finding 3 (Unsupported): The reference does not mention Gen Nakatani.\n\n${NOTHING_IN_REFERENCE}\n`);
    // The joined reason of the first finding is not repeated as one.
    expect(section).not.toContain('Reason: Wrong place. Signed');
  });

  it('an unsupported sentence with no passage says the reference has nothing on it, with no passage quoted', () => {
    const sentence: SentenceReport = { text: 'Nakatani joined them.', start: 0, end: 21, verdict: 'unsupported', reason: 'The reference does not mention Gen Nakatani.', findings: [{ verdict: 'unsupported', reason: 'The reference does not mention Gen Nakatani.' }] };
    const md = reportToMarkdown(reportOf([sentence]), { checkedAt: CHECKED_AT, source: SOURCE });
    expect(md).toContain(`Reason: The reference does not mention Gen Nakatani.\n\n${NOTHING_IN_REFERENCE}\n`);
    expect(md).not.toContain('Reference passage:');
  });

  it('the source is the EEAS release of 1 November 2024', () => {
    expect(SOURCE).toBe('EEAS press release, Tokyo, 1 November 2024');
  });

  it('lists the flagged sentences only, in page order', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('### '));
    expect(headings).toHaveLength(flaggedSentences(REAL).length);
    expect(markdown).not.toContain('Japan is the first country in the Indo-Pacific to adopt such a framework with the EU.');
  });

  it.each<[string, PageReport, string]>([
    ['a page not about the subject says so', reportOf([{ text: 'Rain is expected.', start: 0, end: 17, verdict: null }], { topical: false }), 'Nothing on this page is about the subject of the reference.'],
    ['a page with nothing flagged says so', reportOf([{ text: 'A fine sentence.', start: 0, end: 16, verdict: 'supported', reason: 'The reference says this.' }]), 'No sentence is flagged at this strictness.'],
  ])('%s', (_reason, report, expected) => {
    const text = reportToMarkdown(report, { checkedAt: CHECKED_AT, source: SOURCE });
    expect(text).toContain(expected);
    expect(text).not.toContain('## Flagged sentences');
  });

  // Page text is untrusted: pasted into a fact-check, it must stay text.
  it.each([
    ['an HTML image with a script', '<img src=x onerror=alert(1)>'],
    ['a javascript: link', '[x](javascript:alert(1))'],
    ['an image', '![tracker](https://evil.example/p.png)'],
    ['a reference-style link', '[click][1]'],
    ['an angle autolink', '<javascript:alert(1)>'],
    ['a raw script tag', '<script>alert(1)</script>'],
    ['an entity that would render as markup', '&lt;b&gt;'],
    ['inline code spans', '`rm -rf`'],
    ['a newline that would start a heading', 'Fine.\n# Heading'],
    ['a newline that would leave the quote', 'Fine.\n\n<div>'],
  ])('escapes %s in a sentence', (_what, payload) => {
    const text = `Borrell said ${payload} in Osaka.`;
    const report = reportOf([{ text, start: 0, end: text.length, verdict: 'conflict', severity: 'hard', reason: `About ${payload}.`, quote: 'Tokyo.' }]);
    const md = reportToMarkdown(report, { checkedAt: CHECKED_AT, source: SOURCE });
    const quoted = md.split('\n').find((line) => line.startsWith('> Borrell said'));
    expect(quoted).toBeDefined();
    // No unescaped character that could open a tag, a link, an image, an entity or code.
    expect(unescapedMarkup(quoted!)).toEqual([]);
    expect(unescapedMarkup(md.split('\n').find((line) => line.startsWith('Reason:'))!)).toEqual([]);
    // And nothing of the payload leaked onto a line of its own.
    const leaked = md.split('\n').filter((line) => /Heading|div/.test(line) && !line.startsWith('> Borrell said') && !line.startsWith('Reason:'));
    expect(leaked).toEqual([]);
  });

  it('names the page by its title (escaped), then its address, the time of the check in UTC and the claim set with its version and hash', () => {
    const claimSet = { label: 'My set', version: 1, hash: 'fnv1a64:0123456789abcdef' };
    const md = reportToMarkdown({ ...REAL, title: 'EU *and* Japan', checkedAt: '2024-11-05T09:30:12.000Z', claimSet }, { checkedAt: CHECKED_AT, source: SOURCE });
    expect(md.split('\n').slice(0, 8)).toEqual([
      '# Fact check: EU \\*and\\* Japan',
      '',
      '- Page: https://news.example/eu-japan',
      '- Checked: 2024-11-05 09:30 UTC',
      expect.stringMatching(/^- Strictness: balanced \(/),
      '- Reference: My set',
      '- Claim set: version 1, fnv1a64:0123456789abcdef',
      expect.stringMatching(/^- Summary: /),
    ]);
  });

  it('escapes the page address in the title', () => {
    const md = reportToMarkdown(reportOf([], { file: 'https://news.example/a_(b)<i>' }), { checkedAt: CHECKED_AT, source: SOURCE });
    expect(md.split('\n')[0]).toBe('# Fact check: https://news.example/a\\_\\(b\\)\\<i\\>');
  });
});

/** Characters that open markup and are not preceded by a backslash. */
function unescapedMarkup(line: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (!'<>[]()`&!*_'.includes(c)) continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) backslashes++;
    // The quote marker at the very start of the line is ours.
    if (c === '>' && i === 0) continue;
    if (backslashes % 2 === 0) found.push(c);
  }
  return found;
}

describe('escapeMarkdown', () => {
  it.each([
    ['plain words stay as they are', 'Borrell met Iwaya on 1 November.', 'Borrell met Iwaya on 1 November.'],
    ['a list marker at the start is escaped', '- not a list', '\\- not a list'],
    ['a number and a dot at the start is not an ordered list', '1. not a list', '1\\. not a list'],
    ['a plus at the start is not a list', '+ not a list', '\\+ not a list'],
    ['a backslash stays a backslash', 'a\\b', 'a\\\\b'],
    ['whitespace runs become one space', '  a\n\tb  ', 'a b'],
    ['a pipe cannot open a table cell', 'a | b', 'a \\| b'],
  ])('%s', (_reason, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('exportFileName', () => {
  it.each<[string, string, 'json' | 'md', string]>([
    ['the host and the date', 'https://news.example/a/b?c=1', 'json', 'fact-check-news.example-2024-11-05.json'],
    ['Markdown gets .md', 'https://news.example/', 'md', 'fact-check-news.example-2024-11-05.md'],
    ['a file name that is not a URL gives a generic name', 'article.txt', 'json', 'fact-check-page-2024-11-05.json'],
  ])('%s', (_reason, file, extension, expected) => {
    expect(exportFileName(reportOf([], { file }), CHECKED_AT, extension)).toBe(expected);
  });
});

describe('claimSetIdentity', () => {
  it('FNV-1a 64 of known text (its published test vectors, for ASCII as UTF-16 code units: each unit adds a zero byte)', () => {
    // The empty string is the offset basis.
    expect(fnv1a64('')).toBe('cbf29ce484222325');
  });

  it('two sets that differ in one claim have different hashes; the same set the same', () => {
    const set = defaultChecker().claimSet;
    const other = { ...set, claims: set.claims.slice(1) };
    expect(claimSetIdentity(set).hash).toBe(claimSetIdentity({ ...set }).hash);
    expect(claimSetIdentity(other).hash).not.toBe(claimSetIdentity(set).hash);
  });
});
