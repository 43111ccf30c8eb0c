// The offline hallucination check (see answer-support.ts): each answer sentence is split into
// claims and each claim aligned to the passages given to the model, which yields a calibrated
// P(unsupported) per claim, per sentence and per response. Three scores:
// - hallucination.score: the response's P(unsupported) (its least-supported claim, calibrated for
//   the answer's length), 0..1;
// - hallucination.rate: 1 when that score reaches the threshold (DEFAULT_HALLUCINATION_THRESHOLD, 0.24 since revision 13, 0.26 in 12, 0.23 in revisions 10 and 11), so the suite
//   mean is the share of answers the check flags;
// - groundedness: the share of the answer's sentences scoring below the threshold, or below
//   CUE_THRESHOLD when the threshold is lower (since revision 13 the default flags short answers
//   on which no cue fires, which says nothing of their sentences' grounding). At or above that
//   step a cue fired; a weak cue in a sentence of several claims can stay under it.
// It is a lexical check with measured error rates (docs/metrics.md), not ground truth.
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import { type ClaimResult, checkAnswerSupport } from './answer-support.js';
import { CHECK_VERSION, CUE_THRESHOLD, DEFAULT_HALLUCINATION_THRESHOLD } from './support-model.js';
import { prepareSupportCheck, type SupportScoringInput } from './support-setup.js';

export type { SupportScoringInput } from './support-setup.js';

/** Why a sentence looks unsupported, most specific first. */
export type HallucinationReason =
  | 'unknown-number'
  | 'unit-mismatch'
  | 'unknown-source'
  | 'unknown-name'
  | 'negation-mismatch'
  | 'overgeneralised'
  | 'misplaced-number'
  | 'misplaced-name'
  | 'dropped-condition'
  | 'low-coverage';

export interface UnsupportedSentence {
  sentence: string;
  /** P(unsupported) of the sentence's least-supported claim. */
  score: number;
  reason: HallucinationReason;
  /** The claim that scored lowest, when the sentence was split. */
  claim?: string;
  /** The best-supporting context sentence found for that claim. */
  evidence?: string;
  unknown?: string[];
}

export interface HallucinationScoringInput extends SupportScoringInput {
  question?: string;
  /** P(unsupported) at or above which a sentence/response is flagged (default DEFAULT_HALLUCINATION_THRESHOLD, 0.24 since revision 13). */
  hallucinationThreshold?: number;
}

const NAMES = ['hallucination.rate', 'hallucination.score', 'groundedness'] as const;

export function reasonOf(claim: ClaimResult): HallucinationReason {
  const f = claim.features;
  if (f.numberMissing || f.numberDerivedFar || f.numberDerivedTwoSteps) return 'unknown-number';
  if (f.unitMismatch) return 'unit-mismatch';
  if (f.sourceAdded) return 'unknown-source';
  if (f.nameMissing) return 'unknown-name';
  if (f.negationMismatch || f.negationFlipped) return 'negation-mismatch';
  if (f.quantifierAdded || f.quantifierDropped) return 'overgeneralised';
  if ((f.numberElsewhere && !f.numbersAligned) || f.numberSwapped || f.numberMoved) return 'misplaced-number';
  if (f.nameElsewhere || f.rolesSwapped) return 'misplaced-name';
  if (f.conditionDropped || f.limitDropped) return 'dropped-condition';
  return 'low-coverage';
}

export function unsupportedContent(input: HallucinationScoringInput): Score[] {
  const support = supportOf(input);
  if ('skip' in support) return NAMES.map((name) => notApplicable(name, support.skip));
  const threshold = input.hallucinationThreshold ?? DEFAULT_HALLUCINATION_THRESHOLD;
  // Every sentence spoke of the documents ("There's nothing here about parking"): like a decline.
  if (support.sentences.length === 0)
    return NAMES.map((name) => notApplicable(name, 'every sentence is about what the documents say'));
  const flagged = support.score >= threshold;
  const unsupported: UnsupportedSentence[] = [];
  // A flagged response names its flagged sentences; the worst one when none reaches the threshold
  // on its own (the response and sentence scores are calibrated separately).
  const worstSentence = support.sentences.reduce((a, b) => (b.score > a.score ? b : a));
  for (const sentence of support.sentences) {
    if (sentence.score < threshold && !(flagged && sentence === worstSentence)) continue;
    const worst = sentence.claims.reduce((a, b) => (b.score > a.score ? b : a));
    unsupported.push({
      sentence: sentence.sentence,
      score: round(sentence.score),
      reason: reasonOf(worst),
      ...(sentence.claims.length > 1 ? { claim: worst.claim } : {}),
      ...(worst.evidence ? { evidence: worst.evidence } : {}),
      ...(worst.unknown.length > 0 ? { unknown: worst.unknown } : {}),
    });
  }
  const checked = support.sentences.length;
  const groundedBelow = Math.max(threshold, CUE_THRESHOLD);
  const supported = support.sentences.filter((s) => s.score < groundedBelow).length;
  const sentenceScores = support.sentences.map((s) => round(s.score));
  return [
    {
      name: 'hallucination.rate',
      value: flagged ? 1 : 0,
      ...(flagged
        ? {
            reason: describe(unsupported[0], unsupported.length, checked),
            details: { unsupported, checked, threshold },
          }
        : {}),
    },
    {
      name: 'hallucination.score',
      value: round(support.score),
      details: { sentenceScores, threshold, check: CHECK_VERSION },
    },
    {
      name: 'groundedness',
      value: supported / checked,
      // Claims (not sentences) about the documents were not checked: say how many.
      details: {
        supported,
        checked,
        threshold: groundedBelow,
        ...(support.aboutDocuments > 0 ? { aboutDocuments: support.aboutDocuments } : {}),
      },
    },
  ];
}

/**
 * The answer sentences scoring at or above `step` (raw scores, as groundedness compares them), for
 * a report that marks them: the same check as unsupportedContent, whatever the response scored.
 */
export function sentencesAtOrAbove(input: HallucinationScoringInput, step: number): string[] {
  const support = supportOf(input);
  if ('skip' in support) return [];
  return support.sentences.filter((s) => s.score >= step).map((s) => s.sentence);
}

/** The answer's sentences checked against the passages, or why the answer is not checked. */
function supportOf(
  input: HallucinationScoringInput,
): ReturnType<typeof checkAnswerSupport> | { skip: string } {
  const setup = prepareSupportCheck(input);
  if ('skip' in setup) return setup;
  return checkAnswerSupport({
    sentences: setup.analysis.sentences,
    passages: input.passages ?? [],
    question: input.question,
  });
}

function describe(first: UnsupportedSentence, count: number, checked: number): string {
  const what = first.unknown ? ` (${first.reason}: ${first.unknown.join(', ')})` : ` (${first.reason})`;
  return `offline check: ${count} of ${checked} sentences flagged for review, e.g. "${first.sentence}"${what}`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
