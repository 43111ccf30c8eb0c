import { describe, expect, it } from 'vitest';
import { confusionTable, kappa, type RatingPair } from './cohen-kappa.js';

const pairsFrom = (counts: number[][], categories: number[]): RatingPair[] =>
  counts.flatMap((row, i) =>
    row.flatMap((c, j) => Array.from({ length: c }, () => ({ judge: categories[i], human: categories[j] }))),
  );

describe('Cohen kappa', () => {
  it('binary: the textbook 2×2 example', () => {
    // judge×human: [[20, 5], [10, 15]], n = 50. p_o = 35/50 = 0.7.
    // judge marginals 25/50, 25/50; human 30/50, 20/50 → p_e = 0.5·0.6 + 0.5·0.4 = 0.5 → κ = 0.4
    const table = confusionTable(
      pairsFrom(
        [
          [20, 5],
          [10, 15],
        ],
        [1, 0],
      ),
      [1, 0],
    );
    expect(table.counts).toEqual([
      [20, 5],
      [10, 15],
    ]);
    expect(kappa(table)).toBeCloseTo(0.4, 12);
  });

  it('perfect agreement is 1, chance-level agreement 0, and no variation is undefined', () => {
    expect(
      kappa(
        confusionTable(
          pairsFrom(
            [
              [5, 0],
              [0, 5],
            ],
            [0, 1],
          ),
        ),
      ),
    ).toBe(1);
    expect(
      kappa(
        confusionTable(
          pairsFrom(
            [
              [5, 5],
              [5, 5],
            ],
            [0, 1],
          ),
        ),
      ),
    ).toBeCloseTo(0, 12);
    expect(kappa(confusionTable([{ judge: 1, human: 1 }], [0, 1]))).toBeNull();
  });

  it('weighted: linear and quadratic on a 3-grade table, by hand', () => {
    // categories 0, 0.5, 1; counts (judge rows × human cols), n = 10:
    //   [[2, 1, 0],
    //    [1, 2, 1],
    //    [0, 1, 2]]
    // row marginals .3 .4 .3; column marginals .3 .4 .3.
    // linear weights |i−j|/2: observed Σ w·O = (1+1+1+1)·0.5/10 = 0.2;
    //   expected Σ w·E = 0.5·(.3·.4·2 + .4·.3·2) + 1·(.3·.3·2) = 0.5·0.48 + 0.18 = 0.42 → κ = 1 − 0.2/0.42
    // quadratic weights ((i−j)/2)²: observed 0.25·0.4 = 0.1; expected 0.25·0.48 + 0.18 = 0.3 → κ = 1 − 1/3
    const table = confusionTable(
      pairsFrom(
        [
          [2, 1, 0],
          [1, 2, 1],
          [0, 1, 2],
        ],
        [0, 0.5, 1],
      ),
    );
    expect(table.categories).toEqual([0, 0.5, 1]);
    expect(kappa(table, 'linear')).toBeCloseTo(1 - 0.2 / 0.42, 12);
    expect(kappa(table, 'quadratic')).toBeCloseTo(2 / 3, 12);
    // unweighted: p_o = 0.6, p_e = .09 + .16 + .09 = 0.34 → (0.6 − 0.34)/0.66
    expect(kappa(table)).toBeCloseTo(0.26 / 0.66, 12);
  });

  it('weights come from grade values: unobserved grades of the scale do not shrink distances', () => {
    // 1–5 rubric mapped to 0–1; only 0, 0.25 and 1 occur. Six (judge, human) pairs:
    // (0,0) (.25,.25) (1,1) (0,.25) (1,.25) (.25,0). Marginals: judge 0: 2/6, .25: 2/6, 1: 2/6;
    // human 0: 2/6, .25: 3/6, 1: 1/6. Linear weights |a − b| (span 1):
    //   observed Σw·O = (.25 + .75 + .25)/6 = 15/72;
    //   expected Σw·E = (2/6)(3/6)·.25 + (2/6)(1/6)·1 + (2/6)(2/6)·.25 + (2/6)(1/6)·.75
    //                 + (2/6)(2/6)·1 + (2/6)(3/6)·.75 = 29/72  →  κ = 1 − 15/29 = 14/29.
    // Position-based weights would have called 0.25 → 1 one step of two (0.5), not 0.75.
    const pairs = [
      { judge: 0, human: 0 },
      { judge: 0.25, human: 0.25 },
      { judge: 1, human: 1 },
      { judge: 0, human: 0.25 },
      { judge: 1, human: 0.25 },
      { judge: 0.25, human: 0 },
    ];
    expect(kappa(confusionTable(pairs), 'linear')).toBeCloseTo(14 / 29, 12);
    // Listing the whole scale changes nothing: the empty grades carry no mass.
    const scale = [0, 0.25, 0.5, 0.75, 1];
    expect(kappa(confusionTable(pairs, scale), 'linear')).toBeCloseTo(14 / 29, 12);
    expect(kappa(confusionTable(pairs, scale), 'quadratic')).toBeCloseTo(
      kappa(confusionTable(pairs), 'quadratic') ?? Number.NaN,
      12,
    );
    // Quadratic: observed (.0625 + .5625 + .0625)/6 = 0.6875/6; expected Σ(a−b)²·r·c = 89/288
    expect(kappa(confusionTable(pairs), 'quadratic')).toBeCloseTo(1 - 0.6875 / 6 / (89 / 288), 12);
  });

  it('rejects ratings outside the given categories', () => {
    expect(() => confusionTable([{ judge: 2, human: 1 }], [0, 1])).toThrow(RangeError);
  });
});
