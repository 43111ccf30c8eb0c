import { describe, expect, it } from 'vitest';
import { classifyCentroid, FALLBACK_SOFTMAX_SCALE, trainCentroids } from './centroid-classifier.js';
import { fitSoftmaxScale } from './fit-softmax-scale.js';

const EXAMPLES = [
  { input: 'Please refund the duplicate card charge', output: 'billing' },
  { input: 'Where is my invoice for last month?', output: 'billing' },
  { input: 'Sync fails with error 500 on the desktop app', output: 'technical' },
  { input: 'The app crashes when I open a shared folder', output: 'technical' },
];
const LABELS = ['billing', 'technical'];

describe('classifyCentroid', () => {
  it('picks the label whose examples share the most weighted terms, with probabilities summing to 1', () => {
    const result = classifyCentroid(
      trainCentroids(EXAMPLES, LABELS),
      'I was charged twice, please refund one charge',
    );
    expect(result.label).toBe('billing');
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.probabilities.billing + result.probabilities.technical).toBeCloseTo(1, 5);
  });

  it('is deterministic, whatever the example order', () => {
    const input = 'desktop sync error after the invoice email';
    const first = classifyCentroid(trainCentroids(EXAMPLES, LABELS), input);
    expect(classifyCentroid(trainCentroids([...EXAMPLES].reverse(), LABELS), input)).toEqual(first);
  });

  it('is uniform and picks the first label when no term is known', () => {
    expect(classifyCentroid(trainCentroids(EXAMPLES, ['technical', 'billing']), 'hello there')).toEqual({
      label: 'technical',
      confidence: 0.5,
      probabilities: { technical: 0.5, billing: 0.5 },
    });
  });

  it('fits its softmax scale on the examples, leave-one-out, and falls back without enough of them', () => {
    // Held out, each example is scored by centroids of the other three. With scale 1 the log
    // of a label's probability is its cosine minus a constant, and a softmax only sees score
    // differences, so fitting those log-probabilities must give the model's own scale.
    const heldOut = EXAMPLES.map((example, i) => {
      const others = trainCentroids(
        EXAMPLES.filter((_, j) => j !== i),
        LABELS,
      );
      const probabilities = classifyCentroid({ ...others, scale: 1 }, example.input).probabilities;
      return { scores: LABELS.map((l) => Math.log(probabilities[l])), truth: LABELS.indexOf(example.output) };
    });
    const scale = trainCentroids(EXAMPLES, LABELS).scale;
    expect(scale).toBe(fitSoftmaxScale(heldOut));
    expect(scale).not.toBe(FALLBACK_SOFTMAX_SCALE);
    // One example per label: nothing is left to score a held-out example against.
    expect(trainCentroids([EXAMPLES[0], EXAMPLES[2]], LABELS).scale).toBe(FALLBACK_SOFTMAX_SCALE);
  });
});
