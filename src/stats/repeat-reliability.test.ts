import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { caseFlipRate, casePassAtK, casePassHatK, repeatReliability } from './repeat-reliability.js';

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
});
