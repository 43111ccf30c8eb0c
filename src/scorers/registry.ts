// The offline scorer families, one typed map: family name → per-case scorer.
import type { Score } from '../core/score.js';
import { answerScores } from './answer/answer-scores.js';
import { classificationAccuracy } from './classification/classification-accuracy.js';
import { citations } from './hallucination/citations.js';
import { unsupportedContent } from './hallucination/unsupported-content.js';
import { mcqAccuracy } from './mcq/mcq-accuracy.js';
import { answerRelevance } from './relevance/answer-relevance.js';
import { contextRelevance } from './relevance/context-relevance.js';
import { retrievalScores } from './retrieval/retrieval-scores.js';
import type { CaseScorer, CaseScoringInput, ScorerFamily } from './scoring-input.js';

function supportInput(input: CaseScoringInput) {
  return {
    answer: input.output,
    passages: input.passages,
    threshold: input.supportThreshold,
    declinePhrases: input.declinePhrases,
    citedIds: input.citedIds,
  };
}

export const SCORERS = {
  answer: answerScores,
  retrieval: retrievalScores,
  hallucination: (input) =>
    unsupportedContent({
      ...supportInput(input),
      question: input.question,
      hallucinationThreshold: input.hallucinationThreshold,
    }),
  citations: (input) => citations(supportInput(input)),
  relevance: (input): Score[] => [answerRelevance(input), contextRelevance(input)],
  classification: classificationAccuracy,
  mcq: mcqAccuracy,
} satisfies Record<ScorerFamily, CaseScorer>;
