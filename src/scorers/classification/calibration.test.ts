import { describe, expect, it } from 'vitest';
import { calibration } from './calibration.js';

describe('calibration', () => {
  it('computes ECE over 10 equal-width bins (6 items)', () => {
    const items = [
      { confidence: 0.95, correct: true },
      { confidence: 0.92, correct: true },
      { confidence: 0.91, correct: false },
      { confidence: 0.65, correct: true },
      { confidence: 0.62, correct: false },
      { confidence: 0.3, correct: false },
    ];
    // bin (0.9,1.0]: n 3, acc 2/3, conf (0.95+0.92+0.91)/3 = 0.92667 → |gap| 0.26
    // bin (0.6,0.7]: n 2, acc 1/2, conf 0.635 → |gap| 0.135
    // bin (0.2,0.3]: n 1, acc 0, conf 0.3 → |gap| 0.3
    // ECE = 3/6·0.26 + 2/6·0.135 + 1/6·0.3 = 0.13 + 0.045 + 0.05 = 0.225
    const report = calibration({ items });
    expect(report.ece).toBeCloseTo(0.225, 10);
    expect(report.bins).toHaveLength(10);
    expect(report.bins[9]).toMatchObject({ count: 3, accuracy: 2 / 3 });
    expect(report.bins[9].confidence).toBeCloseTo(0.926667, 5);
    expect(report.bins[2]).toMatchObject({ count: 1, accuracy: 0, confidence: 0.3 });
    expect(report.bins[0]).toMatchObject({ count: 0, accuracy: null, confidence: null });
  });
  it('puts bin edges in the lower bin despite float error, and 0 in the first', () => {
    const report = calibration({
      items: [
        { confidence: 0.7, correct: true },
        { confidence: 0, correct: false },
      ],
    });
    expect(report.bins[6].count).toBe(1); // (0.6, 0.7]
    expect(report.bins[0].count).toBe(1);
  });
  it('is null without items', () => {
    expect(calibration({ items: [] }).ece).toBeNull();
  });
});
