import { describe, expect, it } from 'vitest';
import { binaryAveragePrecision, prAuc } from './pr-auc.js';

describe('binaryAveragePrecision', () => {
  it('averages precision at each positive (no ties)', () => {
    // ranking T F T F: precision at the positives 1/1 and 2/3 → (1 + 2/3) / 2 = 0.8333
    expect(binaryAveragePrecision([0.9, 0.8, 0.7, 0.6], [true, false, true, false])).toBeCloseTo(5 / 6, 10);
  });
  it('treats tied scores as one threshold', () => {
    // threshold 0.9: TP 1 of 1 → ΔR ½ · P 1 = 0.5; threshold 0.8 (two items, one positive): TP 2 of 3 → ½ · 2/3
    // AP = 0.5 + 1/3 = 0.8333, whichever way the tie is ordered
    expect(binaryAveragePrecision([0.9, 0.8, 0.8, 0.1], [true, false, true, false])).toBeCloseTo(5 / 6, 10);
    expect(binaryAveragePrecision([0.9, 0.8, 0.8, 0.1], [true, true, false, false])).toBeCloseTo(5 / 6, 10);
  });
  it('is null without positives', () => {
    expect(binaryAveragePrecision([0.9], [false])).toBeNull();
  });
  it('is null without negatives: every ranking would score 1, which measures nothing', () => {
    expect(binaryAveragePrecision([0.9, 0.1, 0.5], [true, true, true])).toBeNull();
    // One negative, ranked last: a real 1.
    expect(binaryAveragePrecision([0.9, 0.1, 0.5], [true, false, true])).toBe(1);
  });
});

describe('prAuc', () => {
  it('macro-averages over labels with positives', () => {
    const items = [
      { gold: 'x', scores: { x: 0.9, y: 0.1 } },
      { gold: 'y', scores: { x: 0.8, y: 0.2 } },
      { gold: 'x', scores: { x: 0.7, y: 0.3 } },
    ];
    // x: ranking x(0.9) y(0.8) x(0.7) → (1 + 2/3)/2 = 5/6; y: ranking by y score: x(0.3) y(0.2) x(0.1) → 1/2
    const pr = prAuc({ items, labels: ['x', 'y', 'z'] });
    expect(pr.perClass.x).toBeCloseTo(5 / 6, 10);
    expect(pr.perClass.y).toBe(0.5);
    expect(pr.perClass.z).toBeNull();
    expect(pr.macro).toBeCloseTo((5 / 6 + 0.5) / 2, 10);
  });
});
