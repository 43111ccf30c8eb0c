// Exact tests against published and hand-computed values.
import { describe, expect, it } from 'vitest';
import {
  binomialCriticalCount,
  binomialUpperTail,
  fisherExactTwoSided,
  poissonLowerTail,
} from './exact-tests.js';

describe('fisherExactTwoSided', () => {
  it("matches R's fisher.test on Fisher's tea-tasting table (p = 0.4857)", () => {
    // matrix(c(3,1,1,3)) → two-sided p = 0.4857 (= 34/70)
    expect(fisherExactTwoSided(3, 4, 1, 4)).toBeCloseTo(34 / 70, 10);
  });
  it('matches a hand computation on an asymmetric table', () => {
    // a=1 of m=10, b=9 of n=10, k=10: P(x) = C(10,x)C(10,10−x)/C(20,10); tables at least as extreme:
    // x ∈ {0,1,9,10} → (1 + 100 + 100 + 1)/184756
    expect(fisherExactTwoSided(1, 10, 9, 10)).toBeCloseTo(202 / 184756, 12);
    expect(fisherExactTwoSided(5, 10, 5, 10)).toBeCloseTo(1, 12);
  });
});

describe('binomial and Poisson tails', () => {
  it('binomialUpperTail', () => {
    expect(binomialUpperTail(1, 30, 0.001)).toBeCloseTo(1 - 0.999 ** 30, 12);
    // P(X ≥ 2 | n=4, p=½) = (6 + 4 + 1)/16
    expect(binomialUpperTail(2, 4, 0.5)).toBeCloseTo(11 / 16, 12);
    expect(binomialUpperTail(0, 5, 0.3)).toBe(1);
  });
  it('binomialCriticalCount gives the smallest k with tail ≤ α and its attained size', () => {
    // n=4, p=½: P(X≥4)=1/16=0.0625 > 0.05 → nothing rejects at α = 0.05
    expect(binomialCriticalCount(4, 0.5, 0.05)).toEqual({ k: 5, size: 0 });
    const c = binomialCriticalCount(30, 0.001, 0.05);
    expect(c.k).toBe(1);
    expect(c.size).toBeCloseTo(1 - 0.999 ** 30, 10);
    const big = binomialCriticalCount(5000, 0.001, 0.05);
    expect(binomialUpperTail(big.k, 5000, 0.001)).toBeLessThanOrEqual(0.05);
    expect(binomialUpperTail(big.k - 1, 5000, 0.001)).toBeGreaterThan(0.05);
  });
  it('poissonLowerTail', () => {
    // A busy window: e^−1000 underflows, yet P(X ≤ 1000 | λ = 1000) is just over a half.
    expect(poissonLowerTail(1000, 1000)).toBeGreaterThan(0.5);
    expect(poissonLowerTail(1000, 1000)).toBeLessThan(0.52);
    expect(poissonLowerTail(0, 3)).toBeCloseTo(Math.exp(-3), 12);
    expect(poissonLowerTail(2, 1)).toBeCloseTo(Math.exp(-1) * 2.5, 12);
  });
});
