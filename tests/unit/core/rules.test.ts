import { describe, expect, it } from 'vitest';
import { defaultChecker, type SentenceReport, type Strictness } from '../../../src/core';

/** The verdict of the last sentence of `text`, so earlier sentences can set the page's context. */
function lastVerdict(text: string, strictness: Strictness = 'balanced'): SentenceReport {
  const report = defaultChecker().check(text, { strictness });
  return report.sentences[report.sentences.length - 1]!;
}

// Sentences written for these tests, not taken from the fixtures: each row is
// one rule, with the words the reason must contain.
describe('conflicts, detail by detail', () => {
  it.each([
    ['a wrong place for the dialogue', 'EU foreign policy chief Josep Borrell and Japanese Foreign Minister Takeshi Iwaya held the first EU-Japan Strategic Dialogue in Osaka on 1 November.', 'hard', /in Tokyo, not Osaka/],
    ['a wrong place for "the dialogue"', 'The dialogue was held in Osaka on 1 November, Borrell said.', 'hard', /in Tokyo, not Osaka/],
    ['the dialogue’s participants meeting elsewhere', 'Josep Borrell and Takeshi Iwaya met in Kyoto.', 'hard', /in Tokyo, not Kyoto/],
    ['a wrong day for the dialogue', 'Borrell and Iwaya held their first EU-Japan Strategic Dialogue on 2 November 2024 in Tokyo.', 'hard', /1 November 2024, not 2 November 2024/],
    ['a wrong year for the dialogue', 'The first EU-Japan Strategic Dialogue was held in Tokyo on 1 November 2023.', 'hard', /not 1 November 2023/],
    ['a weekday that does not fit the date', 'The first EU-Japan Strategic Dialogue took place in Tokyo on Thursday, November 1, 2024.', 'hard', /a Friday/],
    ['a wrong ordinal for the dialogue', 'Borrell and Iwaya held the second EU-Japan Strategic Dialogue in Tokyo on 1 November.', 'hard', /first EU-Japan Strategic Dialogue, not the second/],
    ['a wrong ordinal for the ranking', 'Japan is the second country in the Indo-Pacific to adopt such a framework with the EU.', 'hard', /first in the Indo-Pacific, not the second/],
    ['a third such agreement', 'Borrell said it was the third agreement of this nature the EU has concluded in the Asia-Pacific.', 'hard', /not the third/],
    ['a wrong count of ratifying states', 'The Strategic Partnership Agreement enters into force at the end of 2024, following ratification by all 28 EU Member States.', 'hard', /27 EU member states, not 28/],
    ['an entry into force months off', 'The Strategic Partnership Agreement will enter into force in March 2025 after ratification by all 27 member states.', 'hard', /end of 2024, not March 2025/],
    ['an entry into force a day off', 'The Strategic Partnership Agreement takes effect on 1 January 2025.', 'soft', /end of 2024, not 1 January 2025/],
    ['a wrong start of provisional application', 'The SPA has been applied on a provisional basis since 2018.', 'hard', /since February 2019, not 2018/],
    ['a misspelt family name', 'Japanese Foreign Minister Takeshi Iwata met EU foreign policy chief Josep Borrell in Tokyo.', 'hard', /Takeshi Iwaya, not "Iwata"/],
    ['a misspelt name of the other party', 'EU top diplomat Josep Borel announced the Security and Defence Partnership with Iwaya.', 'hard', /Josep Borrell, not "Borel"/],
    ['a misspelling already seen on the page', 'Takeshi Iwai met Borrell in Tokyo. Later that day Iwai said the talks went well.', 'hard', /not "Iwai"/],
    ['a wrong office, after the name', 'Iwaya, Japan’s defence minister, welcomed the new security and defence partnership with the EU.', 'hard', /Minister for Foreign Affairs, not Japan’s defence minister/],
    ['a wrong office, before the name', 'Prime Minister Takeshi Iwaya and Josep Borrell announced the Security and Defence Partnership.', 'hard', /not Prime Minister/],
    ['a wrong country for the office', 'South Korean Foreign Minister Takeshi Iwaya and Borrell announced the security partnership.', 'hard', /not South Korean Foreign Minister/],
    ['a wrong office set off by commas', 'Japan’s Defence Minister, Takeshi Iwaya, welcomed Borrell in Tokyo.', 'hard', /not Japan’s Defence Minister/],
    ['"defence chief" is a defence title', 'Iwaya, Japan’s defence chief, welcomed the security partnership with the EU.', 'hard', /not Japan’s defence chief/],
    ['a shifted date for "the partnership" its actors announced', 'Borrell and Iwaya announced the partnership on October 31 in Tokyo.', 'hard', /1 November 2024, not October 31/],
    ['a wrong office for Borrell', 'Japanese Prime Minister Josep Borrell spoke in Tokyo about the partnership.', 'hard', /Borrell is EU High Representative/],
    ['an antonym', 'Borrell said relations between Japan and the European Union have never been weaker.', 'hard', /"stronger", not "weaker"/],
    ['a negation', 'Japan is not the first country in the Indo-Pacific to adopt such a political framework for cooperation on security and defence with the European Union.', 'hard', /"first", not "is not the first"/],
    ['a wrong place for the announcement', 'The EU and Japan announced the Security and Defence Partnership in Brussels on 1 November.', 'hard', /announced in Tokyo, not Brussels/],
    ['a wrong day for the announcement', 'Borrell and Iwaya announced the Security and Defence Partnership on 5 November.', 'hard', /announced on 1 November 2024, not 5 November/],
    ['signed, where it was announced', 'Borrell and Iwaya signed the Security and Defence Partnership in Tokyo.', 'soft', /announced, not signed/],
    ['inked, a synonym of signed', 'The two sides inked a defence pact during Borrell’s visit to Tokyo.', 'soft', /announced, not signed/],
    ['signed, for the agreement whose entry into force was announced', 'Iwaya said the strategic partnership agreement was signed in Tokyo.', 'soft', /does not say it was signed/],
    ['an entry into force for a political framework', 'The EU-Japan Security and Defence Partnership will take effect next month.', 'soft', /political framework/],
    ['a bare "the pact" resolved from the page', 'The EU and Japan announced a security and defence pact in Tokyo. The pact comes into force on 1 March 2025.', 'soft', /political framework/],
    ['another actor for the announcement', 'Japanese Prime Minister Shigeru Ishiba and Borrell announced the Security and Defence Partnership in Tokyo.', 'hard', /Josep Borrell and Takeshi Iwaya announced the Security and Defence Partnership, not Shigeru Ishiba/],
    ['another actor with a title', 'Borrell and Japanese Foreign Minister Yoko Kamikawa unveiled the security and defence partnership on Friday.', 'hard', /not Yoko Kamikawa/],
    ['a denied ratification', 'The SPA has not been ratified by all 27 EU Member States.', 'hard', /was ratified, not "has not been ratified"/],
    ['a denied announcement', 'Borrell and Iwaya did not announce the Security and Defence Partnership.', 'hard', /was announced, not "did not announce"/],
    ['a past meeting told as still to come', 'The two ministers will hold the first meeting of the EU-Japan strategic dialogue in Tokyo.', 'soft', /not still to come/],
  ])('%s', (_rule, text, severity, reason) => {
    const s = lastVerdict(text);
    expect(s.verdict).toBe('conflict');
    expect(s.severity).toBe(severity);
    expect(s.reason).toMatch(reason);
    expect(s.quote).toBeTruthy();
    expect(s.claimId).toBeTruthy();
  });
});

describe('what is not a conflict', () => {
  it.each([
    ['someone else mentioned beside the actors', 'Borrell and Iwaya announced the Security and Defence Partnership, which Ishiba welcomed.'],
    ['someone else in another clause', 'Ishiba and Borrell discussed the security partnership announced by Borrell and Iwaya.'],
    ['the full family name is not an error', 'EU High Representative Josep Borrell Fontelles announced the Security and Defence Partnership with Japan.'],
    ['family name first is not an error', 'Iwaya Takeshi, Japan’s foreign minister, and Borrell announced the Security and Defence Partnership in Tokyo.'],
    ['a top diplomat is a right way to name either minister', 'Japan’s top diplomat Takeshi Iwaya and EU foreign policy chief Josep Borrell met in Tokyo.'],
    ['a person the reference does not name keeps their title', 'Borrell later met Japanese Defense Minister Gen Nakatani to discuss the security partnership.'],
    ['a former title describes a past office', 'Former defense minister Shigeru Ishiba, now Japan’s prime minister, backs closer security ties with the EU.'],
    ['a later High Representative', 'Kaja Kallas, who succeeded Borrell as High Representative, visited Tokyo in 2025 to discuss the EU-Japan Security and Defence Partnership.'],
    ['another country’s dialogue, place and date', 'The EU and South Korea held their first Strategic Dialogue in Seoul on 4 November, where they signed a Security and Defence Partnership.'],
    ['a second EU-Japan dialogue months later', 'A second EU-Japan Strategic Dialogue was held in Brussels months later.'],
    ['the same people meeting again, elsewhere and later', 'Borrell and Iwaya met again in Brussels in March 2025.'],
    ['another kind of dialogue', 'The economic dialogue was held in Osaka, Borrell said.'],
    ['the next dialogue', 'The EU and Japan will hold their next strategic dialogue in Brussels in 2025.'],
    ['another document, signed in another year', 'The EU-Japan Economic Partnership Agreement was signed in 2018 and entered into force in February 2019.'],
    ['a signature in another year', 'The Strategic Partnership Agreement, signed in 2018, has been applied provisionally since February 2019.'],
    ['a paraphrase of "never been stronger"', 'Relations between Japan and the EU are stronger than ever, Borrell said.'],
    ['the right ordinal', 'Japan is the first country in the Indo-Pacific to adopt such a framework with the EU.'],
    ['a denial of what did not happen', 'The security and defence partnership was not signed but announced, an EU official said.'],
    ['a denial that reaches only the act before "but"', 'The Security and Defence Partnership was not signed but announced.'],
    ['a negation in a side clause', 'Borrell said relations between Japan and the EU have never been stronger, though they are not perfect.'],
    ['"not yet" may have been true when written', 'The SPA has not yet entered into force.'],
    ['an entry into force at the end of December', 'The Strategic Partnership Agreement enters into force on 31 December 2024.'],
    ['a weekday that fits', 'On Friday, Borrell and Iwaya announced the Security and Defence Partnership in Tokyo.'],
    ['a country for a right office', 'Japan’s Foreign Minister Takeshi Iwaya welcomed Borrell in Tokyo.'],
  ])('%s', (_rule, text) => {
    for (const strictness of ['lenient', 'balanced', 'strict'] as const) {
      expect(lastVerdict(text, strictness).verdict).not.toBe('conflict');
    }
  });
});

describe('support', () => {
  it.each([
    ['a paraphrase of the announcement', 'Japan’s Minister for Foreign Affairs Takeshi Iwaya and High Representative Josep Borrell announced the EU-Japan Security and Defence Partnership in Tokyo on 1 November 2024.'],
    ['a paraphrase of a position', 'Borrell and Iwaya also voiced grave concern over the deployment of North Korean troops to Russia.'],
    ['a paraphrase of the areas, "the partnership" read from the page', 'The EU and Japan announced a security and defence partnership. The partnership covers maritime security, cyber issues, counter-terrorism and disarmament.'],
  ])('supported: %s', (_rule, text) => {
    const s = lastVerdict(text);
    expect(s.verdict).toBe('supported');
    expect(s.quote).toBeTruthy();
  });

  it.each([
    ['a happening the reference does not report', 'Borrell and Iwaya also agreed to hold joint naval drills in the Philippine Sea next spring.', /Philippine/],
    ['a place the reference does not mention', 'After Tokyo, Borrell flew on to Manila for talks on maritime security.', /Manila/],
    ['a person the reference does not mention', 'Borrell also met Japanese Prime Minister Shigeru Ishiba.', /Shigeru Ishiba/],
    ['a date the reference does not give', 'Borrell arrived in Tokyo on 30 October.', /30 October/],
    ['a name opening the sentence', 'Ishiba and Borrell discussed the security partnership announced by Borrell and Iwaya.', /Ishiba/],
    ['a city the reference does not name, in a country it does', 'The economic dialogue was held in Osaka, Borrell said.', /Osaka/],
    ['a ceremony the reference does not report', 'Borrell and Iwaya exchanged documents at a ceremony in Tokyo.', /ceremony|exchanged/],
  ])('unsupported: %s', (_rule, text, reason) => {
    const s = lastVerdict(text);
    expect(s.verdict).toBe('unsupported');
    expect(s.reason).toMatch(reason);
  });

  it('covers a visit to the place of the reference’s meeting', () => {
    const s = lastVerdict('Borrell, on a visit to Tokyo, called the partnership a historical and very timely step.');
    expect(s.verdict).toBe('supported');
  });

  it('follows "he" to the person named before', () => {
    const s = lastVerdict('Borrell left Tokyo on Saturday. In Seoul, he will meet South Korea’s foreign minister.');
    expect(s.verdict).toBe('unsupported');
    expect(s.reason).toMatch(/Seoul|South Korea/);
  });
});

describe('quiet where the subject is absent', () => {
  it.each([
    ['ordinary news', 'The weather in Paris was mild on Tuesday, and the markets closed higher.'],
    ['another country’s news with a minister', 'Defence Minister Richard Marles said Australia would buy more submarines.'],
    ['a byline', 'By Jane Doe'],
    ['a misspelling-like word with no person meant', 'Iwate prefecture reported heavy rain on Monday.'],
    ['a bare "the partnership" with nothing before it', 'The partnership covers maritime security, cyber issues, counter-terrorism and disarmament.'],
  ])('%s: no verdict, no topic', (_rule, text) => {
    const report = defaultChecker().check(text);
    expect(report.topical).toBe(false);
    expect(report.sentences.every((s) => s.verdict === null)).toBe(true);
  });
});
