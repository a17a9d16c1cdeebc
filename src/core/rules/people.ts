import type { Finding } from './finding';
import type { SentenceFacts } from './facts';

/** A registry person's name written wrong: "Takeshi Iwai" for Takeshi Iwaya. Family-name-first order is not an error. */
export function checkNames(f: SentenceFacts): Finding[] {
  const findings: Finding[] = [];
  for (const mention of f.people) {
    if (!mention.person || !mention.misspelt) continue;
    const { person, misspelt } = mention;
    findings.push({
      detail: 'name',
      severity: 'hard',
      reason: `The reference names ${person.office} ${person.name}, not "${misspelt.written}".`,
      claimId: person.claim,
    });
  }
  return findings;
}

/** A title that does not fit the registry person it describes: "Defense Minister Iwaya". Titles of people the reference never names are not checked. */
export function checkRoles(f: SentenceFacts): Finding[] {
  const findings: Finding[] = [];
  for (const office of f.offices) {
    const person = office.holder?.person;
    if (!person || office.notCurrent) continue;
    const family = person.family[0] ?? person.name;
    const wrongOffice = !person.offices.includes(office.office);
    const partyCountry = f.k.partyCountry.get(person.party);
    const wrongCountry = office.country !== undefined && partyCountry !== undefined && office.country !== partyCountry;
    if (!wrongOffice && !wrongCountry) f.confirmed.push('role');
    if (wrongOffice || wrongCountry) {
      findings.push({
        detail: 'role',
        severity: 'hard',
        reason: `${family} is ${person.office}, not ${office.written.replace(/^the /i, '')}.`,
        claimId: person.claim,
      });
    }
  }
  return findings;
}
