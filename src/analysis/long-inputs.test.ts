import { describe, expect, it } from 'vitest';
import { inputLengthCutoff, inputLengthCutoffs } from './long-inputs.js';

const opts = { share: 0.2, vsMedian: 1.5 };

describe('inputLengthCutoff', () => {
  it('takes the ⌈share·n⌉-th longest length, or vsMedian × median when that is larger', () => {
    // n = 5, sorted 10 20 30 40 100: take ⌈1⌉ = 1 → 100; median 30 × 1.5 = 45 → 100.
    expect(inputLengthCutoff(Int32Array.from([40, 10, 100, 30, 20]), opts)).toBe(100);
    // n = 4, sorted 10 10 12 14: take ⌈0.8⌉ = 1 → 14; median (10 + 12) / 2 = 11 × 1.5 = 16.5.
    expect(inputLengthCutoff(Float64Array.from([12, 10, 14, 10]), opts)).toBe(16.5);
    // share 0.5 of 6 (sorted 1 2 3 4 5 6): the 3rd longest is 4; median 3.5 × 1 = 3.5.
    expect(inputLengthCutoff(Int32Array.from([6, 1, 5, 2, 4, 3]), { share: 0.5, vsMedian: 1 })).toBe(4);
  });
  it('is never reached when the share takes no case', () => {
    expect(inputLengthCutoff(Int32Array.from([5, 6]), { share: 0, vsMedian: 1 })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
  it('sorts numerically, not as text (100 is longer than 20)', () => {
    expect(inputLengthCutoff(Float64Array.from([9, 100, 20]), { share: 0.34, vsMedian: 0 })).toBe(20);
  });
  it('gives the per-suite map the same cutoffs', () => {
    const cases = new Map([
      ['a', 40],
      ['b', 10],
      ['c', 100],
      ['d', 30],
      ['e', 20],
    ]);
    expect(inputLengthCutoffs(new Map([['s', cases]]), opts)).toEqual(new Map([['s', 100]]));
  });
});
