import { describe, expect, it } from 'vitest';
import { packRow } from './pack-row.js';

describe('packRow', () => {
  it('puts fields in their positions, scores in thousandths, and cuts trailing absences', () => {
    expect(packRow({ id: 'a', s: 0, p: 1, st: 'p', q: 'Q', o: 'A', m: 2, v: [0.4355, null, 1] })).toEqual([
      'a',
      0,
      1,
      'p',
      'Q',
      'A',
      2,
      [436, null, 1000],
    ]);
  });

  it('keeps rare fields in the trailing object', () => {
    const packed = packRow({ id: 'a', s: 0, p: 0, st: 'f', q: 'Q', o: null, m: 0, v: [], why: 'W', bv: [0.5], ch: 'r', r: 2 });
    expect(packed[14]).toBe('r');
    expect(packed[15]).toEqual({ r: 2, why: 'W', bv: [500] });
  });
});
