import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { FeatureCounter } from './feature-counter.js';
import { bigramHash, countTermFeatures, termHashes } from './hash-features.js';
import { IDF_BUCKET_BITS, fitHashEmbedderIdfOnInterned, idfSlot } from './hash-idf.js';
import { internTerms } from './interned-terms.js';

const SHIFT = 32 - IDF_BUCKET_BITS;

/** Oracle: the per-token count, one hash table per document (the fit before the rewrite). */
function referenceDf(documents: string[][]): Uint32Array {
  const df = new Uint32Array(1 << IDF_BUCKET_BITS);
  const counter = new FeatureCounter();
  for (const terms of documents) {
    countTermFeatures(terms, counter);
    for (let i = 0; i < counter.size; i++) df[idfSlot(counter.key(i), SHIFT)]++;
  }
  return df;
}

/** Slots where two tables differ (toEqual on 2¹⁸ entries takes seconds). */
function differingSlots(a: Uint32Array, b: Uint32Array): number {
  let count = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) count++;
  return count;
}

describe('fitHashEmbedderIdfOnInterned', () => {
  it('counts each feature once per document, by hand on a tiny corpus', () => {
    // "abc" twice in document 0 and once in document 1: its unigram has df 2, not 3.
    const documents = [['abc', 'abc'], ['abc', 'xyz'], []];
    const { documentCount, df } = fitHashEmbedderIdfOnInterned(internTerms(documents));
    expect(documentCount).toBe(3);
    const [abc] = termHashes('abc');
    const [xyz] = termHashes('xyz');
    expect(df[idfSlot(abc, SHIFT)]).toBe(2);
    // The bigram "abc abc" occurs twice in document 0 and counts once; "abc xyz" once.
    expect(df[idfSlot(bigramHash(abc, abc), SHIFT)]).toBe(1);
    expect(df[idfSlot(bigramHash(abc, xyz), SHIFT)]).toBe(1);
    expect(df[idfSlot(xyz, SHIFT)]).toBe(1);
    // Total: distinct (feature, group) pairs per document, summed. Document 0: 1 unigram,
    // 1 bigram, 6 n-grams ("<ab", "abc", "bc>", "<abc", "abc>", "<abc>"); document 1: 2 + 1 +
    // 12 (no n-gram is shared: both words are padded, and "abc"/"xyz" share no letters).
    expect(df.reduce((a, b) => a + b, 0)).toBe(8 + 15);
    expect(differingSlots(df, referenceDf(documents))).toBe(0);
  });

  it('equals the per-token count bit for bit on a random corpus with shared n-grams', () => {
    const rng = createRng(7);
    // Words built from few letters, so distinct words share many n-grams, and repeat in a document.
    const letters = 'aeiklnrst';
    const vocabulary = Array.from({ length: 400 }, () =>
      Array.from({ length: 2 + Math.floor(rng.next() * 7) }, () => letters[Math.floor(rng.next() * 9)]).join(
        '',
      ),
    );
    const documents = Array.from({ length: 300 }, () =>
      Array.from(
        { length: Math.floor(rng.next() * 40) },
        () => vocabulary[Math.floor(rng.next() ** 2 * 400)],
      ),
    );
    const fast = fitHashEmbedderIdfOnInterned(internTerms(documents));
    expect(fast.documentCount).toBe(300);
    expect(fast.df.reduce((a, b) => a + b, 0)).toBeGreaterThan(10_000);
    expect(differingSlots(fast.df, referenceDf(documents))).toBe(0);
  });
});
