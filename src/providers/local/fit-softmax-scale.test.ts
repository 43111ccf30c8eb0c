import { describe, expect, it } from 'vitest';
import { fitSoftmaxScale, meanNegativeLogLikelihood } from './fit-softmax-scale.js';

describe('fitSoftmaxScale', () => {
  it('hand-computed: finds the scale where the predicted probability matches the held-out accuracy', () => {
    // Two labels, score gap 0.2; three of four held-out examples favour their true label.
    // NLL(s) = −¾·log σ(0.2s) − ¼·log σ(−0.2s) is smallest where σ(0.2s) = ¾, i.e.
    // s = ln 3 / 0.2 = 5.493; the nearest grid point (step 0.25) is 5.5.
    const right = { scores: [0.5, 0.3], truth: 0 };
    const wrong = { scores: [0.5, 0.3], truth: 1 };
    expect(fitSoftmaxScale([right, right, right, wrong])).toBe(5.5);
  });

  it('takes the sharpest scale when every held-out example is right, and none without examples', () => {
    expect(fitSoftmaxScale([{ scores: [0.9, 0.1], truth: 0 }], [1, 2, 3])).toBe(3);
    expect(fitSoftmaxScale([])).toBeNull();
  });

  it('computes the NLL of a uniform prediction as log(number of labels)', () => {
    expect(meanNegativeLogLikelihood([{ scores: [0.2, 0.2, 0.2], truth: 1 }], 7)).toBeCloseTo(
      Math.log(3),
      12,
    );
  });
});
