import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import {
  createResampledPercentile,
  percentilesOf,
  resampledPercentiles,
  resampledPercentilesVisitor,
} from './resampled-percentile.js';

/** How often each of `n` cases occurs among drawn indices: the form a resample arrives in. */
function countsOf(indices: Uint32Array, n: number): Uint32Array {
  const counts = new Uint32Array(n);
  for (const i of indices) counts[i]++;
  return counts;
}

function naive(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

describe('createResampledPercentile', () => {
  it('matches a sort-based nearest-rank percentile on random resamples, skipping NaN', () => {
    const rng = createRng(3);
    const values = Float64Array.from({ length: 200 }, (_, i) =>
      i % 17 === 0 ? NaN : Math.round(rng.next() * 1000),
    );
    for (const p of [50, 95, 99]) {
      const fast = createResampledPercentile(values, p);
      for (let trial = 0; trial < 50; trial++) {
        const idx = Uint32Array.from({ length: 200 }, () => rng.int(200));
        const drawn = [...idx].map((i) => values[i]).filter(Number.isFinite);
        expect(fast(countsOf(idx, 200))).toBe(naive(drawn, p));
      }
    }
  });
  it('hand-computed: p95 of 1..20 is 19, p50 is 10', () => {
    const values = Float64Array.from({ length: 20 }, (_, i) => i + 1);
    const all = new Uint32Array(20).fill(1);
    expect(createResampledPercentile(values, 95)(all)).toBe(19);
    expect(createResampledPercentile(values, 50)(all)).toBe(10);
  });
});

describe('resampledPercentiles', () => {
  it('matches one createResampledPercentile per percentile on the same resamples', () => {
    const rng = createRng(9);
    const values = Float64Array.from({ length: 150 }, (_, i) =>
      i % 11 === 0 ? NaN : Math.round(rng.next() * 500),
    );
    const draws = Array.from({ length: 40 }, () =>
      countsOf(
        Uint32Array.from({ length: 150 }, () => rng.int(150)),
        150,
      ),
    );
    const replicate = (stat: (counts: Uint32Array) => number) => Float64Array.from(draws, stat);
    const [p50, p95, p99] = resampledPercentiles(values, [50, 95, 99], replicate);
    expect([...p50]).toEqual(draws.map(createResampledPercentile(values, 50)));
    expect([...p95]).toEqual(draws.map(createResampledPercentile(values, 95)));
    expect([...p99]).toEqual(draws.map(createResampledPercentile(values, 99)));
  });

  it('as a visitor of a shared walk gives the same replicates (clustered too)', () => {
    const rng = createRng(10);
    const values = Float64Array.from({ length: 120 }, (_, i) => (i % 13 === 0 ? NaN : rng.int(300)));
    const caseOf = Uint32Array.from({ length: 120 }, (_, i) => Math.floor(i / 2));
    const draws = Array.from({ length: 30 }, () =>
      countsOf(
        Uint32Array.from({ length: 60 }, () => rng.int(60)),
        60,
      ),
    );
    const replicate = (stat: (counts: Uint32Array) => number) => Float64Array.from(draws, stat);
    const clusters = { of: caseOf, count: 60 };
    const walk = resampledPercentilesVisitor(values, [50, 95, 99], draws.length, clusters);
    draws.forEach((counts, r) => walk.visit(r, counts));
    expect(walk.result()).toEqual(resampledPercentiles(values, [50, 95, 99], replicate, clusters));
  });
});

describe('clustered percentiles (repeats)', () => {
  it('counts every call of a drawn case: p95 over individual calls, resampled by case', () => {
    // Case 0 made calls of 10 and 1000 ms, case 1 made 20 and 30 ms.
    const latency = Float64Array.from([10, 1000, 20, 30]);
    const caseOf = Uint32Array.from([0, 0, 1, 1]);
    // Resamples drew cases {0, 1}, {1, 1} and {0, 0}.
    const replicate = (stat: (counts: Uint32Array) => number) =>
      Float64Array.from([Uint32Array.of(1, 1), Uint32Array.of(0, 2), Uint32Array.of(2, 0)], stat);
    const [p50, p95] = resampledPercentiles(latency, [50, 95], replicate, { of: caseOf, count: 2 });
    expect([...p50]).toEqual([20, 20, 10]); // {10,1000,20,30} → 2nd of 4 = 20; {20,30,20,30} → 20; {10,1000,10,1000} → 10
    expect([...p95]).toEqual([1000, 30, 1000]);
    expect(percentilesOf(latency, [50, 95, 99])).toEqual([20, 1000, 1000]);
  });

  it('the shared-walk visitor refuses a skipped, repeated or incomplete walk and draws over other cases', () => {
    const values = Float64Array.of(10, 20, 30);
    const walk = () => resampledPercentilesVisitor(values, [50], 2);
    const twice = walk();
    twice.visit(0, Uint32Array.of(1, 1, 1));
    expect(() => twice.visit(0, Uint32Array.of(1, 1, 1))).toThrow(/in order/);
    const short = walk();
    short.visit(0, Uint32Array.of(1, 1, 1));
    expect(() => short.result()).toThrow(/visited 1 of 2/);
    expect(() => walk().visit(0, Uint32Array.of(1, 2))).toThrow(/cover 2 units/);
  });
});
