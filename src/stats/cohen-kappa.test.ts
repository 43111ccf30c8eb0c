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

  it('rejects ratings outside the given categories', () => {
    expect(() => confusionTable([{ judge: 2, human: 1 }], [0, 1])).toThrow(RangeError);
  });
});
