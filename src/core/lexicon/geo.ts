/**
 * Countries and unions with their names, adjectives and main cities, folded.
 * The engine uses it to tell which parties a sentence speaks of (another
 * country's dialogue is another event) and which place it names.
 */
export interface Country {
  id: string;
  names: readonly string[];
  adjectives: readonly string[];
  cities: readonly string[];
}

const c = (id: string, names: string[], adjectives: string[], cities: string[]): Country => ({ id, names, adjectives, cities });

export const COUNTRIES: readonly Country[] = [
  c('eu', ['european union', 'eu', 'e.u.'], ['european', 'eu'], ['brussels', 'strasbourg']),
  c('japan', ['japan'], ['japanese'], ['tokyo', 'osaka', 'kyoto', 'hiroshima', 'nagasaki', 'yokohama', 'nagoya', 'sapporo', 'fukuoka', 'kobe', 'okinawa']),
  c('south-korea', ['south korea', 'republic of korea', 'rok', 'korea'], ['south korean', 'korean'], ['seoul', 'busan', 'incheon']),
  c('north-korea', ['north korea', 'dprk', "democratic people's republic of korea"], ['north korean'], ['pyongyang']),
  c('china', ['china', "people's republic of china", 'prc'], ['chinese'], ['beijing', 'shanghai', 'hong kong', 'guangzhou', 'shenzhen']),
  c('taiwan', ['taiwan'], ['taiwanese'], ['taipei']),
  c('india', ['india'], ['indian'], ['new delhi', 'delhi', 'mumbai']),
  c('australia', ['australia'], ['australian'], ['canberra', 'sydney', 'melbourne']),
  c('new-zealand', ['new zealand'], ['new zealand'], ['wellington', 'auckland']),
  c('philippines', ['philippines'], ['philippine', 'filipino'], ['manila']),
  c('vietnam', ['vietnam', 'viet nam'], ['vietnamese'], ['hanoi', 'ho chi minh city']),
  c('indonesia', ['indonesia'], ['indonesian'], ['jakarta']),
  c('singapore', ['singapore'], ['singaporean'], ['singapore']),
  c('thailand', ['thailand'], ['thai'], ['bangkok']),
  c('malaysia', ['malaysia'], ['malaysian'], ['kuala lumpur']),
  c('mongolia', ['mongolia'], ['mongolian'], ['ulaanbaatar']),
  c('usa', ['united states', 'united states of america', 'us', 'u.s.', 'usa', 'america'], ['american', 'us', 'u.s.'], ['washington', 'new york']),
  c('canada', ['canada'], ['canadian'], ['ottawa', 'toronto', 'montreal', 'vancouver', 'calgary']),
  c('uk', ['united kingdom', 'uk', 'u.k.', 'britain', 'great britain'], ['british'], ['london']),
  c('russia', ['russia', 'russian federation'], ['russian'], ['moscow']),
  c('ukraine', ['ukraine'], ['ukrainian'], ['kyiv', 'kiev']),
  c('norway', ['norway'], ['norwegian'], ['oslo', 'bergen', 'trondheim', 'stavanger', 'tromso']),
  c('moldova', ['moldova'], ['moldovan'], ['chisinau']),
  c('switzerland', ['switzerland'], ['swiss'], ['geneva', 'bern']),
  c('turkey', ['turkey', 'turkiye'], ['turkish'], ['ankara', 'istanbul']),
  c('israel', ['israel'], ['israeli'], ['jerusalem', 'tel aviv']),
  c('lebanon', ['lebanon'], ['lebanese'], ['beirut']),
  c('iran', ['iran'], ['iranian'], ['tehran']),
  c('saudi-arabia', ['saudi arabia'], ['saudi'], ['riyadh']),
  c('egypt', ['egypt'], ['egyptian'], ['cairo']),
  c('brazil', ['brazil'], ['brazilian'], ['brasilia', 'rio de janeiro']),
  c('france', ['france'], ['french'], ['paris']),
  c('germany', ['germany'], ['german'], ['berlin']),
  c('italy', ['italy'], ['italian'], ['rome']),
  c('spain', ['spain'], ['spanish'], ['madrid']),
  c('poland', ['poland'], ['polish'], ['warsaw']),
  c('belgium', ['belgium'], ['belgian'], []),
  c('netherlands', ['netherlands', 'holland'], ['dutch'], ['amsterdam', 'the hague']),
  c('austria', ['austria'], ['austrian'], ['vienna']),
  c('hungary', ['hungary'], ['hungarian'], ['budapest']),
  c('sweden', ['sweden'], ['swedish'], ['stockholm']),
  c('finland', ['finland'], ['finnish'], ['helsinki']),
  c('denmark', ['denmark'], ['danish'], ['copenhagen']),
  c('greece', ['greece'], ['greek'], ['athens']),
  c('portugal', ['portugal'], ['portuguese'], ['lisbon']),
  c('ireland', ['ireland'], ['irish'], ['dublin']),
  c('czechia', ['czech republic', 'czechia'], ['czech'], ['prague']),
  c('romania', ['romania'], ['romanian'], ['bucharest']),
  c('luxembourg', ['luxembourg'], [], ['luxembourg']),
  c('nato', ['nato', 'north atlantic treaty organization'], [], []),
  c('asean', ['asean', 'association of southeast asian nations'], [], []),
  c('un', ['united nations', 'un', 'u.n.'], [], ['new york', 'geneva']),
];
