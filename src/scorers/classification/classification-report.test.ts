import { describe, expect, it } from 'vitest';
import { classificationReport, INVALID_COLUMN } from './classification-report.js';

describe('classificationReport', () => {
  // gold → predicted: b→b, b→b, b→t, t→t, t→(invalid), g→b
  const items = [
    { gold: 'b', predicted: 'b' },
    { gold: 'b', predicted: 'b' },
    { gold: 'b', predicted: 't' },
    { gold: 't', predicted: 't' },
    { gold: 't', predicted: null },
    { gold: 'g', predicted: 'b' },
  ];
  const report = classificationReport({ items, labels: ['b', 't', 'g', 'e'] });

  it('builds the confusion matrix with an invalid column', () => {
    expect(report.confusion.columns).toEqual(['b', 't', 'g', 'e', INVALID_COLUMN]);
    expect(report.confusion.matrix).toEqual([
      [2, 1, 0, 0, 0], // gold b
      [0, 1, 0, 0, 1], // gold t
      [1, 0, 0, 0, 0], // gold g
      [0, 0, 0, 0, 0], // gold e
    ]);
    expect(report.invalid).toBe(1);
  });

  it('computes accuracy, per-class metrics and macro-F1', () => {
    // accuracy = 3 correct / 6 = 0.5
    expect(report.accuracy).toBe(0.5);
    const [b, t, g, e] = report.perClass;
    // b: tp 2, predicted 3 (2 from b, 1 from g), support 3 → P = R = F1 = 2/3
    expect([b.precision, b.recall, b.f1, b.support]).toEqual([2 / 3, 2 / 3, 2 / 3, 3]);
    // t: tp 1, predicted 2, support 2 → P = R = F1 = 0.5
    expect([t.precision, t.recall, t.f1, t.support]).toEqual([0.5, 0.5, 0.5, 2]);
    // g: never predicted → precision 0 (zero_division = 0), recall 0/1 = 0, F1 0
    expect([g.precision, g.recall, g.f1]).toEqual([0, 0, 0]);
    // e: no gold, no predictions → no evidence: null and left out of macro-F1
    expect([e.precision, e.recall, e.f1]).toEqual([null, null, null]);
    // macro-F1 = (2/3 + 0.5 + 0) / 3 = 0.3889
    expect(report.macroF1).toBeCloseTo((2 / 3 + 0.5) / 3, 10);
  });

  it('gives gold labels outside the label set their own row, and handles no items', () => {
    expect(
      classificationReport({ items: [{ gold: 'x', predicted: 'b' }], labels: ['b'] }).confusion.rows,
    ).toEqual(['b', 'x']);
    expect(classificationReport({ items: [], labels: ['b'] })).toMatchObject({
      accuracy: null,
      macroF1: null,
    });
  });
});
