// The label-free accuracy estimate: a logistic fit checked on data it can recover, and a seeded
// simulation of input-only drift with hidden labels — calibration set of 150 eval cases, windows
// of n = 500 whose confidence distribution has moved — where the estimate must land within 0.03
// of the true window accuracy on average and its 95 % interval must cover it at least 90 % of the time.
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng.js';
import { estimateAccuracy, fitPlatt } from './label-free-accuracy.js';

// The classifier overstates its confidence: P(correct | c) = c^1.3, not c. Confidences are
// 0.6 + 0.4 · Beta(a, b); the eval set has Beta(4, 2) (accuracy about 0.83).
const truth = (c: number) => c ** 1.3;

function beta2(rng: Rng, a: number, b: number): number {
  // Beta(a, b) for small integer a, b via order statistics of uniforms.
  const u = Array.from({ length: a + b - 1 }, () => rng.next()).sort((x, y) => x - y);
  return u[a - 1];
}

function draw(rng: Rng, n: number, a: number, b: number) {
  const confidence: number[] = [];
  const correct: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = 0.6 + 0.4 * beta2(rng, a, b);
    confidence.push(c);
    correct.push(rng.next() < truth(c) ? 1 : 0);
  }
  return { confidence, correct };
}

describe('fitPlatt', () => {
  it('recovers the parameters of a logistic calibration curve', () => {
    const rng = createRng(3);
    const confidence: number[] = [];
    const correct: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const c = 0.05 + 0.9 * rng.next();
      const x = Math.log(c / (1 - c));
      confidence.push(c);
      correct.push(rng.next() < 1 / (1 + Math.exp(-(0.5 + 0.8 * x))) ? 1 : 0);
    }
    const fit = fitPlatt(confidence, correct);
    expect(fit.a).toBeCloseTo(0.5, 1);
    expect(fit.b).toBeCloseTo(0.8, 1);
  });
});

describe('label-free accuracy under input-only drift (seeded simulation)', () => {
  it('mean |estimate − truth| ≤ 0.03 and 95 % interval coverage ≥ 90 % at n = 500 with 150 calibration cases', () => {
    const rng = createRng(2029);
    const trials = 400;
    let absError = 0;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const cal = draw(rng, 150, 4, 2);
      const fit = fitPlatt(cal.confidence, cal.correct);
      // Production window: inputs drifted, so confidences follow Beta(3, 2) (accuracy about 0.80)
      // or Beta(5, 1) (about 0.92) instead. Stronger drifts: docs/monitoring.md.
      const window = t % 2 === 0 ? draw(rng, 500, 3, 2) : draw(rng, 500, 5, 1);
      const accuracy = window.correct.reduce((s, v) => s + v, 0) / window.correct.length;
      const est = estimateAccuracy(fit, window.confidence);
      absError += Math.abs(est.estimate - accuracy);
      if (accuracy >= est.low && accuracy <= est.high) covered++;
    }
    expect(absError / trials).toBeLessThanOrEqual(0.03);
    expect(covered / trials).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('the estimate moves with the drift: lower-confidence traffic is estimated less accurate', () => {
    const rng = createRng(5);
    const cal = draw(rng, 300, 4, 2);
    const fit = fitPlatt(cal.confidence, cal.correct);
    const low = estimateAccuracy(fit, draw(rng, 500, 2, 3).confidence);
    const high = estimateAccuracy(fit, draw(rng, 500, 5, 1).confidence);
    expect(high.estimate - low.estimate).toBeGreaterThan(0.1);
  });
});
