import schema from '../../../assets/claim-set.schema.json';
import { brokenJson, ClaimSetError, emptyFile, notJson } from '../errors';
import { findJsonSyntaxProblem } from './json-syntax';
import { normalizeWhitespace } from '../text/normalize';
import { checkAgainstSchema, type SchemaNode, type SchemaProblem } from './schema-check';
import type { ClaimSet } from './types';

export interface LoadOptions {
  /** Named in every error message: the file the set came from. */
  file: string;
  /**
   * When given, every claim's passage must occur in it (whitespace normalised).
   * Without it, the set's own `reference` field is used when it has one.
   */
  reference?: string;
}

/**
 * Parse (if given text) and validate a claim set. Throws `ClaimSetError`, whose
 * message names the file and each bad field, so a broken set fails here, at
 * load, never deep inside matching.
 */
export function loadClaimSet(input: unknown, options: LoadOptions): ClaimSet {
  const value = typeof input === 'string' ? parseJson(input, options.file) : input;
  const problems = checkAgainstSchema(value, schema as SchemaNode);
  if (problems.length > 0) throw new ClaimSetError(options.file, problems);
  const set = value as ClaimSet;
  const meaning = checkMeaning(set, options.reference ?? set.reference);
  if (meaning.length > 0) throw new ClaimSetError(options.file, meaning);
  return set;
}

/**
 * The value of a JSON text; throws `ClaimSetError` saying where it breaks
 * (line, column, what was expected), or that it is empty. A byte order mark,
 * which some editors put at the start of a file, is not an error.
 */
export function parseJson(text: string, file: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') throw emptyFile(file);
  try {
    return JSON.parse(body);
  } catch (error) {
    const problem = findJsonSyntaxProblem(body);
    if (!problem) throw notJson(file, error instanceof Error ? error.message : String(error));
    const atStart = problem.offset === body.length - body.trimStart().length;
    throw brokenJson(file, { ...problem, atStart });
  }
}

/** What a schema cannot say: unique ids, ids that point somewhere, passages that are really in the reference. */
function checkMeaning(set: ClaimSet, reference: string | undefined): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const { registry } = set;
  const registryIds = new Map<string, string>();
  const sections = ['parties', 'places', 'people', 'documents', 'events'] as const;
  for (const section of sections) {
    registry[section].forEach((entry, i) => {
      const path = `registry.${section}[${i}].id`;
      const earlier = registryIds.get(entry.id);
      if (earlier) problems.push({ path, message: `duplicates the id "${entry.id}" of ${earlier}` });
      else registryIds.set(entry.id, `registry.${section}[${i}]`);
    });
  }
  const claimIds = new Map<string, number>();
  set.claims.forEach((claim, i) => {
    const earlier = claimIds.get(claim.id);
    if (earlier !== undefined) problems.push({ path: `claims[${i}].id`, message: `duplicates the id "${claim.id}" of claims[${earlier}]` });
    else claimIds.set(claim.id, i);
  });

  const ids = (section: (typeof sections)[number]) => new Set(registry[section].map((e) => e.id));
  const parties = ids('parties');
  const places = ids('places');
  const people = ids('people');
  const expect = (path: string, id: string | undefined, known: Set<string> | Map<string, unknown>, what: string) => {
    if (id !== undefined && !known.has(id)) problems.push({ path, message: `names the unknown ${what} "${id}"` });
  };
  const actorsKnown = new Set([...people, ...parties]);
  const subjectsKnown = new Set([...parties, ...ids('documents')]);

  registry.people.forEach((p, i) => {
    expect(`registry.people[${i}].party`, p.party, parties, 'party');
    expect(`registry.people[${i}].claim`, p.claim, claimIds, 'claim');
  });
  registry.documents.forEach((d, i) => {
    d.parties.forEach((id, j) => expect(`registry.documents[${i}].parties[${j}]`, id, parties, 'party'));
    d.actions.forEach((a, j) => {
      const at = `registry.documents[${i}].actions[${j}]`;
      expect(`${at}.claim`, a.claim, claimIds, 'claim');
      expect(`${at}.place`, a.place, places, 'place');
      a.actors?.forEach((id, k) => expect(`${at}.actors[${k}]`, id, actorsKnown, 'person or party'));
    });
    d.rankings.forEach((r, j) => {
      const at = `registry.documents[${i}].rankings[${j}]`;
      expect(`${at}.claim`, r.claim, claimIds, 'claim');
      expect(`${at}.subject`, r.subject, subjectsKnown, 'party or document');
      expect(`${at}.scope`, r.scope, places, 'place');
    });
  });
  registry.events.forEach((e, i) => {
    const at = `registry.events[${i}]`;
    expect(`${at}.claim`, e.claim, claimIds, 'claim');
    expect(`${at}.place`, e.place, places, 'place');
    e.parties.forEach((id, j) => expect(`${at}.parties[${j}]`, id, parties, 'party'));
    e.participants.forEach((id, j) => expect(`${at}.participants[${j}]`, id, people, 'person'));
  });
  set.claims.forEach((c, i) => c.about.forEach((id, j) => expect(`claims[${i}].about[${j}]`, id, registryIds, 'registry entry')));

  if (reference !== undefined) {
    const text = normalizeWhitespace(reference);
    set.claims.forEach((c, i) => {
      if (!text.includes(normalizeWhitespace(c.passage))) {
        problems.push({ path: `claims[${i}].passage`, message: `of "${c.id}" is not in the reference text` });
      }
    });
  }
  return problems;
}
