import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng.js';
import { ppiLambda, predictionPoweredMean } from './prediction-powered.js';

describe('predictionPoweredMean: hand-computed', () => {
  // unlabelled f: 1,1,0,1 (mean 0.75, var 0.25); labelled (f, y): (1,1) (1,0) (0,0) (1,1)
  const input = {
    unlabelled: [1, 1, 0, 1],
    labelled: [
      { f: 1, y: 1 },
      { f: 1, y: 0 },
      { f: 0, y: 0 },
      { f: 1, y: 1 },
    ],
  };
  const r = predictionPoweredMean(input);
  it('classic PPI subtracts the measured bias', () => {
    // rectifier f − y: 0,1,0,0 → mean 0.25, var 0.25; θ = 0.75 − 0.25 = 0.5; se² = 0.25/4 + 0.25/4
    expect(r.ppi.estimate).toBeCloseTo(0.5, 12);
    expect(r.ppi.standardError).toBeCloseTo(Math.sqrt(0.125), 12);
    expect(r.ppi.high - r.ppi.estimate).toBeCloseTo(1.959963984540054 * Math.sqrt(0.125), 9);
  });
  it('PPI++ uses λ = cov(y,f)/((1+n/N)·var(f))', () => {
    // y 1,0,0,1 (mean .5), f 1,1,0,1 (mean .75): cov = (0.25·1 + 0.25·(−0.5)... ) computed:
    // Σ(y−.5)(f−.75) = (.5)(.25)+(−.5)(.25)+(−.5)(−.75)+(.5)(.25) = .125−.125+.375+.125 = .5 → cov = .5/3
    // var f over all 8 = 6 ones, 2 zeros: mean .75, Σ(f−.75)² = 6·.0625 + 2·.5625 = 1.5 → var = 1.5/7
    const lambda = 0.5 / 3 / (2 * (1.5 / 7));
    expect(r.ppiPlusPlus.lambda).toBeCloseTo(lambda, 12);
    // θ = mean y + λ(mean fU − mean fL) = 0.5 + λ(0.75 − 0.75) = 0.5
    expect(r.ppiPlusPlus.estimate).toBeCloseTo(0.5, 12);
    const residual = [1 - lambda, -lambda, 0, 1 - lambda];
    const m = residual.reduce((a, b) => a + b) / 4;
    const varRes = residual.reduce((a, b) => a + (b - m) ** 2, 0) / 3;
    expect(r.ppiPlusPlus.standardError).toBeCloseTo(Math.sqrt(varRes / 4 + (lambda * lambda * 0.25) / 4), 12);
  });
  it('clips λ to [0, 1] and refuses too few labels', () => {
    expect(ppiLambda([1, 0, 1, 0], [0, 1, 0, 1], [1, 0])).toBe(0); // anti-correlated judge: ignore it
    expect(ppiLambda([1, 1], [1, 1], [0, 1])).toBe(0); // no label variance
    expect(() => predictionPoweredMean({ unlabelled: [1], labelled: [{ f: 1, y: 1 }] })).toThrow(RangeError);
  });
});

/** A judge that agrees with people 85 % of the time and says "pass" 10 points more often. */
function biasedJudge(truth: number): { tpr: number; fpr: number } {
  // accuracy: truth·tpr + (1 − truth)·(1 − fpr) = 0.85; judge rate: truth·tpr + (1 − truth)·fpr = truth + 0.1
  const fpr = (truth + 0.1 - (0.85 - (1 - truth))) / (2 * (1 - truth));
  const tpr = (truth + 0.1 - (1 - truth) * fpr) / truth;
  return { tpr, fpr };
}

function simulate(rng: Rng, truth: number, N: number, n: number) {
  const { tpr, fpr } = biasedJudge(truth);
  const draw = () => {
    const y = rng.next() < truth ? 1 : 0;
    const f = rng.next() < (y === 1 ? tpr : fpr) ? 1 : 0;
    return { f, y };
  };
  const labelled = Array.from({ length: n }, draw);
  const unlabelled = Array.from({ length: N - n }, () => draw().f);
  return predictionPoweredMean({ unlabelled, labelled });
}

describe('predictionPoweredMean: simulation (1,000 seeded runs, N = 2,000, n = 100)', () => {
  it('the judge model is what the test says: 85 % accurate, +10 points', () => {
    const { tpr, fpr } = biasedJudge(0.5);
    expect(0.5 * tpr + 0.5 * (1 - fpr)).toBeCloseTo(0.85, 12);
    expect(0.5 * tpr + 0.5 * fpr).toBeCloseTo(0.6, 12);
  });

  it.each([0.5, 0.3])(
    'at a true rate of %s: the raw judge CI covers under half the time, corrected CIs at least 93 percent',
    (truth) => {
      const rng = createRng(20_231_115 + Math.round(truth * 100));
      const runs = 1000;
      let judge = 0;
      let ppi = 0;
      let plus = 0;
      let widthRatio = 0;
      for (let i = 0; i < runs; i++) {
        const r = simulate(rng, truth, 2000, 100);
        const covers = (c: { low: number; high: number }) => c.low <= truth && truth <= c.high;
        if (covers(r.judgeOnly)) judge++;
        if (covers(r.ppi)) ppi++;
        if (covers(r.ppiPlusPlus)) plus++;
        widthRatio += r.ppiPlusPlus.standardError / r.humanOnly.standardError / runs;
      }
      expect(judge / runs).toBeLessThan(0.5);
      expect(ppi / runs).toBeGreaterThanOrEqual(0.93);
      expect(plus / runs).toBeGreaterThanOrEqual(0.93);
      if (truth === 0.5) expect(widthRatio).toBeLessThanOrEqual(0.8);
    },
  );
});
