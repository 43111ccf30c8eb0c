import { describe, expect, it } from 'vitest';
import type { ClaimFeatures } from '../scorers/hallucination/claim-check.js';
import { SUPPORT_MODEL } from '../scorers/hallucination/support-model.js';
import {
  type FeaturedCase,
  fitLogistic,
  fitSigned,
  logit,
  responseScore,
  thresholdRule,
} from './fit-support-model.js';
import type { DevCase } from './hallucination-dev-set.js';

describe('fitting the offline check', () => {
  it('fitLogistic finds the maximum-likelihood coefficients (hand-computed)', () => {
    // One binary feature: at x = 0, 3 of 4 positive; at x = 1, 1 of 4. Unpenalised MLE:
    // intercept = logit(0.75) = ln 3, slope = logit(0.25) − logit(0.75) = −2 ln 3.
    const rows = [
      ...[1, 1, 1, 0].map((y) => ({ x: [1, 0], y })),
      ...[1, 0, 0, 0].map((y) => ({ x: [1, 1], y })),
    ];
    const [intercept, slope] = fitLogistic(rows, 0);
    expect(intercept).toBeCloseTo(Math.log(3), 8);
    expect(slope).toBeCloseTo(-2 * Math.log(3), 8);
    // The penalty shrinks the slope, never the intercept's role.
    expect(Math.abs(fitLogistic(rows, 5)[1])).toBeLessThan(Math.abs(slope));
  });

  it('the threshold rule keeps recall ≥ 0.9 on the realistic hallucinations fitted on, at the highest 0.01 step', () => {
    const zero = Object.fromEntries(['uncoveredExcess'].map((k) => [k, 0])) as unknown as ClaimFeatures;
    // Ten realistic hallucinations whose single claim has uncoveredExcess 0.1 … 1.0; a model of
    // slope 1 on it (intercept 0) and the identity calibration score them sigmoid(mass).
    const cases: FeaturedCase[] = Array.from({ length: 10 }, (_, i) => ({
      case: { id: `c${i}`, part: 'realistic', kind: 'x', hallucinated: true } as DevCase,
      claims: [{ ...zero, uncoveredExcess: (i + 1) / 10 }],
    }));
    const fitted = {
      model: { intercept: 0, uncoveredExcess: 1 },
      calibration: { intercept: 0, worstLogit: 1, claimCount: 0 },
    };
    const scores = cases.map((c) => responseScore(c, fitted));
    expect(scores[0]).toBeCloseTo(1 / (1 + Math.exp(-0.1)), 12);
    // 9 of 10 must reach it: the second-lowest score, 0.5498, floors to 0.54.
    expect(thresholdRule(cases, fitted)).toBe(0.54);
    expect(logit(0.5)).toBe(0);
  });
});

describe('fitSigned', () => {
  const FEATURE_NAMES = Object.keys(SUPPORT_MODEL).filter((k) => k !== 'intercept');
  const column = (name: string) => FEATURE_NAMES.indexOf(name) + 1;

  it('holds a weight that comes out with the wrong sign at 0 and refits the rest', () => {
    // uncoveredLocal, which may never lower a score, is made to predict "supported"; numberMissing
    // predicts "unsupported" half the time.
    const rows = Array.from({ length: 400 }, (_, i) => {
      const y = i % 2;
      const x = new Array<number>(FEATURE_NAMES.length + 1).fill(0);
      x[0] = 1;
      x[column('uncoveredLocal')] = y === 0 && i % 3 === 0 ? 1 : 0;
      x[column('numberMissing')] = y === 1 && i % 4 === 1 ? 1 : 0;
      return { x, y };
    });
    expect(fitLogistic(rows)[column('uncoveredLocal')]).toBeLessThan(0);
    const signed = fitSigned(rows);
    expect(signed[column('uncoveredLocal')]).toBe(0);
    expect(signed[column('numberMissing')]).toBeGreaterThan(0);
  });

  it('gives the shipped model weights of the right sign', () => {
    for (const name of [
      'uncoveredLocal',
      'uncoveredGlobal',
      'uncoveredExcess',
      'numberMissing',
      'causeAdded',
    ] as const)
      expect(SUPPORT_MODEL[name]).toBeGreaterThanOrEqual(0);
    for (const name of ['numbersAligned', 'numberDerived', 'numberDerivedFar'] as const)
      expect(SUPPORT_MODEL[name]).toBeLessThanOrEqual(0);
  });
});
