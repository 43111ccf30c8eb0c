import { describe, expect, it } from 'vitest';
import { labelPosterior } from './label-posterior.js';

describe('labelPosterior', () => {
  it('is a softmax over the log-scores, rounded to 6 digits', () => {
    // e^0 : e^(−ln 3) = 1 : 1/3 → 0.75 : 0.25
    expect(labelPosterior(['a', 'b'], [0, -Math.log(3)])).toEqual({
      label: 'a',
      confidence: 0.75,
      probabilities: { a: 0.75, b: 0.25 },
    });
    // Shifting every score by a constant changes nothing.
    expect(labelPosterior(['a', 'b'], [-1000, -1000 - Math.log(3)])).toEqual(
      labelPosterior(['a', 'b'], [0, -Math.log(3)]),
    );
  });

  it('gives -Infinity probability 0 and falls back to uniform when every label is -Infinity', () => {
    expect(labelPosterior(['a', 'b'], [-Infinity, -2]).probabilities).toEqual({ a: 0, b: 1 });
    expect(labelPosterior(['a', 'b', 'c', 'd'], [-Infinity, -Infinity, -Infinity, -Infinity])).toEqual({
      label: 'a',
      confidence: 0.25,
      probabilities: { a: 0.25, b: 0.25, c: 0.25, d: 0.25 },
    });
  });

  it('breaks ties, including float-noise ties, by label order, but lets any real difference win', () => {
    expect(labelPosterior(['b', 'a'], [-1, -1]).label).toBe('b');
    expect(labelPosterior(['b', 'a'], [-1, -1 + 1e-15]).label).toBe('b');
    // Both round to 0.5, yet the second score is higher: it wins.
    const close = labelPosterior(['billing', 'technical'], [0, 1e-6]);
    expect(close.probabilities).toEqual({ billing: 0.5, technical: 0.5 });
    expect(close.label).toBe('technical');
  });

  it('returns an empty label when there are no labels', () => {
    expect(labelPosterior([], [])).toEqual({ label: '', confidence: 0, probabilities: {} });
  });
});
