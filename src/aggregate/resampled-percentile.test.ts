import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { createResampledPercentile } from './resampled-percentile.js';

function naive(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

describe('createResampledPercentile', () => {
  it('matches a sort-based nearest-rank percentile on random resamples, skipping NaN', () => {
    const rng = createRng(3);
    const values = Float64Array.from({ length: 200 }, (_, i) => (i % 17 === 0 ? NaN : Math.round(rng.next() * 1000)));
    for (const p of [50, 95, 99]) {
      const fast = createResampledPercentile(values, p);
      for (let trial = 0; trial < 50; trial++) {
        const idx = Uint32Array.from({ length: 200 }, () => rng.int(200));
        const drawn = [...idx].map((i) => values[i]).filter(Number.isFinite);
        expect(fast(idx)).toBe(naive(drawn, p));
      }
    }
  });
  it('hand-computed: p95 of 1..20 is 19, p50 is 10', () => {
    const values = Float64Array.from({ length: 20 }, (_, i) => i + 1);
    const all = Uint32Array.from({ length: 20 }, (_, i) => i);
    expect(createResampledPercentile(values, 95)(all)).toBe(19);
    expect(createResampledPercentile(values, 50)(all)).toBe(10);
  });
});
