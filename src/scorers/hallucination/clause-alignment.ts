// Which context clauses a claim restates: the clause sharing most of its weighted words (a shared
// number breaks ties), and the runner-up in another sentence, for the window the claim is checked
// against (claim-check.ts).
import type { ClaimFacts } from './claim-facts.js';
import type { ContextIndex } from './context-clauses.js';

const NUMBER_BONUS = 0.5;

/** The best clause and the best one in another sentence (-1 for none); `weights` per claim term. */
export function bestClauses(
  index: ContextIndex,
  claim: ClaimFacts,
  weights: readonly number[],
): { best: number; second: number } {
  let best = -1;
  let bestScore = 0;
  let second = -1;
  let secondScore = 0;
  index.clauses.forEach((clause, i) => {
    let score = 0;
    for (let j = 0; j < claim.terms.length; j++) if (clause.termSet.has(claim.terms[j])) score += weights[j];
    // A shared number breaks ties between sentences on the same topic ("200 items" → the limits
    // sentence), too small to outweigh the words of a sentence about something else.
    for (const n of claim.numbers)
      if (clause.facts.numbers.some((m) => m.value === n.value)) score += NUMBER_BONUS;
    // A tie goes to the clause with fewer words of its own: the one the claim restates most
    // completely ("A password reset never turns off two-step verification" over the longer
    // sentence before it that shares the same words).
    const tighter =
      score > 0 && score === bestScore && best >= 0 && clause.termSet.size < index.clauses[best].termSet.size;
    if (score > bestScore || tighter) {
      if (best >= 0 && index.clauses[best].sentence !== clause.sentence)
        [second, secondScore] = [best, bestScore];
      [best, bestScore] = [i, score];
    } else if (score > secondScore && (best < 0 || index.clauses[best].sentence !== clause.sentence)) {
      [second, secondScore] = [i, score];
    }
  });
  return { best, second };
}
