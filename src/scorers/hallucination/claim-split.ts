// Decomposes an answer sentence into claims, so "X costs $12, and refunds take 30 days" is
// checked as two facts (each must find its own support) rather than one blended bag of words.
// Rule-based: split at semicolons, dashes and clause-joining conjunctions, then merge back any
// piece too small to state a fact ("and so on") into its neighbour.
import { contentTerms } from '../../text/analyze.js';

// ", and" / ", but" / ", so" / "while" / "whereas" always join clauses here; a bare "and" does only
// when a verb or subject follows it ("…three weeks and can be renewed twice"). ", which" does
// unless it follows a name ("route 12, which runs to the hospital", "the Marsh Lane depot, which
// takes sofas"): that clause says what the named thing does, so it is checked with its name.
const CLAUSE_BREAK =
  /(\s*;\s*|\s+[—–]\s+|,\s+(?:and|but|so|while|whereas|although|though|which)\s+|\s+(?:while|whereas|but)\s+|\s+and\s+(?=(?:can|cannot|can't|will|won't|is|isn't|are|aren't|was|were|must|should|may|might|does|doesn't|do|don't|has|have|it|they|you|we|he|she|there|then|also|only|never|not)\b))/giu;

// A piece ending in a name, or a name and one word: "route 12", "the Marsh Lane depot" (case-sensitive).
const NAMED_END = /(?:\b\p{Lu}[\p{L}\d'’-]*|\b\p{L}+\s+\d+\p{L}?)(?:\s+\p{Ll}+)?$/u;

/** At least two content terms, or one with a number: enough to state something checkable. */
function isClaimSized(text: string): boolean {
  const terms = contentTerms(text);
  return terms.length >= 2 || (terms.length === 1 && /\d/.test(text));
}

export function splitClaims(sentence: string): string[] {
  // The capture group keeps each break in the result: [piece, break, piece, …], so a piece
  // merged back into its neighbour keeps its conjunction.
  const parts = sentence.split(CLAUSE_BREAK);
  const claims: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const piece = parts[i]?.trim();
    if (!piece) continue;
    const joinsName =
      /^,\s+which\s+$/i.test(parts[i - 1] ?? '') && NAMED_END.test(claims[claims.length - 1] ?? '');
    if (claims.length > 0 && (joinsName || !isClaimSized(piece)))
      claims[claims.length - 1] += `${parts[i - 1]}${piece}`;
    else claims.push(piece);
  }
  // A too-small first piece ("No —", "Unfortunately not:") joins the next one instead, with the
  // break between them, so a leading answer word stays recognisable as one.
  if (claims.length > 1 && !isClaimSized(claims[0])) {
    const at = sentence.indexOf(claims[1], sentence.indexOf(claims[0]) + claims[0].length);
    const gap = at >= 0 ? sentence.slice(sentence.indexOf(claims[0]) + claims[0].length, at) : ' ';
    claims.splice(0, 2, `${claims[0]}${gap.trim() ? ` ${gap.trim()} ` : ' '}${claims[1]}`);
  }
  return claims.length > 0 ? claims : [sentence];
}
