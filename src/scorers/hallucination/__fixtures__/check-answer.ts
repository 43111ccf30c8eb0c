// The revision tests' view of one answer: its claims, the features any claim sets, what the
// context does not back, and the response score. Features and parts do not depend on the fitted
// coefficients; the score does.
import type { ScoringPassage } from '../../scoring-input.js';
import { analyzeAnswer } from '../answer-sentences.js';
import { checkAnswerSupport } from '../answer-support.js';
import type { ClaimFeatures } from '../claim-check.js';

export const passages = (...texts: string[]): ScoringPassage[] =>
  texts.map((text, i) => ({ id: `p${i}`, docId: 'doc', text }));

export function check(answer: string, context: ScoringPassage[], question?: string) {
  const support = checkAnswerSupport({
    sentences: analyzeAnswer(answer).sentences,
    passages: context,
    question,
  });
  const claims = support.sentences.flatMap((s) => s.claims);
  const on = new Set<keyof ClaimFeatures>();
  for (const c of claims)
    for (const [k, v] of Object.entries(c.features)) if (v === 1) on.add(k as keyof ClaimFeatures);
  return {
    on,
    unknown: claims.flatMap((c) => c.unknown),
    claims: claims.map((c) => c.claim),
    score: support.score,
  };
}
