// Negation compared where it applies. "If your clock is wrong, codes won't match" negates the
// second half only, so a claim "your clock may be wrong" must not be read as contradicting it:
// both sides are cut at commas, semicolons and dashes, each claim segment is matched to the
// context segment sharing most of its words, and only a matched pair with opposite polarity counts.
import { analyzeClaim } from './claim-facts.js';

export interface Segment {
  terms: ReadonlySet<string>;
  negated: boolean;
}

const BOUNDARY = /[,;:()]|\s[—–-]\s/;

export function splitSegments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const part of text.split(BOUNDARY)) {
    const facts = analyzeClaim(part);
    if (facts.terms.length > 0) out.push({ terms: new Set(facts.terms), negated: facts.negated });
  }
  return out;
}

/** Half the claim segment's terms shared, at least two, or its only term when it has one. */
function matches(claim: Segment, context: Segment): number {
  let shared = 0;
  for (const t of claim.terms) if (context.terms.has(t)) shared++;
  const enough = shared >= Math.min(2, claim.terms.size) && shared / claim.terms.size >= 0.5;
  return enough ? shared : 0;
}

export function negationDisagrees(claim: readonly Segment[], context: readonly Segment[]): boolean {
  for (const segment of claim) {
    let best: Segment | null = null;
    let bestShared = 0;
    for (const candidate of context) {
      const shared = matches(segment, candidate);
      if (shared > bestShared) [best, bestShared] = [candidate, shared];
    }
    if (best && best.negated !== segment.negated) return true;
  }
  return false;
}
