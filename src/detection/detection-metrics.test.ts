import { describe, expect, it } from 'vitest';
import { auroc, thresholdMetrics } from './detection-metrics.js';

const items = [
  { positive: true, score: 0.9 },
  { positive: true, score: 0.6 },
  { positive: true, score: 0.4 },
  { positive: false, score: 0.6 },
  { positive: false, score: 0.2 },
];

describe('detection metrics', () => {
  it('counts flags at score ≥ threshold', () => {
    // flagged: 0.9 (+), 0.6 (+), 0.6 (−) → tp 2, fp 1, fn 1, tn 1
    expect(thresholdMetrics(items, 0.5)).toEqual({
      threshold: 0.5,
      tp: 2,
      fp: 1,
      fn: 1,
      tn: 1,
      precision: 2 / 3,
      recall: 2 / 3,
      f1: 2 / 3,
      flaggedRate: 3 / 5,
    });
    // The boundary is inclusive: at 0.6 the tie is flagged, just above it is not.
    expect(thresholdMetrics(items, 0.6).fp).toBe(1);
    expect(thresholdMetrics(items, 0.6000001).fp).toBe(0);
    expect(thresholdMetrics(items, 0.95)).toMatchObject({ precision: null, recall: 0, f1: null });
  });

  it('AUROC counts positive–negative pairs, ties as half', () => {
    // pairs (+,−): (0.9,0.6) 1, (0.9,0.2) 1, (0.6,0.6) ½, (0.6,0.2) 1, (0.4,0.6) 0, (0.4,0.2) 1 → 4.5/6
    expect(auroc(items)).toBeCloseTo(0.75, 12);
    expect(auroc(items.map((i) => ({ ...i, score: 0.5 })))).toBe(0.5);
    expect(auroc(items.map((i) => ({ ...i, score: i.positive ? 1 : 0 })))).toBe(1);
    expect(auroc(items.filter((i) => i.positive))).toBeNull();
  });
});
