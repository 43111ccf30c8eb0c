import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { perCaseMeans, type RepeatValue } from './clustered.js';
import {
  caseFlipRate,
  casePassAtK,
  casePassHatK,
  clusteredDifference,
  clusteredRegression,
  repeatReliability,
} from './repeat-reliability.js';

describe('per-case estimators, by hand', () => {
  it('pass@k = 1 − C(n−c,k)/C(n,k) and pass^k = C(c,k)/C(n,k)', () => {
    // n = 5, c = 2, k = 2: C(3,2)/C(5,2) = 3/10 → pass@2 = 0.7; C(2,2)/C(5,2) = 1/10
    expect(casePassAtK(5, 2, 2)).toBeCloseTo(0.7, 12);
    expect(casePassHatK(5, 2, 2)).toBeCloseTo(0.1, 12);
    expect(casePassAtK(5, 2, 1)).toBeCloseTo(0.4, 12); // pass@1 = c/n
    expect(casePassAtK(5, 0, 5)).toBe(0);
    expect(casePassAtK(5, 1, 5)).toBe(1);
    expect(casePassHatK(5, 4, 5)).toBe(0);
    expect(casePassHatK(5, 5, 5)).toBe(1);
    expect(() => casePassAtK(3, 1, 4)).toThrow(RangeError);
  });
  it('flip rate is the share of disagreeing repeat pairs', () => {
    // 2 passes, 3 fails in 5: disagreeing pairs 2·3 = 6 of C(5,2) = 10
    expect(caseFlipRate(5, 2)).toBeCloseTo(0.6, 12);
    expect(caseFlipRate(5, 5)).toBe(0);
    expect(caseFlipRate(1, 1)).toBeNull();
  });
  it('suite values average the cases', () => {
    const r = repeatReliability([
      { caseId: 'a', passes: 5, runs: 5 },
      { caseId: 'b', passes: 2, runs: 5 },
      { caseId: 'c', passes: 0, runs: 5 },
    ]);
    expect(r).toMatchObject({ cases: 3, k: 5, flakyCases: 1 });
    expect(r?.flipRate).toBeCloseTo(0.6 / 3, 12);
    expect(r?.passAt1).toBeCloseTo((1 + 0.4 + 0) / 3, 12);
    expect(r?.passAtK).toBeCloseTo(2 / 3, 12);
    expect(r?.passHatK).toBeCloseTo(1 / 3, 12);
    expect(repeatReliability([{ caseId: 'a', passes: 1, runs: 1 }])).toBeNull();
  });
});

describe('simulations', () => {
  it('recovers known per-case flip probabilities (500 cases, K = 5) within ±0.02', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 5; trial++) {
      let truth = 0;
      const tallies = Array.from({ length: 500 }, (_, i) => {
        // A judge whose verdict on this case is "pass" with probability q: some cases are
        // rock-solid (q = 0 or 1), others wobble.
        const q = [0, 1, 0.9, 0.1, 0.7, 0.5][i % 6];
        truth += (2 * q * (1 - q)) / 500;
        let passes = 0;
        for (let k = 0; k < 5; k++) if (rng.next() < q) passes++;
        return { caseId: `c${i}`, passes, runs: 5 };
      });
      expect(Math.abs((repeatReliability(tallies)?.flipRate ?? -1) - truth)).toBeLessThanOrEqual(0.02);
    }
  });

  /** One run: N cases × K repeats of a judge whose verdict on case i passes with probability qᵢ. */
  function judgeRun(
    rng: ReturnType<typeof createRng>,
    q: readonly number[],
    K: number,
    shift = 0,
  ): Map<string, number> {
    const rows: RepeatValue[] = [];
    q.forEach((qi, i) => {
      for (let k = 0; k < K; k++) rows.push({ caseId: `c${i}`, value: rng.next() < qi - shift ? 1 : 0 });
    });
    return perCaseMeans(rows);
  }

  it('with judge noise only, the clustered gate fails ≤ 5 % of 2,000 runs; a real 10-point drop fails ≥ 90 %', () => {
    const rng = createRng(11);
    const N = 200;
    const K = 5;
    const q = Array.from({ length: N }, (_, i) => [0.95, 0.8, 0.6, 0.4, 0.2][i % 5]);
    let falseFails = 0;
    let trueFails = 0;
    const sims = 2000;
    for (let s = 0; s < sims; s++) {
      const baseline = judgeRun(rng, q, K);
      const same = clusteredDifference(baseline, judgeRun(rng, q, K));
      if (same && clusteredRegression(same, { maxDrop: 0 })) falseFails++;
      if (s < 200) {
        const worse = clusteredDifference(baseline, judgeRun(rng, q, K, 0.1));
        if (worse && clusteredRegression(worse, { maxDrop: 0 })) trueFails++;
      }
    }
    expect(falseFails / sims).toBeLessThanOrEqual(0.05);
    expect(trueFails / 200).toBeGreaterThanOrEqual(0.9);
  });

  it('counting repeats as cases would not be honest: K copies of the same case mean do not shrink the SE', () => {
    const base = new Map([
      ['a', 0.2],
      ['b', 0.8],
      ['c', 0.5],
    ]);
    const cand = new Map([
      ['a', 0.4],
      ['b', 0.6],
      ['c', 0.5],
    ]);
    // d = 0.2, −0.2, 0 → mean 0, sd 0.2, se 0.2/√3
    const d = clusteredDifference(base, cand);
    expect(d?.difference).toBeCloseTo(0, 12);
    expect(d?.standardError).toBeCloseTo(0.2 / Math.sqrt(3), 12);
    expect(d?.pValue).toBeCloseTo(1, 12);
    expect(clusteredRegression(d!, { maxDrop: 0 })).toBe(false);
    // Lower-is-better metrics fail on a rise, not a drop.
    const up = clusteredDifference(
      base,
      new Map([...base].map(([k, v]) => [k, v + 0.3 + (k === 'a' ? 0.01 : 0)])),
    );
    expect(clusteredRegression(up!, { maxDrop: 0.1, higherIsBetter: false })).toBe(true);
    expect(clusteredRegression(up!, { maxDrop: 0.1 })).toBe(false);
  });
});
