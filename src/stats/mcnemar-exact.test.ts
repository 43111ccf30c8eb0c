import { describe, expect, it } from 'vitest';
import { mcnemarExact } from './mcnemar-exact.js';

describe('mcnemarExact', () => {
  it('matches a hand-computed table', () => {
    // 8 discordant cases split 1/7: 2·P(X ≤ 1 | Bin(8, ½)) = 2·(1 + 8)/256.
    expect(mcnemarExact({ lost: 1, gained: 7 })).toBeCloseTo(18 / 256, 15);
    expect(mcnemarExact({ lost: 7, gained: 1 })).toBeCloseTo(18 / 256, 15);
    // 0/5: 2 / 32.
    expect(mcnemarExact({ lost: 5, gained: 0 })).toBeCloseTo(0.0625, 15);
  });
  it('is 1 when nothing changed or the split is even', () => {
    expect(mcnemarExact({ lost: 0, gained: 0 })).toBe(1);
    expect(mcnemarExact({ lost: 6, gained: 6 })).toBe(1);
  });
  it('stays finite and tiny for thousands of discordant cases', () => {
    const p = mcnemarExact({ lost: 1200, gained: 800 });
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-15);
  });
});
