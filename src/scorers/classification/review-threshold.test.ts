import { describe, expect, it } from 'vitest';
import { reviewThreshold } from './review-threshold.js';

const items = [
  { confidence: 0.95, correct: true },
  { confidence: 0.9, correct: true },
  { confidence: 0.8, correct: false },
  { confidence: 0.7, correct: true },
  { confidence: 0.6, correct: true },
  { confidence: 0.5, correct: false },
];

describe('reviewThreshold', () => {
  it('finds the lowest threshold whose auto-handled precision meets the target', () => {
    // t=0.95: 1/1; t=0.9: 2/2; t=0.8: 2/3; t=0.7: 3/4 = 0.75; t=0.6: 4/5 = 0.8; t=0.5: 4/6
    // target 0.75 → lowest passing t = 0.6 (precision 0.8); 1 case below → review share 1/6
    expect(reviewThreshold({ items, targetPrecision: 0.75 })).toEqual({
      threshold: 0.6,
      precision: 0.8,
      autoHandled: 5,
      review: 1,
      reviewShare: 1 / 6,
    });
    // target 0.99 → only t=0.95 and t=0.9 pass → 0.9, review 4/6
    expect(reviewThreshold({ items, targetPrecision: 0.99 })).toMatchObject({
      threshold: 0.9,
      reviewShare: 4 / 6,
    });
  });
  it('is null when no threshold reaches the target', () => {
    expect(
      reviewThreshold({ items: [{ confidence: 0.9, correct: false }], targetPrecision: 0.5 }),
    ).toBeNull();
    expect(reviewThreshold({ items: [], targetPrecision: 0.5 })).toBeNull();
  });
});
