// Label-free macro-F1: a seeded simulation with hidden labels and input-only drift. Four
// classes; an input's class and a confidence are drawn, the classifier is right with
// probability c^1.3 and, when wrong, picks the next class (so π is fixed); drift changes the
// class mix and the confidence distribution of the inputs, never P(correct | c) or π.
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng.js';
import { classificationReport } from '../scorers/classification/classification-report.js';
import { estimateMacroF1, type EvalPrediction } from './label-free-f1.js';

const LABELS = ['a', 'b', 'c', 'd'];

function draw(rng: Rng, n: number, mix: number[], betaA: number): EvalPrediction[] {
  const out: EvalPrediction[] = [];
  for (let i = 0; i < n; i++) {
    let u = rng.next();
    let k = 0;
    while (k < 3 && (u -= mix[k]) >= 0) k++;
    const gold = LABELS[k];
    // confidence 0.6 + 0.4 · Beta(betaA, 2) via order statistics
    const us = Array.from({ length: betaA + 1 }, () => rng.next()).sort((x, y) => x - y);
    const c = 0.6 + 0.4 * us[betaA - 1];
    const right = rng.next() < c ** 1.3;
    out.push({ gold, predicted: right ? gold : LABELS[(k + 1) % 4], confidence: c });
  }
  return out;
}

describe('label-free macro-F1 under input-only drift (seeded simulation)', () => {
  it('mean |estimate − truth| ≤ 0.03 and 95 % interval coverage ≥ 90 % at n = 500, 300 calibration cases', () => {
    const rng = createRng(2030);
    const trials = 150;
    let err = 0;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const evalSet = draw(rng, 300, [0.25, 0.25, 0.25, 0.25], 4);
      const window =
        t % 2 ? draw(rng, 500, [0.4, 0.3, 0.2, 0.1], 3) : draw(rng, 500, [0.1, 0.2, 0.3, 0.4], 5);
      const truth = classificationReport({ items: window, labels: LABELS }).macroF1!;
      const est = estimateMacroF1({
        evalSet,
        window,
        labels: LABELS,
        rng: rng.fork(`t${t}`),
        replicates: 200,
      });
      err += Math.abs(est.estimate - truth);
      if (truth >= est.low && truth <= est.high) covered++;
    }
    expect(err / trials).toBeLessThanOrEqual(0.03);
    expect(covered / trials).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
