import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import type { CaseResult } from '../run/types.js';
import { summarizeSuite } from './summarize-suite.js';

const LABELS = ['a', 'b', 'c', 'd', 'never'];
const NAMES = [
  'classification.macro_f1',
  'calibration.ece',
  'classification.roc_auc',
  'classification.pr_auc',
];

/** 60 cases over labels a–d ('never' is never gold), scores in quarter steps (many ties). */
function results(): CaseResult[] {
  const rng = createRng(12);
  return Array.from({ length: 60 }, (_, i) => {
    const gold = LABELS[i % 4];
    const probs: Record<string, number> = {};
    for (const l of LABELS) probs[l] = Math.round((rng.next() + (l === gold ? 0.5 : 0)) * 4) / 4;
    if (i % 7 === 3) delete probs.c; // a label left out: it scores 0
    const predicted = Object.keys(probs).reduce((x, y) => (probs[x] >= probs[y] ? x : y));
    const error = i === 13;
    return {
      suite: 's',
      task: 'classify',
      caseId: `c${i}`,
      baseId: `c${i}`,
      provider: 'p',
      repeat: 0,
      promptVersion: null,
      input: '',
      output: predicted,
      label: gold,
      predicted: error ? undefined : predicted,
      confidence: i % 5 === 0 ? undefined : Math.min(1, probs[predicted] / 1.5),
      labelProbabilities: i % 11 === 5 ? undefined : probs,
      costUsd: 0,
      latencyMs: 10 + (i % 9),
      cached: false,
      attempts: 1,
      attribution: error ? 'provider-error' : predicted === gold ? 'pass' : 'wrong-label',
      error: error ? 'boom' : undefined,
      scores: { 'classification.accuracy': predicted === gold ? 1 : 0 },
      tags: [],
    } as CaseResult;
  });
}

function classificationMetrics(rows: CaseResult[], labels: string[]) {
  const summary = summarizeSuite({
    suite: 's',
    task: 'classify',
    provider: 'p',
    model: 'm',
    promptVersion: null,
    labels,
    results: rows,
    resamples: 500,
    confidence: 0.95,
    seed: 3,
  });
  return Object.fromEntries(NAMES.map((name) => [name, summary.metrics[name]]));
}

describe('summarizeClassification intervals', () => {
  it('are those of the per-resample bootstrap they replaced (pinned from commit 2d96e29)', () => {
    // Produced by the previous implementation (one weightedMacro per resample and metric, one
    // walk over the draws per statistic) on the same data: the fast path must not move them.
    expect(classificationMetrics(results(), LABELS)).toEqual({
      'classification.macro_f1': { value: 0.744381, low: 0.643317, high: 0.84378, n: 59, kind: 'statistic' },
      'calibration.ece': { value: 0.177305, low: 0.098485, high: 0.280159, n: 47, kind: 'statistic' },
      'classification.roc_auc': { value: 0.878894, low: 0.833966, high: 0.921167, n: 54, kind: 'statistic' },
      'classification.pr_auc': { value: 0.712221, low: 0.638976, high: 0.802209, n: 54, kind: 'statistic' },
    });
  });

  it('say "not assessed" (null) for AUCs when the only label has every case positive', () => {
    const rows = results().map((r) => ({
      ...r,
      label: 'a',
      labelProbabilities: r.labelProbabilities && { a: r.labelProbabilities.a },
    }));
    const metrics = classificationMetrics(rows, ['a']);
    const notAssessed = { value: null, low: null, high: null, n: 54, kind: 'statistic' };
    expect(metrics['classification.roc_auc']).toEqual(notAssessed);
    // Without a negative every ranking scores AP 1: that is no measurement (it used to say 1).
    expect(metrics['classification.pr_auc']).toEqual(notAssessed);
    expect(metrics['classification.macro_f1'].value).not.toBeNull();
  });

  it('leave the AUCs out when no case has probabilities, and still give macro-F1', () => {
    const rows = results().map((r) => ({ ...r, labelProbabilities: undefined }));
    const metrics = classificationMetrics(rows, LABELS);
    expect(metrics['classification.roc_auc']).toBeUndefined();
    expect(metrics['classification.pr_auc']).toBeUndefined();
    expect(metrics['classification.macro_f1'].value).toBe(0.744381);
  });
});
