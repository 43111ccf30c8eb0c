// The offline hallucination check for one answer: every checkable sentence is decomposed into
// claims, each claim is aligned to the context and given P(unsupported) by the calibrated model;
// a sentence scores its least-supported claim, the response its least-supported sentence.
import { contentTerms } from '../../text/analyze.js';
import type { ScoringPassage } from '../scoring-input.js';
import type { AnswerSentence } from './answer-sentences.js';
import { analyzeClaim, extractNumberMentions } from './claim-facts.js';
import { alignClaim, type ClaimFeatures, NO_QUESTION, type QuestionFacts } from './claim-check.js';
import { splitClaims } from './claim-split.js';
import { contextIndexFor } from './context-clauses.js';
import { splitSegments } from './negation-scope.js';
import { findDates } from './number-reasoning.js';
import { SUPPORT_MODEL, unsupportedProbability } from './support-model.js';

export interface ClaimResult {
  claim: string;
  /** P(unsupported), 0..1. */
  score: number;
  features: ClaimFeatures;
  evidence: string | null;
  unknown: string[];
}

export interface SentenceResult {
  sentence: string;
  score: number;
  claims: ClaimResult[];
}

export interface AnswerSupport {
  /** The response score: the highest sentence score. */
  score: number;
  sentences: SentenceResult[];
}

export interface AnswerSupportOptions {
  sentences: readonly AnswerSentence[];
  passages: readonly ScoringPassage[];
  question?: string;
  model?: Readonly<Record<string, number>>;
}

export function checkAnswerSupport(options: AnswerSupportOptions): AnswerSupport {
  const index = contextIndexFor(options.passages);
  const question: QuestionFacts = options.question
    ? {
        terms: new Set(contentTerms(options.question)),
        numbers: extractNumberMentions(options.question),
        dates: findDates(options.question),
      }
    : NO_QUESTION;
  const model = options.model ?? SUPPORT_MODEL;
  const sentences = options.sentences.map((sentence): SentenceResult => {
    const sentenceNumbers = extractNumberMentions(sentence.text);
    const claims = splitClaims(sentence.text).map((claim): ClaimResult => {
      const facts = analyzeClaim(claim);
      const others = sentenceNumbers.filter((n) => !facts.numbers.some((m) => m.value === n.value));
      const alignment = alignClaim(index, facts, splitSegments(claim), question, claim, others);
      return { claim, score: unsupportedProbability(alignment.features, model), ...alignment };
    });
    return { sentence: sentence.text, score: Math.max(...claims.map((c) => c.score)), claims };
  });
  return { score: Math.max(0, ...sentences.map((s) => s.score)), sentences };
}
