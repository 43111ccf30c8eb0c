// Two small, general-English word lists that let the lexical alignment tolerate paraphrase.
// GENERIC: very common verbs, adverbs and adjectives that carry little of a claim's content
// ("just", "get", "really"); they count for less when a claim's words are looked for in the
// context. SYNONYMS: groups of everyday near-synonyms and unit spellings mapped to one form, so
// "costs" matches "price" and "km" matches "kilometres". Both lists are generic by design: they
// were written from ordinary English usage, not from the dev set's answers.
import { stem } from '../../text/analyze.js';

const GENERIC_WORDS = `
able actually also always anyway around back basically best better certainly come comes coming
definitely do done easily enough especially even ever every exactly extra fine first following
general generally get gets getting give given gives go goes going good got great however instead
just keep kind know let lets like likely little long look lot make makes making many may maybe
might mostly much must need needs new next normally note often ok okay one ones overall part
particular perhaps place please possible pretty probably put quite rather really right roughly
say see seem simply since so something sometimes soon still sure take takes thing things think
though time together typically unfortunately usual usually via want way well whole within yes
approximately about around nearly almost specific specifically directly currently simply also
fall falls band range bracket means mean total altogether work works comes count counts apply
applies treat treated qualify qualifies case cases option options worth best
whether mention mentioned confirm confirmed tell check ask depend depends figure list listed
`;

const SYNONYM_GROUPS = [
  ['cost', 'price', 'charge', 'fee', 'pay'],
  ['free', 'complimentary'],
  ['select', 'choose', 'pick', 'click', 'tap'],
  ['get', 'receive', 'obtain'],
  ['start', 'begin'],
  ['finish', 'end', 'complete'],
  ['buy', 'purchase'],
  ['need', 'require', 'must'],
  ['allow', 'permit', 'let'],
  ['show', 'display'],
  ['use', 'utilize', 'utilise'],
  ['large', 'big'],
  ['small', 'little'],
  ['fast', 'quick'],
  ['delete', 'remove', 'erase'],
  ['create', 'make'],
  ['help', 'assist'],
  ['contact', 'reach'],
  ['send', 'email'],
  ['phone', 'telephone'],
  ['shop', 'store'],
  ['child', 'children', 'kid', 'kids'],
  ['bike', 'bicycle'],
  ['journey', 'ride', 'trip'],
  ['doctor', 'physician', 'gp'],
  ['tall', 'high', 'height'],
  ['run', 'flow', 'operate'],
  ['leave', 'depart'],
  ['weigh', 'weight', 'heavy'],
  ['buy', 'bought'],
  ['annual', 'annually', 'yearly'],
  ['pass', 'clear', 'resolve', 'disappear'],
  ['recommend', 'advise', 'suggest'],
  ['eat', 'food'],
  ['permission', 'consent', 'approval'],
  ['maximum', 'max'],
  ['kilometre', 'kilometer', 'km'],
  ['metre', 'meter'],
  ['kilogram', 'kg', 'kilo', 'kilos'],
  ['milligram', 'mg'],
  ['gram', 'g'],
  ['litre', 'liter', 'l'],
  ['millilitre', 'milliliter', 'ml'],
  ['microgram', 'mcg', 'µg'],
  ['hour', 'hr', 'hrs'],
  ['minute', 'min', 'mins'],
  ['second', 'sec', 'secs'],
  ['percent', 'percentage', '%'],
  // "30 degrees" for "30°C": the everyday spelling of the usual scale.
  ['°c', 'degree', 'celsius', 'centigrade'],
];

// Connectives, approximators and comparison words: they frame or relate a claim's facts
// ("roughly", "plus", "versus", "altogether", "instead") and state none themselves, so their
// absence from the context is never evidence against the claim.
const DISCOURSE_WORDS = `
about above altogether approximately around almost already also anyway besides compared
even example first fine however instance instead just least like likewise meanwhile nearly otherwise
overall per plus rather roughly since still therefore though thus together total totally unlike
versus vs whereas yet approx essentially effectively simply
`;

export const DISCOURSE_TERMS: ReadonlySet<string> = new Set(
  DISCOURSE_WORDS.split(/\s+/)
    .filter(Boolean)
    .map((w) => stem(w)),
);

export const GENERIC_TERMS: ReadonlySet<string> = new Set(
  GENERIC_WORDS.split(/\s+/)
    .filter(Boolean)
    .map((w) => stem(w)),
);

const CANONICAL = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const head = stem(group[0]);
  for (const word of group) CANONICAL.set(stem(word), head);
}

/** The group's first word (stemmed) for a stemmed word in a synonym group; else the word. */
export function canonicalTerm(term: string): string {
  return CANONICAL.get(term) ?? term;
}
