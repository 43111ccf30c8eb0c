// The first steps both support scorers (unsupported content, citations) share: decide whether
// they apply, split the answer into checkable sentences, and index the passages.
import type { ScoringPassage } from '../scoring-input.js';
import { analyzeAnswer, type AnswerAnalysis } from './answer-sentences.js';
import { DEFAULT_SUPPORT_THRESHOLD } from './sentence-support.js';
import { supportIndexFor, type SupportIndex } from './support-index.js';

export interface SupportScoringInput {
  answer: string | null;
  passages?: readonly ScoringPassage[];
  threshold?: number;
  declinePhrases?: readonly string[];
  /** An application's own citation list (context ids), scored when the answer has no markers. */
  citedIds?: readonly string[];
}

export interface SupportSetup {
  analysis: AnswerAnalysis;
  index: SupportIndex;
  threshold: number;
}

/** The setup, or why the support scorers do not apply to this case. */
export function prepareSupportCheck(input: SupportScoringInput): SupportSetup | { skip: string } {
  if (input.answer === null) return { skip: 'no output (provider failed)' };
  if (!input.passages || input.passages.length === 0) return { skip: 'no passages given to the model' };
  const analysis = analyzeAnswer(input.answer, input.declinePhrases);
  if (analysis.declined) return { skip: 'the model declined' };
  if (analysis.sentences.length === 0) return { skip: 'no checkable sentences' };
  return {
    analysis,
    index: supportIndexFor(input.passages),
    threshold: input.threshold ?? DEFAULT_SUPPORT_THRESHOLD,
  };
}
