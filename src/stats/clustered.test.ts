import { describe, expect, it } from 'vitest';
import { flakiness, perCaseMeans } from './clustered.js';

describe('perCaseMeans', () => {
  it('averages repeats per case, skipping repeats where the metric does not apply', () => {
    const means = perCaseMeans([
      { caseId: 'b', value: 1 },
      { caseId: 'a', value: 0.5 },
      { caseId: 'b', value: 0 },
      { caseId: 'a', value: null },
      { caseId: 'b', value: 0.5 },
      { caseId: 'c', value: null },
    ]);
    expect([...means]).toEqual([
      ['b', 0.5],
      ['a', 0.5],
    ]);
  });
});

describe('flakiness', () => {
  it('lists cases whose repeats disagree and their share among repeated cases', () => {
    const result = flakiness([
      { caseId: 'stable-pass', pass: true },
      { caseId: 'flaky', pass: true },
      { caseId: 'stable-pass', pass: true },
      { caseId: 'flaky', pass: false },
      { caseId: 'flaky', pass: true },
      { caseId: 'stable-fail', pass: false },
      { caseId: 'stable-fail', pass: false },
      { caseId: 'once', pass: false },
    ]);
    expect(result.flaky).toEqual([{ caseId: 'flaky', passes: 2, runs: 3 }]);
    expect(result.repeatedCases).toBe(3);
    expect(result.share).toBeCloseTo(1 / 3, 15);
  });
  it('has no share without repeats', () => {
    expect(flakiness([{ caseId: 'a', pass: true }])).toEqual({ flaky: [], repeatedCases: 0, share: null });
  });
});
