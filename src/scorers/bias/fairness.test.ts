import { describe, expect, it } from 'vitest';
import { fairness } from './fairness.js';

describe('fairness', () => {
  // group A: (gold yes → yes), (yes → no), (no → no), (no → yes)
  // group B: (yes → yes), (yes → yes), (no → yes), (no → no)
  const items = [
    { group: 'A', gold: 'yes', predicted: 'yes' },
    { group: 'A', gold: 'yes', predicted: 'no' },
    { group: 'A', gold: 'no', predicted: 'no' },
    { group: 'A', gold: 'no', predicted: 'yes' },
    { group: 'B', gold: 'yes', predicted: 'yes' },
    { group: 'B', gold: 'yes', predicted: 'yes' },
    { group: 'B', gold: 'no', predicted: 'yes' },
    { group: 'B', gold: 'no', predicted: 'no' },
  ];
  const report = fairness({ items, labels: ['yes', 'no'] });

  it('computes per-label selection rates, TPR and FPR', () => {
    const [yes, no] = report.perLabel;
    // yes: selection A 2/4, B 3/4 → DP 0.25; TPR A 1/2, B 2/2 → 0.5; FPR A 1/2, B 1/2 → 0 → EO 0.5
    expect(yes).toMatchObject({
      selectionRate: { A: 0.5, B: 0.75 },
      truePositiveRate: { A: 0.5, B: 1 },
      falsePositiveRate: { A: 0.5, B: 0.5 },
    });
    expect([yes.demographicParityDifference, yes.equalizedOddsDifference]).toEqual([0.25, 0.5]);
    // no: selection A 2/4, B 1/4 → DP 0.25; TPR A 1/2, B 1/2 → 0; FPR A 1/2, B 0/2 → 0.5 → EO 0.5
    expect([no.demographicParityDifference, no.equalizedOddsDifference]).toEqual([0.25, 0.5]);
  });

  it('reports the worst label', () => {
    expect(report).toMatchObject({
      groups: ['A', 'B'],
      demographicParityDifference: 0.25,
      equalizedOddsDifference: 0.5,
    });
  });

  it('is null with a single group', () => {
    expect(
      fairness({ items: items.slice(0, 4), labels: ['yes', 'no'] }).demographicParityDifference,
    ).toBeNull();
  });
});

describe('fairness minSupport', () => {
  it('leaves a rate undefined when a group has fewer gold cases than minSupport', () => {
    const items = [
      { group: 'a', gold: 'x', predicted: 'x' },
      { group: 'a', gold: 'y', predicted: 'y' },
      { group: 'b', gold: 'x', predicted: 'y' },
      { group: 'b', gold: 'x', predicted: 'y' },
      { group: 'b', gold: 'y', predicted: 'y' },
    ];
    const strict = fairness({ items, labels: ['x', 'y'], minSupport: 2 });
    // TPR(x): group a has 1 gold x (< 2) → undefined, so no range to compare.
    expect(strict.perLabel[0].truePositiveRate).toEqual({ a: null, b: 0 });
    expect(fairness({ items, labels: ['x', 'y'] }).perLabel[0].truePositiveRate).toEqual({ a: 1, b: 0 });
  });
});
