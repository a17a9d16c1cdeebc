/**
 * Offices as news writers name them. Each phrase is in folded form (lower
 * case, straight quotes, '-' for dashes); the longest phrase wins, so
 * "prime minister" beats "minister". An office id is what the registry's
 * people list as their rightful offices.
 */
export const OFFICE_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'foreign-minister': [
    'foreign minister', 'minister for foreign affairs', 'minister of foreign affairs', 'foreign affairs minister',
    'head of the foreign ministry', 'head of the japanese foreign ministry', 'foreign secretary', 'secretary of state',
  ],
  'defence-minister': [
    'defence minister', 'defense minister', 'minister of defence', 'minister of defense', 'minister for defence',
    'minister for defense', 'defence secretary', 'defense secretary', 'head of the defence ministry', 'head of the defense ministry',
    'defence chief', 'defense chief',
  ],
  'prime-minister': ['prime minister', 'premier', 'pm'],
  president: ['president'],
  'high-representative': [
    'high representative', 'high representative for foreign affairs and security policy', 'hr/vp',
  ],
  'foreign-policy-chief': ['foreign policy chief', 'foreign affairs chief', 'foreign policy head', 'foreign policy supremo'],
  'top-diplomat': ['top diplomat', 'chief diplomat'],
  'vice-president': ['vice-president', 'vice president'],
  minister: ['minister'],
  'trade-minister': ['trade minister', 'minister of trade', 'economy minister', 'minister of economy'],
  'finance-minister': ['finance minister', 'minister of finance'],
  'chief-cabinet-secretary': ['chief cabinet secretary'],
  ambassador: ['ambassador', 'envoy'],
  commissioner: ['commissioner'],
  chancellor: ['chancellor'],
  'secretary-general': ['secretary-general', 'secretary general'],
  spokesperson: ['spokesperson', 'spokesman', 'spokeswoman'],
};

/** Words before an office that say the office is not held now: such a title never contradicts the registry. */
export const NOT_CURRENT_OFFICE = new Set(['former', 'ex', 'ex-', 'then', 'late', 'future', 'incoming', 'outgoing', 'previous', 'deputy', 'vice', 'acting', 'state']);
