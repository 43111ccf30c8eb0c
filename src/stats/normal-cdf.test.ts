import { describe, expect, it } from 'vitest';
import { normalCdf } from './normal-cdf.js';

describe('normalCdf', () => {
  it('matches tabulated values to well within 1e-7', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(2.5)).toBeCloseTo(0.9937903346742238, 14);
  });
  it('keeps relative precision in the far tail', () => {
    expect(normalCdf(-5) / 2.866515718791939e-7 - 1).toBeLessThan(1e-12);
    expect(normalCdf(-8) / 6.22096057427178e-16 - 1).toBeLessThan(1e-12);
  });
  it('is continuous where the tail formula takes over', () => {
    expect(Math.abs(normalCdf(-3 - 1e-12) - normalCdf(-3 + 1e-12))).toBeLessThan(1e-14);
    expect(normalCdf(3) + normalCdf(-3)).toBeCloseTo(1, 15);
  });
});
