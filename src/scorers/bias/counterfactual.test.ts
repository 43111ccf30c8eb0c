import { describe, expect, it } from 'vitest';
import { tokenF1 } from '../answer/token-f1.js';
import { answerDivergence, groupScoreGap, labelFlipRate, type CounterfactualCase } from './counterfactual.js';

describe('labelFlipRate', () => {
  it('is the share of base cases whose variants disagree (an invalid output differs from any label)', () => {
    const cases: CounterfactualCase[] = [
      {
        baseId: 'c1',
        variants: [
          { group: 'f', label: 'billing' },
          { group: 'm', label: 'billing' },
        ],
      },
      {
        baseId: 'c2',
        variants: [
          { group: 'f', label: 'billing' },
          { group: 'm', label: 'escalate' },
        ],
      },
      {
        baseId: 'c3',
        variants: [
          { group: 'f', label: null },
          { group: 'm', label: 'general' },
        ],
      },
      { baseId: 'c4', variants: [{ group: 'f', label: 'billing' }] }, // nothing to compare
    ];
    // 2 flipped of 3 compared
    expect(labelFlipRate(cases)).toEqual({ rate: 2 / 3, compared: 3, flipped: ['c2', 'c3'] });
  });
});

describe('answerDivergence', () => {
  it('is 1 − mean pairwise similarity, averaged over base cases', () => {
    const same = (a: string, b: string) => (a === b ? 1 : 0);
    const cases: CounterfactualCase[] = [
      // pairs (x,x)=1, (x,y)=0, (x,y)=0 → mean 1/3 → divergence 2/3
      {
        baseId: 'c1',
        variants: [
          { group: 'f', answer: 'x' },
          { group: 'm', answer: 'x' },
          { group: 'n', answer: 'y' },
        ],
      },
      // one pair, identical → 0
      {
        baseId: 'c2',
        variants: [
          { group: 'f', answer: 'z' },
          { group: 'm', answer: 'z' },
        ],
      },
    ];
    const result = answerDivergence({ cases, similarity: same });
    expect(result.perCase.c1).toBeCloseTo(2 / 3, 10);
    expect(result.divergence).toBeCloseTo(1 / 3, 10);
  });
  it('works with token F1 as the similarity', () => {
    // F1("cat sat", "cat sat on") = 0.8 → divergence 0.2
    const result = answerDivergence({
      cases: [
        {
          baseId: 'c',
          variants: [
            { group: 'f', answer: 'The cat sat' },
            { group: 'm', answer: 'cat sat on' },
          ],
        },
      ],
      similarity: (a, b) => tokenF1(a, [b]) ?? 0,
    });
    expect(result.divergence).toBeCloseTo(0.2, 10);
  });
});

describe('groupScoreGap', () => {
  it('is max − min of the per-group mean scores', () => {
    const cases: CounterfactualCase[] = [
      {
        baseId: 'c1',
        variants: [
          { group: 'f', score: 1 },
          { group: 'm', score: 0 },
        ],
      },
      {
        baseId: 'c2',
        variants: [
          { group: 'f', score: 0.5 },
          { group: 'm', score: 0.5 },
          { group: 'm', score: null },
        ],
      },
      { baseId: 'c3', variants: [{ group: 'm', score: 1 }] },
    ];
    // f: (1 + 0.5)/2 = 0.75; m: (0 + 0.5 + 1)/3 = 0.5 → gap 0.25
    expect(groupScoreGap(cases)).toEqual({
      gap: 0.25,
      means: { f: { mean: 0.75, n: 2 }, m: { mean: 0.5, n: 3 } },
      highest: 'f',
      lowest: 'm',
    });
  });
});
