/**
 * Closed word classes the rules read. All folded (lower case, ASCII quotes
 * and dashes). These are facts about English news prose, not about any one
 * article.
 */

/** Words that turn a statement into its opposite. */
export const NEGATIONS = new Set(['not', 'no', 'never', "n't", 'neither', 'nor', 'without', 'none', 'nothing', 'cannot', "didn't", "don't", "doesn't", "isn't", "wasn't", "weren't", "aren't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", 'failed', 'refused', 'denied', 'declined', 'declines', 'refuses', 'fails']);

/** Pairs of words of opposite meaning: a sentence that says one where its claim says the other contradicts it. */
export const ANTONYM_PAIRS: readonly (readonly [string, string])[] = [
  ['stronger', 'weaker'], ['strong', 'weak'], ['strengthen', 'weaken'], ['strengthening', 'weakening'],
  ['closer', 'further'], ['closest', 'furthest'], ['close', 'distant'], ['deepening', 'loosening'], ['deepen', 'loosen'],
  ['growing', 'shrinking'], ['increase', 'decrease'], ['escalating', 'easing'], ['support', 'oppose'],
  ['unwavering', 'wavering'], ['immediate', 'delayed'], ['first', 'last'], ['safe', 'dangerous'],
  ['welcomed', 'rejected'], ['condemnation', 'endorsement'], ['opposition', 'support'], ['illegal', 'legal'],
  ['enhanced', 'reduced'], ['enhance', 'reduce'], ['more', 'less'], ['better', 'worse'], ['improved', 'worsened'],
  // Matched by stem (see `stem`), so each pair covers its inflections.
  ['enhance', 'weaken'], ['deepen', 'weaken'], ['reinforce', 'weaken'], ['bolster', 'undermine'], ['strengthen', 'undermine'],
  ['close', 'loose'], ['closer', 'looser'], ['grave', 'mild'], ['serious', 'minor'], ['serious', 'slight'], ['deep', 'slight'], ['deep', 'shallow'],
  ['strong', 'feeble'], ['staunch', 'lukewarm'], ['firm', 'weak'], ['unwavering', 'faltering'],
  ['escalating', 'subsiding'], ['escalate', 'de-escalate'], ['rising', 'falling'], ['growing', 'declining'], ['growing', 'diminishing'],
  ['dangerous', 'peaceful'], ['closest', 'most distant'], ['renewed', 'diminished'],
  ['immediate', 'eventual'], ['unhindered', 'restricted'], ['release', 'detention'], ['increase', 'reduce'], ['increase', 'ease'],
  ['welcome', 'reject'], ['welcomed', 'shunned'], ['condemn', 'praise'], ['condemn', 'endorse'], ['support', 'abandon'],
  ['historic', 'insignificant'], ['timely', 'belated'], ['emerging', 'receding'], ['together', 'separately'], ['stronger', 'frailer'],
];

/** Prefixes that turn a word into its opposite: "timely" and "untimely", "secure" and "insecure". */
export const NEGATING_PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'dis', 'non-', 'non'];

/**
 * What can happen to a document, by the words news uses for it. `sign`-like
 * and `enter-into-force`-like words claim a legal act; `announce`-like words
 * claim only that it was made public or agreed.
 */
export const ACTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  announce: ['announce', 'announced', 'announces', 'announcing', 'announcement', 'unveil', 'unveiled', 'unveils', 'launch', 'launched', 'launches', 'hail', 'hailed', 'hailing'],
  conclude: ['conclude', 'concluded', 'concludes', 'concluding', 'conclusion', 'agree', 'agreed', 'agrees', 'reach', 'reached', 'adopt', 'adopted', 'adopts', 'adoption', 'establish', 'established', 'establishes', 'establishment', 'form', 'formed', 'forge', 'forged', 'seal', 'sealed', 'strike', 'struck', 'finalise', 'finalised', 'finalize', 'finalized'],
  sign: ['sign', 'signs', 'signed', 'signing', 'signature', 'ink', 'inks', 'inked', 'inking', 'co-signed', 'countersigned'],
  ratify: ['ratify', 'ratified', 'ratifies', 'ratifying', 'ratification'],
  'enter-into-force': [],
  'apply-provisionally': ['provisionally', 'provisional'],
  exchange: ['exchange', 'exchanged', 'exchanging'],
};

/** Multi-word phrases for entry into force ("take effect", "come into force"…), matched on folded text. */
export const ENTRY_INTO_FORCE = /\b(?:enter(?:s|ed|ing)?\s+into\s+force|entry\s+into\s+force|(?:take|takes|took|taking|taken)\s+effect|(?:come|comes|came|coming)\s+into\s+(?:force|effect)|(?:go|goes|went|going|gone)\s+into\s+(?:force|effect)|(?:become|becomes|became)\s+effective|in\s+force\s+(?:from|on|as\s+of)|effective\s+(?:from|on|as\s+of))\b/;

/** Nouns that name a document without saying which one: resolved from what the page named last. */
export const DOCUMENT_NOUNS = new Set(['agreement', 'agreements', 'pact', 'pacts', 'partnership', 'partnerships', 'deal', 'accord', 'treaty', 'framework', 'arrangement', 'compact', 'alliance']);

/** Qualifiers that make a document noun name some other document (a trade deal is not a security partnership). */
export const OTHER_DOCUMENT_QUALIFIERS = new Set(['economic', 'trade', 'free', 'investment', 'digital', 'data', 'green', 'fisheries', 'aviation', 'customs', 'tax', 'visa', 'nuclear', 'climate', 'energy', 'science', 'research', 'cooperation', 'framework', 'peace', 'ceasefire', 'mutual', 'reciprocal', 'access']);

/** Words that place an event in the future, as seen from the text. */
export const FUTURE_MARKERS = /\b(?:will|shall|'ll|to be held|is to|are to|set to|scheduled|slated|expected to|plans? to|planned|upcoming|forthcoming|next)\b/;

/** Words that say an event is another, later or earlier one than the one a claim speaks of. */
export const OTHER_OCCURRENCE = /\b(?:next|subsequent|previous|prior|another|again|last (?:year|month|week)|earlier this year|(?:days|weeks|months|years|a year|a month) (?:later|earlier|before|after))\b/;

/** Verbs of saying: a sentence built on one reports speech, which is not a new event. */
export const SPEECH_VERBS = new Set(['said', 'says', 'say', 'added', 'adds', 'noted', 'notes', 'stated', 'states', 'told', 'tells', 'stressed', 'stresses', 'emphasized', 'emphasised', 'highlighted', 'highlighting', 'described', 'describes', 'believes', 'argued', 'argues', 'announced', 'explained', 'remarked', 'according', 'wrote', 'posted', 'tweeted']);

/**
 * Nouns and verbs of specific happenings: when a sentence reports one that the
 * reference never mentions, it reports something the reference cannot support.
 * Meeting and talks are not among them: the reference reports a meeting, and a
 * claim about another one shows in its names, places and dates.
 */
export const HAPPENING_WORDS = new Set([
  'ceremony', 'exchange', 'exchanged', 'exchanging', 'visit', 'visits', 'visited', 'visiting', 'travel', 'travels', 'travelled', 'traveled', 'trip', 'tour',
  'departed', 'depart', 'departs', 'left', 'arrive', 'arrived', 'arrives', 'flew', 'fly',
  'summit', 'exercise', 'exercises', 'drill', 'drills', 'test-fired', 'fired', 'launched', 'deployed', 'deploy', 'vote', 'voted', 'elected',
  'banquet', 'dinner', 'signing', 'hosted', 'host', 'attended', 'attend', 'invited', 'port', 'sanctions', 'funding',
]);

/** Function words that carry no claim; left out when measuring how much of a sentence a claim covers. */
export const STOPWORDS = new Set(
  ("a an the and or but if of to in on at by for with from as into onto over under about than then so that this these those it its it's " +
    "is are was were be been being has have had do does did will would shall should can could may might must also both either " +
    'i we you he she they them their our ours your his her him us me my who whom whose which what when where why how all any each ' +
    'such very more most other some own same just only not no nor too s there here while during after before between against ' +
    'up down out off again further once said says say added adds noted stated told according described highlighted stressed emphasized ' +
    'believes well new one two including like among per via upon within without across around through toward towards').split(' '),
);
