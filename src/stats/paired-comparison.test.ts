import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import type { Rng } from '../core/rng.js';
import { gaussian } from './__fixtures__/gaussian.js';
import { pairedComparison } from './paired-comparison.js';
import { createResampler } from './resampler.js';

const runs = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('pairedComparison', () => {
  it('pairs by case id and lists cases present in only one run', () => {
    const result = pairedComparison({
      baseline: runs({ c: 0.5, a: 0.2, b: 0.4, gone: 1 }),
      candidate: runs({ a: 0.3, new: 0, b: 0.6, c: 0.8 }),
      rng: createRng(1),
    });
    expect(result.n).toBe(3);
    expect(result.meanBaseline).toBeCloseTo(11 / 30, 12);
    expect(result.meanCandidate).toBeCloseTo(17 / 30, 12);
    expect(result.meanDiff).toBeCloseTo(0.2, 12);
    // Differences 0.1, 0.2, 0.3: only the all-plus and all-minus patterns are as extreme.
    expect(result.pValue).toBe(0.25);
    expect(result.test).toBe('sign-flip');
    expect(result.exact).toBe(true);
    expect(result.ci![0]).toBeGreaterThanOrEqual(0.1 - 1e-12);
    expect(result.ci![1]).toBeLessThanOrEqual(0.3 + 1e-12);
    expect(result.onlyInBaseline).toEqual(['gone']);
    expect(result.onlyInCandidate).toEqual(['new']);
  });

  it('does not depend on the order cases were loaded in', () => {
    const forward = runs(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`case-${i}`, (i % 3) / 2])),
    );
    const backward = new Map([...forward].reverse());
    const candidate = new Map([...forward].map(([id, v]) => [id, Math.min(1, v + 0.1)]));
    const a = pairedComparison({ baseline: forward, candidate, rng: createRng(4) });
    const b = pairedComparison({ baseline: backward, candidate, rng: createRng(4) });
    expect(b).toEqual(a);
  });

  it('uses McNemar for pass/fail metrics', () => {
    // 1 case lost, 7 gained, 4 unchanged.
    const baseline = runs({ a: 1, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0, i: 1, j: 1, k: 0, l: 0 });
    const candidate = runs({ a: 0, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1, h: 1, i: 1, j: 1, k: 0, l: 0 });
    const result = pairedComparison({ baseline, candidate, binary: true, rng: createRng(2) });
    expect(result.test).toBe('mcnemar');
    expect(result.pValue).toBeCloseTo(18 / 256, 15);
    expect(result.meanDiff).toBeCloseTo(0.5, 15);
  });

  it('falls back to the sign-flip test when a binary metric was averaged over repeats', () => {
    const result = pairedComparison({
      baseline: runs({ a: 0.5, b: 1 }),
      candidate: runs({ a: 1, b: 1 }),
      binary: true,
      rng: createRng(2),
    });
    expect(result.test).toBe('sign-flip');
  });

  it('reports nothing to compare when no case is shared, and rejects non-finite values', () => {
    const empty = pairedComparison({
      baseline: runs({ a: 1 }),
      candidate: runs({ b: 1 }),
      rng: createRng(1),
    });
    expect(empty).toMatchObject({
      n: 0,
      meanDiff: null,
      ci: null,
      pValue: null,
      onlyInBaseline: ['a'],
      onlyInCandidate: ['b'],
    });
    expect(() =>
      pairedComparison({ baseline: runs({ a: Number.NaN }), candidate: runs({ a: 1 }), rng: createRng(1) }),
    ).toThrow(RangeError);
  });

  it('reuses a shared resampler when its size matches', () => {
    const baseline = runs({ a: 0.1, b: 0.5, c: 0.9, d: 0.3 });
    const candidate = runs({ a: 0.2, b: 0.4, c: 1, d: 0.6 });
    const resampler = createResampler({ n: 4, resamples: 500, rng: createRng(6) });
    const shared = pairedComparison({ baseline, candidate, resampler, rng: createRng(1) });
    const again = pairedComparison({ baseline, candidate, resampler, rng: createRng(99) });
    expect(again.ci).toEqual(shared.ci);
  });

  describe('on simulated suites of 100 cases', () => {
    // Case difficulty is shared by both runs (that is what pairing removes); each run adds noise.
    const simulate = (rng: Rng, effectInDiffSd: number) => {
      const noiseSd = 0.5;
      const diffSd = noiseSd * Math.SQRT2;
      const baseline = new Map<string, number>();
      const candidate = new Map<string, number>();
      for (let i = 0; i < 100; i++) {
        const difficulty = gaussian(rng);
        baseline.set(`case-${i}`, difficulty + gaussian(rng, 0, noiseSd));
        candidate.set(`case-${i}`, difficulty + gaussian(rng, effectInDiffSd * diffSd, noiseSd));
      }
      return { baseline, candidate };
    };
    const flaggedShare = (seed: number, effect: number) => {
      const rng = createRng(seed);
      let flagged = 0;
      for (let sim = 0; sim < 200; sim++) {
        const { baseline, candidate } = simulate(rng, effect);
        const result = pairedComparison({
          baseline,
          candidate,
          resamples: 1000,
          rng: rng.fork(`sim-${sim}`),
        });
        if (result.pValue! < 0.05) flagged++;
      }
      return flagged / 200;
    };

    it('detects a planted regression of 0.5 sd in at least 90 % of runs', () => {
      expect(flaggedShare(7, -0.5)).toBeGreaterThanOrEqual(0.9);
    });

    it('flags a null change in no more than about 7 % of runs', () => {
      expect(flaggedShare(8, 0)).toBeLessThanOrEqual(0.07);
    });
  });
});
