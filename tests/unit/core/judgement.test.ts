import { describe, expect, it } from 'vitest';
import { defaultChecker, type SentenceReport, type Strictness } from '../../../src/core';
import { stem } from '../../../src/core/lexicon/synonyms';
import { analyse } from '../../../src/core/facts/sentence';
import { asideTokens, isCreditLine } from '../../../src/core/facts/asides';

// Sentences written for these tests (not taken from the fixtures), one row a
// kind, the reason in the row's name.

const OPENING = 'Japan and the European Union announced a security and defence partnership in Tokyo on Friday.';

/** The verdict of the last sentence of `text`. */
function last(text: string, strictness: Strictness = 'balanced'): SentenceReport {
  const report = defaultChecker().check(text, { strictness });
  return report.sentences[report.sentences.length - 1]!;
}

/** The last sentence's verdict on a page that opens on the subject. */
const onSubject = (text: string, strictness: Strictness = 'balanced') => last(`${OPENING} ${text}`, strictness);

describe('a page is about the subject only when something anchors it', () => {
  it.each([
    ['one word of the subject', 'The summit ended with a dinner. The minister thanked the hosts.'],
    ['a heading with the event noun alone', '5.3.3 Mozilla Summit\nMozilla Summit is the global event of Mozilla contributors.'],
    ['Japan and security, without the EU', 'Japan plans to raise its security spending. The defence ministry asked for more ships.'],
    ['a real other person whose given name is near a registry name', 'Michael Joseph Savage was prime minister of New Zealand. In 1939 Savage signed a defence agreement with Britain.'],
    ['the EU’s partnership with another country, named first', 'The EU and Norway signed a Security and Defence Partnership. EU foreign policy chief Josep Borrell signed the declaration on behalf of the European Union.'],
  ])('%s: no verdict at all', (_case, text) => {
    for (const strictness of ['lenient', 'balanced', 'strict'] as const) {
      const report = defaultChecker().check(text, { strictness });
      expect(report.topical).toBe(false);
      expect(report.sentences.every((s) => s.verdict === null)).toBe(true);
    }
  });

  it.each([
    ['both parties with a word of the subject', 'Japan and the EU launched a new security partnership.'],
    ['the reference’s people together', 'Borrell and Iwaya met in Tokyo.'],
    ['a person with the other side', 'Borrell praised Japan as a partner.'],
    ['a document named by its acronym, restating a claim', 'The SPA has been applied on a provisional basis since February 2019.'],
  ])('%s: the page is about the subject', (_case, text) => {
    expect(defaultChecker().check(text).topical).toBe(true);
  });
});

describe('claim-first matching: on a page about the subject, a restatement is judged whatever it names', () => {
  it.each([
    ['a quote of the remarks', '“We live in a very dangerous world,” he said.'],
    ['a position with synonyms, no registry name', 'The officials reiterated their support for Ukraine and denounced Russia’s war of aggression.'],
    ['a welcome in the passive', 'The EU was welcomed as a close partner in Asia.'],
  ])('%s', (_case, text) => {
    const s = onSubject(text);
    expect(s.verdict).toBe('supported');
    expect(s.quote).toBeTruthy();
  });

  it('a sentence that restates nothing and names nothing gets no verdict', () => {
    expect(onSubject('The weather in the capital was mild.').verdict).toBe(null);
  });
});

describe('asides assert nothing', () => {
  it.each([
    ['a dateline with an agency', 'TOKYO, Nov 1 (Kyodo) -- Japan and the EU announced a security and defence partnership on Friday.'],
    ['a background clause', 'Borrell and Iwaya announced the security and defence partnership in Tokyo, amid rising tensions with China.'],
    ['commentary attributed to experts', 'Borrell and Iwaya announced the partnership in Tokyo, a step experts say reflects concern over Beijing.'],
    ['an honorific', 'Mr Borrell and Mr Iwaya announced the security and defence partnership in Tokyo.'],
    ['a caption’s (L) and (R)', 'Josep Borrell (L) and Takeshi Iwaya (R) announced the security and defence partnership in Tokyo.'],
  ])('%s: supported, not unsupported', (_case, text) => {
    const s = last(text);
    expect(s.verdict).toBe('supported');
  });

  it.each([
    ['a byline', 'By Jane Doe and John Roe'],
    ['a photo credit', 'Photo: Kyodo'],
    ['a reporting line', 'Reporting by Jane Doe; Editing by John Roe'],
  ])('%s is a credit line with no verdict', (_case, text) => {
    expect(isCreditLine(text)).toBe(true);
    expect(onSubject(text).verdict).toBe(null);
  });

  it('marks the dateline, the parenthesis, the background clause and the closing attribution, and nothing of the main clause', () => {
    const s = analyse('TOKYO (AFP) -- Borrell (L) met Iwaya amid tensions with China, officials said.');
    const aside = asideTokens(s);
    const asideWords = s.tokens.filter((_, i) => aside[i]).map((t) => t.text);
    expect(asideWords).toEqual(['TOKYO', 'AFP', 'L', 'amid', 'tensions', 'with', 'China', 'officials', 'said']);
  });
});

describe('names', () => {
  it.each([
    ['a family name misspelt alone, on a page about the subject', 'Iwata welcomed the EU as a close partner in Asia.', 'Iwata'],
    ['a family name misspelt beside the other party’s name', 'Borrel and Iwaya announced the security and defence partnership.', 'Borrel'],
  ])('%s', (_case, text, written) => {
    const s = onSubject(text);
    expect(s.verdict).toBe('conflict');
    expect(s.reason).toContain(`"${written}"`);
    expect(s.reason).toMatch(/Iwaya|Borrell/);
  });

  it.each([
    ['family name first', 'Iwaya Takeshi and Borrell Josep announced the partnership in Tokyo.'],
    ['a real other person with a near given name', 'Michael Joseph Savage spoke about defence in 1939.'],
    ['a place near a family name', 'An earthquake struck in Iwate.'],
  ])('%s: no name conflict', (_case, text) => {
    expect(onSubject(text).verdict).not.toBe('conflict');
  });
});

describe('events told apart', () => {
  it.each([
    ['the same dialogue with another country, in its capital', 'Borrell arrived in Seoul to co-chair the first Strategic Dialogue with Foreign Minister Cho Tae-yul.'],
    ['a later dialogue in Brussels', 'The EU and Japan held their second Strategic Dialogue in Brussels on 10 June 2025.'],
    ['another summit', 'Leaders at the 2025 EU-Japan summit in Tokyo launched a competitiveness alliance.'],
    ['another country’s partnership', 'The EU and South Korea also signed a security and defence partnership.'],
  ])('%s: never a conflict', (_case, text) => {
    for (const strictness of ['lenient', 'balanced', 'strict'] as const) expect(onSubject(text, strictness).verdict).not.toBe('conflict');
  });

  it.each([
    ['the first dialogue in another city of a party', 'The first EU-Japan Strategic Dialogue was held in Osaka.', /Tokyo, not Osaka/],
    ['a wrong year of the summit that agreed the dialogue', 'The dialogue was agreed at the 2022 EU-Japan Summit.', /2023.*2022/],
    ['the second country, after another', 'Japan is the second country in the Indo-Pacific to adopt such a framework with the EU, after South Korea.', /first.*second/],
    ['part of the member states', 'The SPA entered into force after ratification by 25 of the 27 EU member states.', /27.*25/],
    ['a refusal', 'Japan and the EU declined to condemn third-country support to Russia’s war.', /"condemnation", not "declined to condemn"/],
  ])('%s: a hard conflict naming both values', (_case, text, reason) => {
    const s = onSubject(text);
    expect(s.verdict).toBe('conflict');
    expect(s.severity).toBe('hard');
    expect(s.reason).toMatch(reason);
  });
});

describe('evidence', () => {
  it('an unsupported sentence quotes no passage that speaks of something else, and says so', () => {
    const s = onSubject('Borrell also met Defense Minister Gen Nakatani.');
    expect(s.verdict).toBe('unsupported');
    expect(s.quote).toBeUndefined();
    expect(s.reason).toMatch(/Gen Nakatani/);
    expect(s.reason).toMatch(/nothing on what this sentence says/);
  });

  it('a sentence with two findings lists each with its own passage', () => {
    const s = onSubject('Japanese Defence Minister Takeshi Iwaya and Borrell held the first EU-Japan Strategic Dialogue in Osaka.');
    expect(s.verdict).toBe('conflict');
    expect(s.findings!.length).toBeGreaterThanOrEqual(2);
    for (const f of s.findings!) {
      expect(f.reason).toBeTruthy();
      expect(f.quote).toBeTruthy();
    }
    expect(s.findings![0]!.reason).not.toBe(s.findings![1]!.reason);
  });
});

describe('lemmas', () => {
  it.each([
    ['condemned', 'condemnation'],
    ['ratified', 'ratification'],
    ['announced', 'announce'],
    ['partnerships', 'partnership'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ['japan', 'china'],
    ['first', 'fifth'],
  ])('%s and %s do not', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });
});
