import { describe, expect, it } from 'vitest';
import { latencySummary, percentile, percentileOfSorted } from './percentile.js';

describe('percentile (nearest rank)', () => {
  it('takes the value at rank ⌈p·N/100⌉', () => {
    const values = [35, 20, 15, 50, 40]; // sorted 15 20 35 40 50
    expect(percentile(values, 30)).toBe(20); // ⌈1.5⌉ = 2
    expect(percentile(values, 40)).toBe(20); // ⌈2⌉ = 2
    expect(percentile(values, 50)).toBe(35); // ⌈2.5⌉ = 3
    expect(percentile(values, 100)).toBe(50);
    expect(percentile(values, 0)).toBe(15);
  });
  it('gives p50/p95/p99 of 1..20 as 10, 19, 20', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    // p50: ⌈10⌉ = 10; p95: ⌈19⌉ = 19; p99: ⌈19.8⌉ = 20
    expect(latencySummary(values)).toEqual({ n: 20, p50: 10, p95: 19, p99: 20 });
  });
  it('is null when empty', () => {
    expect(percentile([], 50)).toBeNull();
    expect(latencySummary([])).toEqual({ n: 0, p50: null, p95: null, p99: null });
  });
});

describe('percentileOfSorted', () => {
  it('equals percentile on the same values sorted, typed or not', () => {
    const values = [35, 20, 15, 50, 40];
    const sorted = Float64Array.from(values).sort();
    for (const p of [0, 30, 40, 50, 95, 99, 100])
      expect(percentileOfSorted(sorted, p)).toBe(percentile(values, p));
    expect(percentileOfSorted(new Float64Array(0), 50)).toBeNull();
  });
});
