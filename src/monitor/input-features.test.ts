import { describe, expect, it } from 'vitest';
import { centroidOf, corpusVocabulary, cosineDistance, oovRate } from './input-features.js';

describe('input features', () => {
  const vocab = corpusVocabulary([
    { id: 'a', title: 'Refunds', text: 'You can request a refund for annual plans.' },
  ]);
  it('OOV rate: share of content terms (stemmed, stop words out) missing from the corpus', () => {
    // content terms: refund (in: "refunds"/"refund"), annual (in), kubernetes (out), cluster (out)
    expect(oovRate('Refund my annual Kubernetes cluster', vocab)).toBeCloseTo(2 / 4, 12);
    expect(oovRate('refunds for plans', vocab)).toBe(0);
    expect(oovRate('the and of', vocab)).toBeNull();
  });
  it('centroid and cosine distance', () => {
    const c = centroidOf([Float32Array.from([1, 0]), Float32Array.from([0, 1])]);
    expect(c[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(cosineDistance(Float32Array.from([1, 0]), c)).toBeCloseTo(1 - Math.SQRT1_2, 6);
    expect(cosineDistance(c, c)).toBeCloseTo(0, 6);
  });
});
