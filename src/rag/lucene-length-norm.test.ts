import { describe, expect, it } from 'vitest';
import { byte4ToInt, intToByte4, luceneFieldLength, NUM_FREE_VALUES } from './lucene-length-norm.js';

describe("Lucene's one-byte length norm", () => {
  it('stores 0..23 exactly and fits every int in one byte', () => {
    expect(NUM_FREE_VALUES).toBe(24);
    for (let i = 0; i < 24; i++) expect(luceneFieldLength(i)).toBe(i);
    expect(intToByte4(2 ** 31 - 1)).toBe(255);
  });

  // Hand-computed: 24 + longToInt4(n - 24), 4 significant bits kept, rounded down.
  it.each([
    [24, 24],
    [31, 31],
    [32, 32],
    [39, 39],
    [40, 40],
    [41, 40],
    [100, 96],
    [200, 200],
    [201, 200],
    [215, 200],
    [216, 216],
  ])('length %i is scored as %i', (length, decoded) => {
    expect(luceneFieldLength(length)).toBe(decoded);
  });

  it('decodes monotonically, never above the length, within 1/8 of it', () => {
    let previous = -1;
    for (let b = 0; b < 256; b++) {
      const decoded = byte4ToInt(b);
      expect(decoded).toBeGreaterThan(previous);
      expect(intToByte4(decoded)).toBe(b);
      previous = decoded;
    }
    for (const n of [57, 333, 1234, 99_999]) {
      const d = luceneFieldLength(n);
      expect(d).toBeLessThanOrEqual(n);
      expect(d).toBeGreaterThan(n - (n - 24) / 8 - 1);
    }
  });
});
