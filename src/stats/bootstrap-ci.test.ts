import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { gaussianSample } from './__fixtures__/gaussian.js';
import { bootstrapCi, bootstrapStatistic } from './bootstrap-ci.js';

describe('bootstrapCi', () => {
  it('is null for no cases and a point for one', () => {
    expect(bootstrapCi({ values: [], rng: createRng(1) })).toBeNull();
    expect(bootstrapCi({ values: [0.4], rng: createRng(1) })).toEqual({
      estimate: 0.4,
      low: 0.4,
      high: 0.4,
      n: 1,
      resamples: 2000,
    });
  });

  it('is reproducible for a seed and brackets the estimate', () => {
    const values = [0, 1, 1, 0.5, 0.75, 1, 0, 1, 0.25, 1];
    const a = bootstrapCi({ values, rng: createRng(42) })!;
    expect(bootstrapCi({ values, rng: createRng(42) })).toEqual(a);
    expect(a.estimate).toBeCloseTo(0.65, 15);
    expect(a.low).toBeLessThan(a.estimate);
    expect(a.high).toBeGreaterThan(a.estimate);
    expect(a.low).toBeGreaterThanOrEqual(0);
    expect(a.high).toBeLessThanOrEqual(1);
  });

  it('accepts another statistic of the sample', () => {
    const median = (sample: Float64Array) => {
      const sorted = Float64Array.from(sample).sort();
      return sorted[(sorted.length - 1) >> 1];
    };
    const ci = bootstrapCi({
      values: [5, 1, 3, 2, 4],
      statistic: median,
      resamples: 500,
      rng: createRng(7),
    })!;
    expect(ci.estimate).toBe(3);
    expect(ci.low).toBeGreaterThanOrEqual(1);
    expect(ci.high).toBeLessThanOrEqual(5);
  });

  it('a 95 % interval for the mean of normal data covers the true mean about 95 % of the time', () => {
    const rng = createRng(20240601);
    const simulations = 1000;
    let covered = 0;
    for (let sim = 0; sim < simulations; sim++) {
      const values = gaussianSample(rng, 100, 3, 2);
      const ci = bootstrapCi({ values, resamples: 1000, rng })!;
      if (ci.low <= 3 && 3 <= ci.high) covered++;
    }
    expect(covered / simulations).toBeGreaterThanOrEqual(0.92);
    expect(covered / simulations).toBeLessThanOrEqual(0.975);
  });
});

describe('bootstrapStatistic', () => {
  it('resamples rows, so a statistic can read several columns', () => {
    const labels = [1, 0, 1, 1, 0, 1, 0, 0];
    const predicted = [1, 0, 0, 1, 0, 1, 1, 0];
    const accuracy = (indices: Uint32Array) => {
      let hits = 0;
      for (const i of indices) if (labels[i] === predicted[i]) hits++;
      return hits / indices.length;
    };
    const ci = bootstrapStatistic({
      n: labels.length,
      statistic: accuracy,
      resamples: 1000,
      rng: createRng(8),
    })!;
    expect(ci.estimate).toBe(0.75);
    // The same draws through the mean fast path give the same interval.
    const hits = labels.map((label, i) => (label === predicted[i] ? 1 : 0));
    expect(bootstrapCi({ values: hits, resamples: 1000, rng: createRng(8) })).toEqual(ci);
  });

  it('is null without rows', () => {
    expect(bootstrapStatistic({ n: 0, statistic: () => 1, rng: createRng(1) })).toBeNull();
  });
});
