import { describe, expect, it } from 'vitest';
import { mcnemarExact, mcnemarOneSided } from './mcnemar-exact.js';

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

describe('mcnemarOneSided', () => {
  it('is the upper binomial tail of the worse count', () => {
    // 8 lost, 0 gained: ½^8 = 0.00390625 (the reproduced case, half its two-sided 0.0078).
    const reproduced = mcnemarOneSided({ worse: 8, better: 0 });
    expect(reproduced.pValue).toBeCloseTo(1 / 256, 15);
    expect(reproduced.minAttainableP).toBeCloseTo(1 / 256, 15);
    // 5 worse, 2 better of 7: P(X ≥ 5) = (C(7,5) + C(7,6) + C(7,7)) / 128 = 29/128.
    expect(mcnemarOneSided({ worse: 5, better: 2 }).pValue).toBeCloseTo(29 / 128, 14);
    // Only gains: no evidence of a regression at all.
    expect(mcnemarOneSided({ worse: 0, better: 6 }).pValue).toBe(1);
    expect(mcnemarOneSided({ worse: 0, better: 0 })).toEqual({ pValue: 1, minAttainableP: 1 });
  });
  it('is half the two-sided p when the split is lopsided toward worse', () => {
    expect(mcnemarOneSided({ worse: 12, better: 3 }).pValue).toBeCloseTo(
      mcnemarExact({ lost: 12, gained: 3 }) / 2,
      14,
    );
  });
});
