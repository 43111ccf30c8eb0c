// Who did what to whom: the claim names two parties the context sentence also names, in the
// opposite order ("Beta Labs acquired Acme Corp" for "Acme Corp acquired Beta Labs", "the landlord
// must give the tenant notice" for "the tenant must give the landlord notice"). Parties are
// capitalised names and the everyday role nouns of contracts and transactions. A passive between
// the two on one side only ("… was acquired by …", "… came from a penalty by …") reverses the
// order legitimately, and so does a pair joined by "and" or a comma (a list carries no role).
// A swap needs the same verb between the two parties on both sides: a converse verb reverses the
// order truthfully ("Lakeside lost to Riverton" for "Riverton beat Lakeside", "Nova Labs became
// part of Helix Bio" for "Helix Bio acquired Nova Labs"), and no list of converses is complete.
import { stem } from '../../text/analyze.js';
import { isStopword } from '../../text/stopwords.js';
import { words } from '../../text/tokenize.js';
import { DAYS } from './day-names.js';
import { MONTHS } from './number-reasoning.js';

const ENTITY = /\p{Lu}[\p{L}\d'’&-]*(?:\s+\p{Lu}[\p{L}\d'’&-]*)*/gu;
// Capitalised words that name a date, not an actor.
const CALENDAR: ReadonlySet<string> = new Set([...DAYS, ...MONTHS]);
const PASSIVE = /\b(?:by|from)\b/i;
// Role nouns that come in pairs: one party acts on the other.
const ROLE =
  /\b(?:landlord|tenant|buyer|seller|employer|employee|lender|borrower|sender|recipient|customer|supplier|vendor|client|contractor|patient|doctor|host|guest|parent|child|teacher|student|seller|owner|renter|insurer|policyholder)s?\b/giu;
const LIST_JOIN = /^\s*(?:,|and|or|&|with|vs\.?|versus|,\s*and)\s*$/i;

interface Entity {
  name: string;
  start: number;
  end: number;
}

function entitiesOf(text: string): Entity[] {
  const out: Entity[] = [];
  for (const match of text.matchAll(ENTITY)) {
    const parts = match[0].split(/\s+/);
    // A capitalised first word of a sentence ("The", "In") is no part of the name.
    let skipped = 0;
    while (parts.length > 0 && isStopword(parts[0].toLowerCase())) {
      skipped += parts[0].length + 1;
      parts.shift();
    }
    const name = parts
      .map((p) => p.toLowerCase().replace(/['’]s$/, ''))
      .filter((p) => !CALENDAR.has(p))
      .join(' ');
    if (name.length < 2) continue;
    const start = (match.index ?? 0) + skipped;
    out.push({ name, start, end: (match.index ?? 0) + match[0].length });
  }
  for (const match of text.matchAll(ROLE)) {
    const start = match.index ?? 0;
    out.push({ name: match[0].toLowerCase().replace(/s$/, ''), start, end: start + match[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** One entity's words all in the other's ("Acme" and "Acme Corp"). */
function sameEntity(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const longWords = new Set(long.split(' '));
  return short.split(' ').every((w) => longWords.has(w));
}

/** The content words between two parties, stemmed: the verb that relates them. */
function relation(gap: string): Set<string> {
  return new Set(
    words(gap)
      .filter((w) => !isStopword(w) && !/\d/.test(w))
      .map((w) => stem(w)),
  );
}

/** The two entity names whose order the claim reverses, or an empty list. */
export function swappedRoles(claim: string, sentence: string): string[] {
  const ours = entitiesOf(claim);
  const theirs = entitiesOf(sentence);
  const at = (e: Entity) => theirs.find((t) => sameEntity(t.name, e.name));
  for (let i = 0; i < ours.length; i++) {
    for (let j = i + 1; j < ours.length; j++) {
      const [a, b] = [at(ours[i]), at(ours[j])];
      if (!a || !b || a === b || sameEntity(ours[i].name, ours[j].name)) continue;
      if (a.start < b.start) continue;
      const ourGap = claim.slice(ours[i].end, ours[j].start);
      const theirGap = sentence.slice(b.end, a.start);
      if (LIST_JOIN.test(ourGap) || LIST_JOIN.test(theirGap)) continue;
      if (PASSIVE.test(ourGap) !== PASSIVE.test(theirGap)) continue;
      const theirRelation = relation(theirGap);
      if (![...relation(ourGap)].some((w) => theirRelation.has(w))) continue;
      return [ours[i].name, ours[j].name];
    }
  }
  return [];
}
