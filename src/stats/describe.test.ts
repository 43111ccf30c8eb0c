import { describe, expect, it } from 'vitest';
import { mean, standardDeviation } from './describe.js';

describe('mean and standardDeviation', () => {
  it('match hand-computed values', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });
  it('are NaN when undefined', () => {
    expect(mean([])).toBeNaN();
    expect(standardDeviation([1])).toBeNaN();
  });
});
