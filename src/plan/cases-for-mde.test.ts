// The sample size against the closed form and against simulated gates: at the planned number
// of cases, the drop the gate's own rule (observed drop beyond the margin and one-sided p at or
// below the level; McNemar's exact test for pass/fail) catches 80% of the time is found by
// simulation and must sit within 10% of the target.
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { mcnemarOneSided, normalCdf, normalQuantile } from '../stats/index.js';
import { casesForMde } from './cases-for-mde.js';

describe('casesForMde', () => {
  it('matches the closed form ((z₁₋α + z₀.₈)·sd / δ)² without a margin or continuity term', () => {
    const z = normalQuantile(0.95) + normalQuantile(0.8);
    const expected = Math.ceil(((z * 0.5) / 0.05) ** 2); // 618.3… → 619
    expect(expected).toBe(619);
    expect(casesForMde({ sdDiff: 0.5, target: 0.05, margin: 0, level: 0.05, binary: false })).toEqual({
      cases: 619,
      mde: expect.closeTo(0.05, 4),
    });
  });

  it('says when no number of cases is enough, rather than printing one', () => {
    expect(casesForMde({ sdDiff: 0.5, target: 0.02, margin: 0.02, level: 0.05, binary: false })).toEqual({
      cases: null,
      why: 'margin',
    });
    expect(casesForMde({ sdDiff: 0, target: 0.05, margin: 0, level: 0.05, binary: false })).toMatchObject({
      cases: null,
      why: 'no-spread',
    });
    expect(casesForMde({ sdDiff: 1, target: 1e-6, margin: 0, level: 0.01, binary: false })).toMatchObject({
      cases: null,
      why: 'too-many',
    });
    expect(() => casesForMde({ sdDiff: 1, target: 0, margin: 0, level: 0.05, binary: false })).toThrow(
      RangeError,
    );
  });

  it('more spread, a stricter level or a wider margin each need more cases', () => {
    const base = { sdDiff: 0.4, target: 0.05, margin: 0.01, level: 0.01, binary: false };
    const n = casesForMde(base).cases!;
    expect(casesForMde({ ...base, sdDiff: 0.5 }).cases!).toBeGreaterThan(n);
    expect(casesForMde({ ...base, level: 0.001 }).cases!).toBeGreaterThan(n);
    // A margin below the critical value z₁₋α·SE changes nothing; one above it binds.
    expect(casesForMde({ ...base, margin: 0.03 }).cases!).toBe(n);
    expect(casesForMde({ ...base, margin: 0.045 }).cases!).toBeGreaterThan(n);
  });

  it('pass/fail metric: the simulated 80%-power drop at the planned n is within 10% of the target', () => {
    // Baseline pass rate 0.8; two runs of a system disagree as independent draws (what sd·√2
    // assumes). Ten gated comparisons at α = 0.05: level 0.005. Allowed drop 0.02.
    const p = 0.8;
    const level = 0.005;
    const margin = 0.02;
    const target = 0.06;
    const sdDiff = Math.sqrt(p * (1 - p)) * Math.SQRT2;
    const n = casesForMde({ sdDiff, target, margin, level, binary: true }).cases!;
    const trials = 800;
    const rng = createRng(20261206);
    const ub = Float64Array.from({ length: trials * n }, () => rng.next());
    const uc = Float64Array.from({ length: trials * n }, () => rng.next());
    const power = (drop: number): number => {
      let caught = 0;
      for (let t = 0; t < trials; t++) {
        let worse = 0;
        let better = 0;
        for (let i = t * n; i < (t + 1) * n; i++) {
          const b = ub[i] < p;
          const c = uc[i] < p - drop;
          if (b && !c) worse++;
          else if (!b && c) better++;
        }
        if ((worse - better) / n > margin && mcnemarOneSided({ worse, better }).pValue <= level) caught++;
      }
      return caught / trials;
    };
    const simulated = dropWithPower(power, 0.8);
    expect(Math.abs(simulated - target) / target).toBeLessThan(0.1);
  });

  it('continuous metric: the simulated 80%-power drop at the planned n is within 10% of the target', () => {
    // Per-case differences with sd 0.3; the gate's large-sample test on the mean difference.
    const sdDiff = 0.3;
    const level = 0.01;
    const margin = 0.01;
    const target = 0.04;
    const n = casesForMde({ sdDiff, target, margin, level, binary: false }).cases!;
    const trials = 800;
    const rng = createRng(7);
    const noise = Float64Array.from({ length: trials * n }, () => sdDiff * gaussian(rng));
    const power = (drop: number): number => {
      let caught = 0;
      for (let t = 0; t < trials; t++) {
        let sum = 0;
        let sumSq = 0;
        for (let i = t * n; i < (t + 1) * n; i++) {
          const d = drop + noise[i];
          sum += d;
          sumSq += d * d;
        }
        const mean = sum / n;
        const sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
        const p = 1 - normalCdf(mean / (sd / Math.sqrt(n)));
        if (mean > margin && p <= level) caught++;
      }
      return caught / trials;
    };
    const simulated = dropWithPower(power, 0.8);
    expect(Math.abs(simulated - target) / target).toBeLessThan(0.1);
  });
});

/** Bisection on the drop; power rises with it because the random draws are held fixed. */
function dropWithPower(power: (drop: number) => number, wanted: number): number {
  let low = 0;
  let high = 0.5;
  for (let i = 0; i < 14; i++) {
    const mid = (low + high) / 2;
    if (power(mid) >= wanted) high = mid;
    else low = mid;
  }
  return (low + high) / 2;
}

function gaussian(rng: { next(): number }): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
