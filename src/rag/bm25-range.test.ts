// BM25 ranked over document ranges: two ranges' exact top k, merged, are the whole collection's
// top k, score for score (the hybrid query's split across the HNSW store's two threads), and the
// scorer evaluated from its source text (as the search thread evaluates it) ranks the same.
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { createBm25Index } from './bm25.js';
import type { Bm25Options } from './bm25.js';
import { BM25_SCORER_SOURCE } from './bm25-top-k.js';
import type { createBm25Scorer } from './bm25-top-k.js';
import type { WeightedTerm } from './bm25-top-k.js';
import { mergeTopK } from './merge-top-k.js';

/** A small vocabulary with a skew (long postings) and every fourth document a copy (ties). */
function corpus(size: number, seed: number): { id: string; text: string }[] {
  const rng = createRng(seed);
  const words = Array.from({ length: 30 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${i}`);
  const pick = (): string => words[Math.floor(words.length * rng.next() ** 2)];
  const docs = Array.from({ length: size }, (_, i) => ({
    id: `d${i}`,
    text: Array.from({ length: 2 + Math.floor(rng.next() * 10) }, pick).join(' '),
  }));
  for (let i = 3; i < size; i += 4) docs[i] = { id: `d${i}`, text: docs[i - 1].text };
  return docs;
}

describe('BM25 top-k over document ranges', () => {
  for (const options of [{}, { analyzer: 'lucene' }] as Bm25Options[]) {
    it(`two ranges merged give the whole top k, ties included (${JSON.stringify(options)})`, () => {
      const docs = corpus(400, 3);
      const index = createBm25Index(docs, options);
      const rng = createRng(9);
      let tiesAcrossSplit = 0;
      for (let q = 0; q < 40; q++) {
        const query = Array.from(
          { length: 1 + (q % 4) },
          () => docs[Math.floor(rng.next() * 400)].text.split(' ')[0],
        ).join(' ');
        for (const k of [1, 5, 37, 1000]) {
          const share = index.share(query, k);
          const whole = index.search(query, k).map((h) => ({ label: h.index, score: h.score }));
          // Splits at the ends, in the middle, and between a document and its copy (tied scores).
          for (const mid of [0, 1, 2, 3, 200, 399, 400]) {
            const low = share.searchRange(0, mid);
            const high = share.searchRange(mid, 400);
            for (const h of low) expect(h.label).toBeLessThan(mid);
            for (const h of high) expect(h.label).toBeGreaterThanOrEqual(mid);
            expect(mergeTopK(low, high, k)).toEqual(whole);
            const lowScores = new Set(low.map((h) => h.score));
            if (high.some((h) => lowScores.has(h.score))) tiesAcrossSplit++;
          }
        }
      }
      expect(tiesAcrossSplit).toBeGreaterThan(0);
    });
  }

  it('ranks the same when evaluated from its source text, as the search thread does', () => {
    const docs = corpus(300, 5);
    const index = createBm25Index(docs);
    const { offsets, docs: postingDocs, freqs } = index.toState();
    const share = index.share('wa0 wb1 wc2', 20);
    const fromSource = new Function(`return (${BM25_SCORER_SOURCE})`)() as typeof createBm25Scorer;
    const scorer = fromSource({ offsets, docs: postingDocs, freqs }, share.postings.norms, share.postings.k1);
    const query: WeightedTerm[] = Array.from(share.terms, (term, i) => ({ term, weight: share.weights[i] }));
    expect(query.length).toBe(3);
    for (const [from, to] of [
      [0, 300],
      [0, 150],
      [150, 300],
      [7, 8],
    ])
      expect(scorer.topK(query, 20, undefined, { from, to })).toEqual(share.searchRange(from, to));
  });

  it('keeps the postings in shared memory, so a thread reads them without a copy', () => {
    const { postings } = createBm25Index(corpus(20, 1)).share('wa0', 3);
    for (const array of [postings.offsets, postings.docs, postings.freqs, postings.norms])
      expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
