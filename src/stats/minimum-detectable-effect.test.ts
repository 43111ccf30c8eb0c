import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { gaussianSample } from './__fixtures__/gaussian.js';
import { minimumDetectableEffect } from './minimum-detectable-effect.js';
import { signFlipTest } from './sign-flip-test.js';

describe('minimumDetectableEffect', () => {
  it('is (z₀.₉₇₅ + z₀.₈)·sd/√n', () => {
    const result = minimumDetectableEffect({ n: 100, sdDiff: 1 });
    expect(result?.mde).toBeCloseTo((1.959964 + 0.841621) / 10, 6);
    expect(result?.sdSource).toBe('paired-differences');
  });
  it('falls back to candidate sd·√2 and prefers the paired sd when both are known', () => {
    const fallback = minimumDetectableEffect({ n: 50, candidateSd: 0.3 });
    expect(fallback?.sdDiff).toBeCloseTo(0.3 * Math.SQRT2, 15);
    expect(fallback?.sdSource).toBe('candidate-sd-times-sqrt2');
    expect(minimumDetectableEffect({ n: 50, sdDiff: 0.2, candidateSd: 0.3 })?.sdDiff).toBe(0.2);
  });
  it('is null without cases or a spread', () => {
    expect(minimumDetectableEffect({ n: 0, sdDiff: 1 })).toBeNull();
    expect(minimumDetectableEffect({ n: 10 })).toBeNull();
  });
  it('a true effect of one MDE is detected about 80 % of the time', () => {
    const rng = createRng(2024);
    const n = 60;
    const { mde } = minimumDetectableEffect({ n, sdDiff: 1 })!;
    let detected = 0;
    for (let sim = 0; sim < 200; sim++) {
      const differences = gaussianSample(rng, n, mde, 1);
      if (signFlipTest({ differences, resamples: 500, rng: rng.fork(`flip-${sim}`) }).pValue < 0.05)
        detected++;
    }
    expect(detected / 200).toBeGreaterThan(0.7);
    expect(detected / 200).toBeLessThan(0.9);
  });
});
