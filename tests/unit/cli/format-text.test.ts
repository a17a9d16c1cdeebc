import { describe, expect, it } from 'vitest';
import type { PageReport } from '../../../src/core';
import { formatReportText } from '../../../src/cli/format-text';

const REPORT: PageReport = {
  file: 'article.txt',
  strictness: 'balanced',
  topical: true,
  sentences: [
    { text: 'The EU and Japan signed a pact.', start: 0, end: 31, verdict: 'conflict', severity: 'soft', reason: 'Announced, not signed.', claimId: 'sdp-announced', quote: 'announced the EU-Japan Security and Defence Partnership' },
    { text: 'It rained in Tokyo.', start: 32, end: 51, verdict: null },
    { text: 'They met in Tokyo.', start: 52, end: 70, verdict: 'supported', reason: 'The reference says this.' },
    { text: 'Borrell then went to Seoul.', start: 71, end: 98, verdict: 'unsupported' },
  ],
  summary: { conflict: 1, unsupported: 1, supported: 1 },
};

describe('formatReportText', () => {
  it('heading, one entry per sentence with a verdict (tag, sentence, reason, quote), summary', () => {
    expect(formatReportText(REPORT, { color: false })).toBe(
      [
        'article.txt (balanced)',
        '  CONFLICT [soft]  The EU and Japan signed a pact.',
        '      why: Announced, not signed.',
        '      reference: “announced the EU-Japan Security and Defence Partnership”',
        '  SUPPORTED  They met in Tokyo.',
        '      why: The reference says this.',
        '  UNSUPPORTED  Borrell then went to Seoul.',
        '  1 conflict, 1 unsupported, 1 supported; 1 sentence without a verdict',
      ].join('\n'),
    );
  });

  it.each([
    ['colour off: no escape codes', false, false],
    ['colour on: escape codes around the tags', true, true],
  ])('%s', (_reason, color, hasEscapes) => {
    expect(formatReportText(REPORT, { color }).includes('\u001b[')).toBe(hasEscapes);
  });

  it('a sentence with several findings lists each with its own reason and passage', () => {
    const report: PageReport = {
      ...REPORT,
      sentences: [
        {
          text: 'Defence Minister Iwaya met Borrell in Osaka.',
          start: 0,
          end: 44,
          verdict: 'conflict',
          severity: 'hard',
          reason: 'Wrong title. Wrong place.',
          claimId: 'a',
          quote: 'Passage A.',
          findings: [
            { verdict: 'conflict', severity: 'hard', reason: 'Wrong title.', claimId: 'a', quote: 'Passage A.' },
            { verdict: 'conflict', severity: 'hard', reason: 'Wrong place.', claimId: 'b', quote: 'Passage B.' },
          ],
        },
      ],
      summary: { conflict: 1, unsupported: 0, supported: 0 },
    };
    expect(formatReportText(report, { color: false }).split('\n').slice(1, 6)).toEqual([
      '  CONFLICT [hard]  Defence Minister Iwaya met Borrell in Osaka.',
      '      why: Wrong title.',
      '      reference: “Passage A.”',
      '      why: Wrong place.',
      '      reference: “Passage B.”',
    ]);
  });

  it('an off-topic page says so instead of listing verdicts', () => {
    const offTopic: PageReport = { ...REPORT, topical: false, sentences: REPORT.sentences.map((s) => ({ text: s.text, start: s.start, end: s.end, verdict: null })), summary: { conflict: 0, unsupported: 0, supported: 0 } };
    expect(formatReportText(offTopic, { color: false })).toBe("article.txt (balanced)\n  not about the reference's subject: no verdicts (4 sentences)");
  });
});
