// Each effect size against values computed by hand (and, for KS and W1, against the published
// definitions on small samples whose ECDFs can be drawn on paper).
import { describe, expect, it } from 'vitest';
import {
  binCounts,
  chiSquare,
  jensenShannon,
  kl,
  ksStatistic,
  psi,
  quantileEdges,
  smoothedShares,
  wasserstein1,
} from './effect-sizes.js';

describe('share-based effect sizes', () => {
  const p = [0.5, 0.5];
  const q = [0.9, 0.1];
  it('PSI = Σ (q − p) ln(q/p)', () => {
    // 0.4·ln(1.8) + (−0.4)·ln(0.2) = 0.4·0.587787 + 0.4·1.609438 = 0.878890
    expect(psi(p, q)).toBeCloseTo(0.87889, 5);
    expect(psi(p, p)).toBe(0);
  });
  it('KL(q‖p) = Σ q ln(q/p)', () => {
    // 0.9·ln(1.8) + 0.1·ln(0.2) = 0.529008 − 0.160944 = 0.368064
    expect(kl(q, p)).toBeCloseTo(0.368064, 5);
    expect(kl([1, 0], [0.5, 0.5])).toBeCloseTo(Math.log(2), 10);
  });
  it('Jensen–Shannon: ½KL(p‖m) + ½KL(q‖m), bounded by ln 2', () => {
    // m = [0.7, 0.3]; KL(p‖m) = 0.5 ln(5/7) + 0.5 ln(5/3) = 0.087177; KL(q‖m) = 0.9 ln(9/7) + 0.1 ln(1/3) = 0.116327
    expect(jensenShannon(p, q)).toBeCloseTo((0.087177 + 0.116327) / 2, 5);
    expect(jensenShannon([1, 0], [0, 1])).toBeCloseTo(Math.log(2), 10);
  });
  it('chi-square of a 2×2 table', () => {
    // [[30, 70], [50, 50]]: E = [[40, 60], [40, 60]]; 100/40 + 100/60 + 100/40 + 100/60 = 8.333333
    expect(chiSquare([30, 70], [50, 50])).toBeCloseTo(8.333333, 5);
    expect(chiSquare([10, 0, 5], [20, 0, 10])).toBeCloseTo(0, 12);
  });
});

describe('ECDF effect sizes', () => {
  it('KS: the largest vertical gap between the ECDFs', () => {
    // a = {1,2,3}, b = {2,3,4,5}: at x=1 gap 1/3; x=2: 2/3 − 1/4 = 5/12; x=3: 1 − 1/2 = 1/2
    expect(ksStatistic([1, 2, 3], [2, 3, 4, 5])).toBeCloseTo(0.5, 12);
    expect(ksStatistic([1, 2, 3], [3, 1, 2])).toBe(0);
  });
  it('Wasserstein-1: the area between the ECDFs (a pure shift moves it by the shift)', () => {
    // a = {0,1}, b = {0.5, 1.5}: |F_a − F_b| is ½ on [0, 0.5), 0 on [0.5, 1), ½ on [1, 1.5) → 0.25 + 0 + 0.25
    expect(wasserstein1([0, 1], [0.5, 1.5])).toBeCloseTo(0.5, 12);
    expect(
      wasserstein1(
        [1, 2, 3],
        [1, 2, 3].map((x) => x + 2),
      ),
    ).toBeCloseTo(2, 12);
    // Unequal sizes: a = {0}, b = {0, 2}: F_a − F_b = ½ on [0, 2) → 1
    expect(wasserstein1([0], [0, 2])).toBeCloseTo(1, 12);
  });
});

describe('binning', () => {
  it('decile edges of the reference, bins [e_{i−1}, e_i), smoothed shares', () => {
    const ref = Array.from({ length: 100 }, (_, i) => i);
    expect(quantileEdges(ref)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(binCounts([-5, 0, 9.99, 10, 95, 1000], quantileEdges(ref))).toEqual([
      3, 1, 0, 0, 0, 0, 0, 0, 0, 2,
    ]);
    expect(quantileEdges([1, 1, 1, 2])).toEqual([1, 2]);
    expect(smoothedShares([3, 0, 1])).toEqual([3.5 / 5.5, 0.5 / 5.5, 1.5 / 5.5]);
  });
});
