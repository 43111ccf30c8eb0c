// Negation compared where it applies. "If your clock is wrong, codes won't match" negates the
// second half only, so a claim "your clock may be wrong" must not be read as contradicting it:
// both sides are cut at commas, semicolons and dashes, each claim segment is matched to the
// context segments sharing most of its words, and only when all of those have the opposite polarity does it count.
import { analyzeClaim, type NumberMention } from './claim-facts.js';
import { splitClaims } from './claim-split.js';

export interface Segment {
  terms: ReadonlySet<string>;
  negated: boolean;
  /** The numbers it states, for checking which words each number is bound to. */
  numbers: readonly NumberMention[];
}

// A comma or colon between digits is part of a number ("1,260", "20:15"), not a boundary.
const BOUNDARY = /[;()]|(?<!\d)[,:]|[,:](?!\d)|\s[—–-]\s/;

export function splitSegments(text: string): Segment[] {
  const out: Segment[] = [];
  // Clause breaks first ("… signed out everywhere and can't sign in" is two statements), then
  // punctuation, so a negation is scoped the same way on the answer's side and the context's.
  for (const part of splitClaims(text).flatMap((claim) => claim.split(BOUNDARY))) {
    const facts = analyzeClaim(part);
    if (facts.terms.length > 0)
      out.push({ terms: new Set(facts.terms), negated: facts.negated, numbers: facts.numbers });
  }
  return out;
}

/** Half the claim segment's terms shared, at least two, or its only term when it has one. */
function matches(claim: Segment, context: Segment): number {
  let shared = 0;
  for (const t of claim.terms) if (context.terms.has(t)) shared++;
  const enough = shared >= Math.min(2, claim.terms.size) && shared / claim.terms.size >= 0.5;
  // A context statement the claim contains whole ("you do not need a referral from your GP" inside
  // "you'll need a referral from your GP before you can get physiotherapy") also matches.
  const contained = shared >= 3 && shared / context.terms.size >= 0.75;
  return enough || contained ? shared : 0;
}

/**
 * True when some claim segment's best-matching context segments all have the opposite polarity.
 * Every segment sharing the most words counts: a heading "Deleting your account" must not
 * outvote the sentence "They aren't deleted when you delete your account".
 */
export function negationDisagrees(claim: readonly Segment[], context: readonly Segment[]): boolean {
  for (const segment of claim) {
    let bestShared = 0;
    let agrees = false;
    let disagrees = false;
    for (const candidate of context) {
      const shared = matches(segment, candidate);
      if (shared === 0 || shared < bestShared) continue;
      if (shared > bestShared) [bestShared, agrees, disagrees] = [shared, false, false];
      if (candidate.negated === segment.negated) agrees = true;
      else disagrees = true;
    }
    if (disagrees && !agrees) return true;
  }
  return false;
}
