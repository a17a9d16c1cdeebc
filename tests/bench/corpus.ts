/**
 * Generated text for the benchmarks: as many sentences as asked, either about
 * the reference's subject (the EU–Japan dialogue and partnership, its people,
 * dates, places and topics, with a share of conflicting statements sprinkled
 * in) or ordinary news on other topics. Deterministic for a seed, so two runs
 * (and the engine and its baseline in one run) read the same text.
 *
 * Pure TypeScript: the Node benchmark uses it directly, the browser benchmark
 * writes its output into generated pages.
 *
 * @module
 */

/** A seeded mulberry32 generator: numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(items: readonly T[]) => T;

const pickerOf = (random: () => number): Pick => (items) => items[Math.floor(random() * items.length)]!;

// ---- about the subject ------------------------------------------------------

const EU_SIDE = ['The EU', 'The European Union', 'Brussels', 'The EU foreign policy chief', 'High Representative Josep Borrell', 'Josep Borrell', 'Borrell'];
const JAPAN_SIDE = ['Japan', 'Tokyo', 'Foreign Minister Takeshi Iwaya', 'Takeshi Iwaya', 'Iwaya', "Japan's foreign minister"];
const TOPICS = [
  'maritime security', 'cyber issues', 'space security and defence', 'disinformation', 'foreign information manipulation and interference',
  'counter-terrorism', 'non-proliferation and disarmament', 'defence industry cooperation', 'participation in EU missions and operations',
];
const CONCERNS = [
  "Russia's war of aggression against Ukraine", 'the deployment of North Korean troops to Russia', 'the situation in the East China Sea',
  'the situation in the South China Sea', 'peace and stability in the Taiwan Strait', 'the escalating violence in the Middle East',
  "Pyongyang's nuclear and ballistic missile programmes",
];

/** Statements that agree with the reference, told in varied words. */
const CONSISTENT: ((pick: Pick) => string)[] = [
  (p) => `${p(EU_SIDE)} and ${p(JAPAN_SIDE)} held the first EU-Japan Strategic Dialogue in Tokyo on 1 November 2024.`,
  (p) => `${p(EU_SIDE)} and ${p(JAPAN_SIDE)} announced the EU-Japan Security and Defence Partnership on Friday.`,
  (p) => `The new partnership will frame and enhance cooperation on ${p(TOPICS)} and ${p(TOPICS)}.`,
  (p) => `Japan is the first country in the Indo-Pacific to adopt such a framework with the European Union, ${p(['officials said', 'the EEAS said', 'according to the statement'])}.`,
  (p) => `${p(JAPAN_SIDE)} and ${p(EU_SIDE)} expressed concern over ${p(CONCERNS)}.`,
  (p) => `The two sides said the EU-Japan Strategic Partnership Agreement would enter into force at the end of 2024 after ratification by all 27 member states.`,
  (p) => `The agreement has been applied provisionally since February 2019, ${p(['the statement noted', 'officials recalled', 'the EEAS said'])}.`,
  (p) => `${p(EU_SIDE)} called for an immediate ceasefire in Gaza and across the Israel-Lebanon border.`,
  (p) => `The strategic dialogue at foreign ministerial level was agreed at the 2023 EU-Japan Summit, ${p(['diplomats said', 'the release recalled'])}.`,
];

/** Statements that contradict it: a wrong date, role, ordinal, place, document or count. */
const CONFLICTING: ((pick: Pick) => string)[] = [
  (p) => `${p(EU_SIDE)} and ${p(JAPAN_SIDE)} held the ${p(['second', 'third'])} EU-Japan Strategic Dialogue in Tokyo.`,
  (p) => `${p(EU_SIDE)} and Defence Minister Takeshi Iwaya announced the partnership in ${p(['Brussels', 'Osaka', 'Seoul'])}.`,
  (p) => `The EU and Japan signed a binding defence treaty in Tokyo on ${p(['2 November 2024', '11 November 2024', '1 October 2024'])}.`,
  (p) => `${p(EU_SIDE)} met Foreign Minister Takeshi Iwaja in Tokyo on 1 November.`,
  (p) => `The Strategic Partnership Agreement was ratified by ${p(['25', '26', '12'])} EU member states.`,
  (p) => `Japan is the ${p(['second', 'third', 'last'])} country in the Indo-Pacific to adopt such a framework with the EU.`,
];

/**
 * How news tells the same thing in other words: an opening and an
 * attribution, neither naming a place, a date, a number, an ordinal or a
 * person, so they change no verdict's grounds. With them a long page is
 * mostly sentences it has not said before, as a real one is; without them
 * the templates above give a few hundred distinct sentences, and an engine
 * that remembers what it read would be timed on repetition.
 */
const OPENINGS = [
  '', 'Meanwhile, ', 'As expected, ', 'Interestingly, ', 'Reportedly, ', 'In the end, ', 'All the same, ', 'To be sure, ', 'Even so, ', 'In a joint statement, ', 'Speaking to reporters, ', 'Notably, ', 'In their remarks, ',
  'According to officials, ', 'In a statement, ', 'Separately, ', 'At the press conference, ', 'By all accounts, ', 'In short, ',
  'Above all, ', 'Officially, ', 'In practice, ', 'Put simply, ', 'On the whole, ', 'For now, ', 'Crucially, ', 'Tellingly, ',
];
const ATTRIBUTIONS = [
  '', 'officials said', 'a spokesperson said', 'diplomats told reporters', 'the statement said', 'sources said', 'aides added',
  'observers noted', 'analysts said', 'according to a readout', 'a senior official said', 'people familiar with the talks said',
  'the two sides said', 'a press officer confirmed', 'commentators pointed out', 'as the readout put it', 'one delegate remarked',
  'local media reported', 'a statement read', 'reporters were told', 'it was confirmed later', 'the organisers said', 'witnesses said',
];

/** `sentence` told with an opening and an attribution picked for it (see `OPENINGS`). */
function retold(sentence: string, pick: Pick): string {
  const opening = pick(OPENINGS);
  const attribution = pick(ATTRIBUTIONS);
  let out = opening ? `${opening}${lowerFirstWord(sentence)}` : sentence;
  // One attribution a sentence: not after a template's own ("…, officials said.").
  if (attribution && out.endsWith('.') && !ATTRIBUTED.test(out)) out = `${out.slice(0, -1)}, ${attribution}.`;
  return out;
}

const ATTRIBUTED = /, [^,]*\b(?:said|noted|recalled|added|statement)\.$/;

/** Lower-cases a sentence's first word unless it is a name ("The EU" -> "the EU", "Japan" stays). */
function lowerFirstWord(sentence: string): string {
  return /^(The|A|An)\b/.test(sentence) ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;
}

/**
 * `count` sentences about the subject; about one in `conflictEvery` conflicts
 * with the reference. Most are told with an opening and an attribution (see
 * `OPENINGS`), so few repeat: pass `retell: false` for the bare templates.
 */
export function topicalSentences(count: number, seed = 1, conflictEvery = 8, { retell = true }: { retell?: boolean } = {}): string[] {
  const random = seededRandom(seed);
  const pick = pickerOf(random);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const templates = random() * conflictEvery < 1 ? CONFLICTING : CONSISTENT;
    const sentence = pick(templates)(pick);
    out.push(retell ? retold(sentence, pick) : sentence);
  }
  return out;
}

// ---- ordinary news on other topics --------------------------------------------

const CITIES = ['Lisbon', 'Nairobi', 'Denver', 'Glasgow', 'Porto Alegre', 'Hanoi', 'Tampere', 'Adelaide', 'Valencia', 'Winnipeg'];
const PEOPLE = ['Maria Keller', 'the mayor', 'coach Daniel Okafor', 'Dr. Ana Ruiz', 'the city council', 'local farmers', 'the chief executive', 'residents'];
const SUBJECTS = ['the new tram line', 'the harvest', 'the quarterly results', 'the marathon', 'the school budget', 'the storm', 'the museum reopening', 'the bridge repairs'];
const WEEKDAYS = ['on Monday', 'on Tuesday', 'last week', 'this morning', 'on Saturday', 'in March', 'over the weekend'];

const ORDINARY: ((pick: Pick, random: () => number) => string)[] = [
  (p) => `${cap(p(PEOPLE))} in ${p(CITIES)} said ${p(SUBJECTS)} would be delayed until spring.`,
  (p, r) => `Shares rose ${1 + Math.floor(r() * 9)} percent ${p(WEEKDAYS)} after ${p(SUBJECTS)} beat expectations.`,
  (p) => `Heavy rain flooded several streets in ${p(CITIES)} ${p(WEEKDAYS)}, and ${p(PEOPLE)} asked drivers to stay home.`,
  (p, r) => `${cap(p(SUBJECTS))} drew about ${(2 + Math.floor(r() * 40)) * 1000} visitors ${p(WEEKDAYS)}.`,
  (p) => `"We are proud of what the team achieved," ${p(PEOPLE)} told reporters in ${p(CITIES)}.`,
  (p) => `Critics say ${p(SUBJECTS)} has cost far more than planned, while ${p(PEOPLE)} disagree.`,
  (p, r) => `The home side won ${1 + Math.floor(r() * 4)}-${Math.floor(r() * 3)} in ${p(CITIES)} ${p(WEEKDAYS)}.`,
  (p) => `Officials in ${p(CITIES)} will publish a report on ${p(SUBJECTS)} ${p(WEEKDAYS)}.`,
];

/** `count` sentences of ordinary news with nothing about the reference's subject; told in varied words as `topicalSentences` are (`retell: false` for the bare templates). */
export function unrelatedSentences(count: number, seed = 1, { retell = true }: { retell?: boolean } = {}): string[] {
  const random = seededRandom(seed);
  const pick = pickerOf(random);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const sentence = pick(ORDINARY)(pick, random);
    out.push(retell ? retold(sentence, pick) : sentence);
  }
  return out;
}

/** Sentences grouped into paragraphs of `perParagraph`. */
export function paragraphs(sentences: readonly string[], perParagraph = 4): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < sentences.length; i += perParagraph) out.push(sentences.slice(i, i + perParagraph));
  return out;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
