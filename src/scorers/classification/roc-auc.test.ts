import { describe, expect, it } from 'vitest';
import { binaryRocAuc, rocAuc } from './roc-auc.js';

describe('binaryRocAuc', () => {
  it('counts ties as one half (Mann–Whitney U)', () => {
    // positives {0.9, 0.8}, negatives {0.8, 0.3, 0.8}
    // 0.9 beats all 3 → 3; 0.8 ties 0.8 (½), beats 0.3 (1), ties 0.8 (½) → 2; AUC = 5 / (2·3) = 0.8333
    expect(binaryRocAuc([0.9, 0.8, 0.8, 0.3, 0.8], [true, true, false, false, false])).toBeCloseTo(5 / 6, 10);
  });
  it('is 1 for a perfect ranking, 0.5 for all ties, null for one class', () => {
    expect(binaryRocAuc([0.9, 0.1], [true, false])).toBe(1);
    expect(binaryRocAuc([0.5, 0.5, 0.5], [true, false, false])).toBe(0.5);
    expect(binaryRocAuc([0.5], [true])).toBeNull();
  });
});

describe('rocAuc (one-vs-rest, macro)', () => {
  it('averages over labels that have positives and negatives', () => {
    const items = [
      { gold: 'x', scores: { x: 0.7, y: 0.2, z: 0.1 } },
      { gold: 'x', scores: { x: 0.4, y: 0.5, z: 0.1 } },
      { gold: 'y', scores: { x: 0.4, y: 0.6, z: 0.0 } },
      { gold: 'y', scores: { x: 0.3, y: 0.3, z: 0.4 } },
    ];
    // x: pos {0.7, 0.4} vs neg {0.4, 0.3}: 2 + (½ + 1) = 3.5 / 4 = 0.875
    // y: pos {0.6, 0.3} vs neg {0.2, 0.5}: 2 + 1 = 3 / 4 = 0.75
    // z: no positives → null; macro = (0.875 + 0.75) / 2 = 0.8125
    const auc = rocAuc({ items, labels: ['x', 'y', 'z'] });
    expect(auc.perClass).toEqual({ x: 0.875, y: 0.75, z: null });
    expect(auc.macro).toBeCloseTo(0.8125, 10);
  });
});
