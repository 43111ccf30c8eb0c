import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './rrf.js';

describe('reciprocalRankFusion', () => {
  it('sums 1 / (k + rank) over the lists', () => {
    // dense: 7, 3, 5     bm25: 3, 9
    // 3: 1/(60+2) + 1/(60+1) = 0.016129 + 0.016393 = 0.032523
    // 7: 1/61 = 0.016393;  9: 1/62 = 0.016129;  5: 1/63 = 0.015873
    const fused = reciprocalRankFusion(
      [
        [7, 3, 5],
        [3, 9],
      ],
      60,
    );
    expect(fused.map((f) => f.label)).toEqual([3, 7, 9, 5]);
    expect(fused[0].score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused[1].score).toBeCloseTo(1 / 61, 12);
    expect(fused[3].score).toBeCloseTo(1 / 63, 12);
  });

  it('breaks ties by label', () => {
    // 4 is first in one list and 2 in the other: equal scores, lower label first.
    expect(reciprocalRankFusion([[4], [2]], 1).map((f) => f.label)).toEqual([2, 4]);
  });

  it('weights each list: weight / (k + rank)', () => {
    // dense: 7, 3   bm25 (weight 2): 3, 9
    // 3: 1/62 + 2/61 = 0.048916;  9: 2/62 = 0.032258;  7: 1/61 = 0.016393
    const fused = reciprocalRankFusion(
      [
        [7, 3],
        [3, 9],
      ],
      60,
      [1, 2],
    );
    expect(fused.map((f) => f.label)).toEqual([3, 9, 7]);
    expect(fused[0].score).toBeCloseTo(1 / 62 + 2 / 61, 12);
    expect(fused[1].score).toBeCloseTo(2 / 62, 12);
  });
});
