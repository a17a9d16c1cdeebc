/**
 * The articles the fixture pages carry: the four seed news articles, marked up
 * as their sites would, and one ordinary local story about something else.
 */
import { decorateParagraph, escapeHtml, inlineHtml, wrapSource, type Inline } from './inline';
import { inlineAd, leadPhoto, relatedInline, shareBar, type Site } from './layout';
import { seedParagraphs, type SeedId } from './seeds';

export interface Story {
  site: Site;
  kicker: string;
  /** The headline above the article, or null when the seed's first line is the headline (then it is inside the article). */
  headline: string | null;
  meta: string;
  photo: string;
  paragraphs: string[];
}

const SEED_STORIES: Record<SeedId, Omit<Story, 'paragraphs'>> = {
  '000': {
    site: { name: 'The Pacific Ledger', tagline: 'Asia and the world, every morning.' },
    kicker: 'Diplomacy',
    headline: 'EU and Japan exchange partnership documents in Tokyo',
    meta: 'Staff reporter · 1 November 2024, 17:40',
    photo: 'Foreign ministers at a press conference in Tokyo',
  },
  '002': {
    site: { name: 'World Desk', tagline: 'News from Brussels and beyond.' },
    kicker: 'Asia-Pacific',
    headline: null,
    meta: '2 November 2024',
    photo: 'Ministers shake hands in Tokyo',
  },
  '003': {
    site: { name: 'Eurasia Monitor', tagline: 'Security, defence, diplomacy.' },
    kicker: 'Security',
    headline: 'EU and Japan seal a security pact',
    meta: 'Analysis desk · 3 November 2024',
    photo: 'A naval patrol off the Japanese coast',
  },
  '004': {
    site: { name: 'Formosa Radio Today', tagline: 'Transcripts from the airwaves.' },
    kicker: 'International',
    headline: 'Japan and the EU launch a security and defence partnership',
    meta: 'Newsroom · 1 November 2024',
    photo: 'Josep Borrell speaks to reporters',
  },
};

export function seedStory(id: SeedId): Story {
  return { ...SEED_STORIES[id], paragraphs: seedParagraphs(id) };
}

/** An ordinary local story: nothing in it is about the reference's subject. */
export const ORDINARY_STORY: Story = {
  site: { name: 'Riverside Evening Post', tagline: 'Your city, your news.' },
  kicker: 'City',
  headline: 'Council approves the new tram line to the harbour',
  meta: 'By Maria Lund · 14 March 2024',
  photo: 'A tram at the central station',
  paragraphs: [
    'The city council voted on Tuesday evening to build a new tram line between the central station and the harbour.',
    'The line will have nine stops and is expected to carry around 30,000 passengers a day once it opens.',
    'Construction work on Harbour Street will begin in the autumn, and the first trams should run in 2027.',
    '“This is the most important transport decision in a generation,” said councillor Ingrid Holm, who chairs the transport committee.',
    'Shop owners along the route asked for help during the works, fearing that fewer customers would reach them.',
    'The council promised free parking on side streets and a small fund for businesses that lose trade.',
    'Meanwhile, forecasters expect a dry and mild weekend, with temperatures reaching 14 degrees on Sunday.',
  ],
};

/** One paragraph of the article as HTML: seed words exactly, with the site's inline markup. */
export function paragraphHtml(text: string, indent: string): string {
  if (/^By [A-Z]/.test(text)) {
    return `<p class="byline">By <a href="/authors/${text.slice(3).toLowerCase().replace(/\W+/g, '-')}" rel="author">${escapeHtml(text.slice(3))}</a></p>`;
  }
  if (/^\(.*\)$/.test(text)) return `<p class="source-note"><i>${escapeHtml(text)}</i></p>`;
  return wrapSource(`<p>${inlineHtml(decorateParagraph(text))}</p>`, indent);
}

/** Paragraphs as inline trees, for pages that render them from script (the Preact page). */
export function paragraphTrees(story: Story): Inline[][] {
  return story.paragraphs.map((text) => decorateParagraph(text));
}

/**
 * The inside of `<article>`: share buttons, the headline when the seed starts
 * with one, the lead photo, and the paragraphs with an ad and a "read also"
 * link between them. `count` limits how many paragraphs are there at load.
 */
export function articleBody(story: Story, indent = '      ', count = story.paragraphs.length): string {
  const parts = [shareBar()];
  let paragraphs = story.paragraphs.slice(0, count);
  if (story.headline === null && paragraphs[0] !== undefined) {
    parts.push(`\n${indent}<h1>${escapeHtml(paragraphs[0])}</h1>`);
    paragraphs = paragraphs.slice(1);
  }
  parts.push(leadPhoto(story.photo));
  paragraphs.forEach((text, index) => {
    parts.push(`\n${indent}${paragraphHtml(text, `${indent}  `)}`);
    if (index === 1) parts.push(inlineAd());
    if (index === 3) parts.push(relatedInline());
  });
  return parts.join('');
}
