// Runs the offline hallucination check (the shipped scorer, or a candidate model while fitting) over dev-set cases and measures it: per-case response
// scores, then precision/recall/F1 at a threshold and AUROC, per slice (part, split, kind).
import { analyzeAnswer } from '../scorers/hallucination/answer-sentences.js';
import { checkAnswerSupport } from '../scorers/hallucination/answer-support.js';
import { DEFAULT_HALLUCINATION_THRESHOLD } from '../scorers/hallucination/support-model.js';
import { unsupportedContent } from '../scorers/hallucination/unsupported-content.js';
import { auroc, type LabelledScore, type ThresholdMetrics, thresholdMetrics } from './detection-metrics.js';
import type { DevCase } from './hallucination-dev-set.js';

export interface ScoredDevCase {
  case: DevCase;
  /** Response score, P(unsupported) of the least-supported claim; 0 for a decline. */
  score: number;
}

export interface SliceMetrics extends ThresholdMetrics {
  n: number;
  positives: number;
  auroc: number | null;
  /** Mean squared error of the score as a probability (lower is better calibrated and sharper). */
  brier: number;
}

export function scoreDevCases(
  cases: readonly DevCase[],
  model?: Readonly<Record<string, number>>,
): ScoredDevCase[] {
  return cases.map((c) => {
    if (!model) {
      // The shipped scorer itself, so the numbers describe exactly what users run.
      const scores = unsupportedContent({ answer: c.answer, passages: c.passages, question: c.question });
      return { case: c, score: scores.find((s) => s.name === 'hallucination.score')?.value ?? 0 };
    }
    const analysis = analyzeAnswer(c.answer);
    if (analysis.declined || analysis.sentences.length === 0) return { case: c, score: 0 };
    const support = checkAnswerSupport({
      sentences: analysis.sentences,
      passages: c.passages,
      question: c.question,
      model,
    });
    return { case: c, score: support.score };
  });
}

export function measureSlice(
  scored: readonly ScoredDevCase[],
  threshold = DEFAULT_HALLUCINATION_THRESHOLD,
): SliceMetrics {
  const items: LabelledScore[] = scored.map((s) => ({ positive: s.case.hallucinated, score: s.score }));
  return {
    n: items.length,
    positives: items.filter((i) => i.positive).length,
    ...thresholdMetrics(items, threshold),
    auroc: auroc(items),
    brier:
      items.reduce((sum, i) => sum + (i.score - (i.positive ? 1 : 0)) ** 2, 0) / Math.max(1, items.length),
  };
}
