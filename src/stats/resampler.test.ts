import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { createResampler } from './resampler.js';

describe('createResampler', () => {
  it('draws n in-range indices per resample, reproducibly from the seed', () => {
    const seen: number[][] = [];
    createResampler({ n: 7, resamples: 50, rng: createRng(3) }).replicates((indices) => {
      expect(indices.length).toBe(7);
      for (const i of indices) expect(i).toBeLessThan(7);
      seen.push([...indices]);
      return 0;
    });
    const again: number[][] = [];
    createResampler({ n: 7, resamples: 50, rng: createRng(3) }).replicates((indices) => {
      again.push([...indices]);
      return 0;
    });
    expect(again).toEqual(seen);
    expect(new Set(seen.flat()).size).toBe(7);
  });

  it('gives every metric the same draws', () => {
    const values = [0.1, 0.9, 0.4, 0.7, 0.2];
    const resampler = createResampler({ n: 5, resamples: 200, rng: createRng(11) });
    const fast = resampler.meanReplicates(values);
    const general = resampler.replicates(
      (indices) => indices.reduce((sum, i) => sum + values[i], 0) / indices.length,
    );
    fast.forEach((v, r) => expect(v).toBeCloseTo(general[r], 12));
  });

  it('hands count statistics exactly the draws the index statistics see', () => {
    for (const maxStoredDraws of [undefined, 10]) {
      const resampler = createResampler({ n: 9, resamples: 120, rng: createRng(4), maxStoredDraws });
      const fromIndices: number[][] = [];
      resampler.replicates((indices) => {
        const counts = new Array(9).fill(0);
        for (const i of indices) counts[i]++;
        fromIndices.push(counts);
        return 0;
      });
      const fromCounts: number[][] = [];
      resampler.countReplicates((counts) => {
        fromCounts.push([...counts]);
        return 0;
      });
      expect(fromCounts).toEqual(fromIndices);
      expect(fromCounts.every((c) => c.reduce((a, b) => a + b, 0) === 9)).toBe(true);
    }
  });

  it('hand-computed: the mean of a resample weights each case by how often it was drawn', () => {
    const values = [2, 4, Number.NaN, 10];
    const resampler = createResampler({ n: 4, resamples: 30, rng: createRng(8) });
    const means = resampler.meanReplicates(values);
    const expected = resampler.countReplicates((c) => {
      const applicable = c[0] + c[1] + c[3];
      return applicable === 0 ? Number.NaN : (2 * c[0] + 4 * c[1] + 10 * c[3]) / applicable;
    });
    means.forEach((m, r) =>
      Number.isNaN(expected[r]) ? expect(m).toBeNaN() : expect(m).toBeCloseTo(expected[r], 12),
    );
  });

  it('skips NaN (not applicable) cases within each resample', () => {
    const values = [1, Number.NaN, 0, Number.NaN, 1, 1];
    const resampler = createResampler({ n: 6, resamples: 300, rng: createRng(5) });
    const fast = resampler.meanReplicates(values);
    const general = resampler.replicates((indices) => {
      const drawn = [...indices].map((i) => values[i]).filter((v) => !Number.isNaN(v));
      return drawn.length ? drawn.reduce((a, b) => a + b, 0) / drawn.length : Number.NaN;
    });
    fast.forEach((v, r) =>
      Number.isNaN(general[r]) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(general[r], 12),
    );
    expect(resampler.meanCi(values)).toMatchObject({ estimate: 0.75, n: 4 });
  });

  it('regenerates identical draws when the matrix is too large to keep', () => {
    const values = Array.from({ length: 40 }, (_, i) => (i * 7) % 11);
    const kept = createResampler({ n: 40, resamples: 100, rng: createRng(9) }).meanCi(values);
    const streamed = createResampler({ n: 40, resamples: 100, rng: createRng(9), maxStoredDraws: 10 }).meanCi(
      values,
    );
    expect(streamed).toEqual(kept);
  });

  it('rejects bad sizes', () => {
    expect(() => createResampler({ n: -1, rng: createRng(1) })).toThrow(RangeError);
    expect(() => createResampler({ n: 3, resamples: 0, rng: createRng(1) })).toThrow(RangeError);
  });
});

describe('meanCis', () => {
  it('gives exactly the intervals meanCi gives, metric by metric, including NaN and degenerate columns', () => {
    const rng = createRng(11);
    const n = 300;
    const columns = [
      Float64Array.from({ length: n }, () => rng.next()),
      Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? Number.NaN : rng.int(2))),
      Float64Array.from({ length: n }, () => Number.NaN),
      Float64Array.from({ length: n }, (_, i) => (i === 5 ? 0.25 : Number.NaN)),
    ];
    const a = createResampler({ n, resamples: 400, rng: createRng(5) });
    const b = createResampler({ n, resamples: 400, rng: createRng(5) });
    expect(a.meanCis(columns, 0.9)).toEqual(columns.map((c) => b.meanCi(c, 0.9)));
  });

  it('as a visitor of a walk shared with another statistic, gives the same intervals', () => {
    // Stored draws (n · resamples small) and regenerated draws (maxStoredDraws 0) alike.
    for (const maxStoredDraws of [undefined, 0]) {
      const rng = createRng(12);
      const n = 250;
      const columns = [
        Float64Array.from({ length: n }, () => rng.next()),
        Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? Number.NaN : rng.int(2))),
        Float64Array.from({ length: n }, () => Number.NaN),
      ];
      const resampler = createResampler({ n, resamples: 300, rng: createRng(6), maxStoredDraws });
      const expected = resampler.meanCis(columns, 0.95);
      const means = resampler.meanCisVisitor(columns, 0.95);
      expect(means.walks).toBe(true);
      const drawn: number[] = [];
      resampler.forEachCounts((r, counts) => {
        means.visit(r, counts);
        drawn.push(counts[0]);
      });
      expect(means.result()).toEqual(expected);
      expect(drawn).toHaveLength(300);
    }
    // Nothing to resample (no column with two values): no walk needed, estimates only.
    const one = createResampler({ n: 3, resamples: 10, rng: createRng(1) });
    const lone = one.meanCisVisitor([Float64Array.of(Number.NaN, 0.5, Number.NaN)]);
    expect(lone.walks).toBe(false);
    expect(lone.result()[0]).toMatchObject({ estimate: 0.5, low: 0.5, high: 0.5, n: 1 });
    // Out of order or incomplete walks are refused, not silently wrong.
    const partial = one.meanCisVisitor([Float64Array.of(1, 0, 1)]);
    expect(() => partial.visit(1, new Uint16Array(3))).toThrow(/in order/);
    partial.visit(0, Uint16Array.of(1, 1, 1));
    expect(() => partial.result()).toThrow(/visited 1 of 10/);
    // Draws over another set of cases are refused too.
    expect(() => one.meanCisVisitor([Float64Array.of(1, 0, 1)]).visit(0, new Uint16Array(5))).toThrow(
      /cover 5 cases, the means 3/,
    );
  });
});
