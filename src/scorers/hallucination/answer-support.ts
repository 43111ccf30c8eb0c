// The offline hallucination check for one answer: every checkable sentence is decomposed into
// claims, each claim is aligned to the context and given P(unsupported) by the calibrated model;
// a sentence and the response score their least-supported claim, calibrated for how many claims
// they hold (support-model.ts).
import { contentTerms } from '../../text/analyze.js';
import type { ScoringPassage } from '../scoring-input.js';
import type { AnswerSentence } from './answer-sentences.js';
import { analyzeClaim, extractNumberMentions, type NumberMention } from './claim-facts.js';
import { alignClaim, type ClaimFeatures, NO_QUESTION, type QuestionFacts } from './claim-check.js';
import { splitClaims } from './claim-split.js';
import { contextIndexFor } from './context-clauses.js';
import {
  contextStatementKind,
  isExemptContextStatement,
  isReferral,
  summaryItems,
} from './context-statements.js';
import { splitSegments } from './negation-scope.js';
import { findDates } from './number-reasoning.js';
import {
  RESPONSE_CALIBRATION,
  type ResponseCalibration,
  responseProbability,
  SUPPORT_MODEL,
  unsupportedProbability,
} from './support-model.js';

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
  /** P(unsupported) of the sentence: its least-supported claim, calibrated for its claim count. */
  score: number;
  claims: ClaimResult[];
}

export interface AnswerSupport {
  /** The response score: its least-supported claim, calibrated for the answer's claim count. */
  score: number;
  sentences: SentenceResult[];
  /** Claims skipped as statements about the documents ("the details don't say whether …"). */
  aboutDocuments: number;
}

export interface AnswerSupportOptions {
  sentences: readonly AnswerSentence[];
  passages: readonly ScoringPassage[];
  question?: string;
  model?: Readonly<Record<string, number>>;
  calibration?: ResponseCalibration;
}

// A claim whose subject is a pronoun ("It gives …", "Yes, they're open …").
const LEADING_PRONOUN =
  /^(?:(?:yes|no|and|but|so|also)\b[,\s]*)?(?:it|they|he|she|this|that)(?:['’](?:s|re|ll|d))?\b/i;

export function checkAnswerSupport(options: AnswerSupportOptions): AnswerSupport {
  const index = contextIndexFor(options.passages);
  const question: QuestionFacts = options.question
    ? {
        terms: new Set(contentTerms(options.question)),
        numbers: extractNumberMentions(options.question),
        dates: findDates(options.question),
        text: options.question,
      }
    : NO_QUESTION;
  const model = options.model ?? SUPPORT_MODEL;
  const calibration = options.calibration ?? RESPONSE_CALIBRATION;
  const perSentence = options.sentences.map((s) => extractNumberMentions(s.text));
  const answerText = options.sentences.map((s) => s.text).join(' ');
  let aboutDocuments = 0;
  // Once the answer says what the documents don't cover, "they only say …" means the documents.
  let afterAbsence = false;
  // Once an absence statement was itself exempt (the context truly does not cover the topic).
  let refused = false;
  // The names the last claim that named something named: what a following "It …" stands for.
  let lastNames: readonly string[] = [];
  // The amounts earlier claims worked out, in the answer's order: the next step's operands.
  const workedEarlier: NumberMention[] = [];
  const scored = options.sentences.map((sentence, at): SentenceResult | undefined => {
    const sentenceNumbers = perSentence[at];
    const answerNumbers = perSentence.flatMap((numbers, i) => (i === at ? [] : numbers));
    const claims: ClaimResult[] = [];
    const pieces = splitClaims(sentence.text).flatMap((claim) => {
      const items = summaryItems(claim, afterAbsence);
      if (contextStatementKind(claim) === 'absence') afterAbsence = true;
      return items ?? [claim];
    });
    const piecesFacts = pieces.map((claim) => analyzeClaim(claim));
    // A referral is advice only in a sentence that says nothing else: "Contact the Harbourview
    // Office; they offer free overnight parking" is checked whole, the party with the fact.
    let adviceOnly: boolean | undefined;
    const saysOnlyAdvice = () =>
      (adviceOnly ??= pieces.every(
        (claim, i) => contextStatementKind(claim) !== undefined || isReferral(claim, piecesFacts[i]),
      ));
    for (const [i, claim] of pieces.entries()) {
      const facts = piecesFacts[i];
      // "The details don't say whether …": a statement about the documents, not the world.
      const exempt = isExemptContextStatement(claim, facts, index);
      // A referral is the refusal's advice only after a true absence statement (a false refusal,
      // one whose topic the context states, is checked, and so is what follows it).
      if (exempt && contextStatementKind(claim) === 'absence') refused = true;
      if (exempt || (refused && isReferral(claim, facts) && saysOnlyAdvice())) {
        aboutDocuments++;
        continue;
      }
      const others = sentenceNumbers.filter((n) => !facts.numbers.some((m) => m.value === n.value));
      const alignment = alignClaim(
        index,
        facts,
        splitSegments(claim),
        question,
        claim,
        others,
        answerNumbers,
        answerText,
        facts.names.length === 0 && LEADING_PRONOUN.test(claim) ? lastNames : [],
        workedEarlier,
      );
      const { workedOut, ...aligned } = alignment;
      workedEarlier.push(...workedOut);
      if (facts.names.length > 0) lastNames = facts.names;
      claims.push({ claim, score: unsupportedProbability(aligned.features, model), ...aligned });
    }
    if (claims.length === 0) return undefined;
    const worst = Math.max(...claims.map((c) => c.score));
    return { sentence: sentence.text, score: responseProbability(worst, claims.length, calibration), claims };
  });
  const sentences = scored.filter((s): s is SentenceResult => s !== undefined);
  const all = sentences.flatMap((s) => s.claims);
  if (all.length === 0) return { score: 0, sentences, aboutDocuments };
  const worst = Math.max(...all.map((c) => c.score));
  return { score: responseProbability(worst, all.length, calibration), sentences, aboutDocuments };
}
