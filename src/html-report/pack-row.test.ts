import { describe, expect, it } from 'vitest';
import { packDetail, packIndex } from './pack-row.js';

const row = { id: 'a', s: 0, p: 1, st: 'p' as const, q: 'Q', o: 'A', m: 2, v: [0.4355, null, 1] };

describe('packIndex / packDetail', () => {
  it('puts fields in their positions, scores in thousandths, and cuts trailing absences', () => {
    expect(packIndex(row)).toEqual(['a', 0, 1, 'p', 'Q']);
    expect(packDetail(row)).toEqual(['A', 2, [436, null, 1000]]);
    expect(packIndex({ ...row, t: [3], ch: 'r' })).toEqual(['a', 0, 1, 'p', 'Q', [3], 'r']);
  });

  it('keeps rare fields in the trailing object', () => {
    const packed = packDetail({ ...row, o: null, why: 'W', bv: [0.5], r: 2, lat: 12.5 });
    expect(packed[4]).toBe(12.5);
    expect(packed[8]).toEqual({ r: 2, why: 'W', bv: [500] });
  });
});
