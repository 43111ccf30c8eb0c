import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { BM25_ANALYZERS } from '../text/bm25-analyzers.js';
import { createBm25Index } from './bm25.js';
import type { Bm25Index, Bm25Options } from './bm25.js';
import { createBm25Scorer } from './bm25-top-k.js';

/**
 * The exhaustive scorer, written straight from the formula in bm25.ts: every document scored,
 * each query term's contribution added in query order, sorted by score then document.
 */
function exhaustive(index: Bm25Index, query: string, k: number): { index: number; score: number }[] {
  const { k1, b, terms, offsets, docs, freqs, lengths, analyzer = 'standard' } = index.toState();
  const n = lengths.length;
  const avgdl = lengths.reduce((s, x) => s + x, 0) / n;
  const qtf = new Map<number, number>();
  for (const term of BM25_ANALYZERS[analyzer](query)) {
    const t = terms.indexOf(term);
    if (t >= 0) qtf.set(t, analyzer === 'lucene' ? (qtf.get(t) ?? 0) + 1 : 1);
  }
  const scores = new Map<number, number>();
  for (const [t, count] of qtf) {
    const df = offsets[t + 1] - offsets[t];
    const idf = count * Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (let p = offsets[t]; p < offsets[t + 1]; p++) {
      const d = docs[p];
      const tf = freqs[p];
      const norm = k1 * (1 - b + (b * lengths[d]) / avgdl);
      scores.set(d, (scores.get(d) ?? 0) + (idf * tf * (k1 + 1)) / (tf + norm));
    }
  }
  return Array.from(scores, ([d, score]) => ({ index: d, score }))
    .sort((x, y) => y.score - x.score || x.index - y.index)
    .slice(0, k);
}

/** Documents from a small vocabulary with a Zipf-like skew: long common postings, many ties. */
function corpus(size: number, seed: number): { id: string; text: string }[] {
  const rng = createRng(seed);
  const words = Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
  const pick = (): string => words[Math.floor(words.length * rng.next() ** 2)];
  return Array.from({ length: size }, (_, i) => ({
    id: `d${i}`,
    // Every fifth document repeats an earlier one exactly: equal scores, broken by position.
    text:
      i % 5 === 4 && i > 5
        ? `${pick()} copy`
        : Array.from({ length: 3 + Math.floor(rng.next() * 12) }, pick).join(' '),
  }));
}

describe('BM25 top-k with MaxScore pruning', () => {
  for (const options of [{}, { analyzer: 'lucene' }, { k1: 1.2, b: 0.75 }] as Bm25Options[]) {
    it(`returns exactly the exhaustive ranking and scores (${JSON.stringify(options)})`, () => {
      const docs = corpus(600, 7);
      // Duplicate documents (tied scores) from the text of earlier ones.
      for (let i = 9; i < docs.length; i += 5) docs[i] = { id: `d${i}`, text: docs[i - 7].text };
      const index = createBm25Index(docs, options);
      const rng = createRng(11);
      let compared = 0;
      for (let q = 0; q < 50; q++) {
        const query = Array.from(
          { length: 1 + Math.floor(rng.next() * 5) },
          () => docs[Math.floor(rng.next() * docs.length)].text.split(' ')[0],
        ).join(' ');
        for (const k of [1, 10, 50, 1000, Number.POSITIVE_INFINITY]) {
          const expected = exhaustive(index, query, k);
          const got = index.search(query, k).map(({ index: d, score }) => ({ index: d, score }));
          expect(got).toEqual(expected);
          compared += expected.length;
        }
      }
      expect(compared).toBeGreaterThan(4000);
    });
  }

  it('stays exact on larger random corpora, where most documents share the query terms and tie', () => {
    // Few words, long documents: every query term's postings cover a large share of the corpus,
    // so the essential set shrinks to the last term and most candidates are pruned by bounds;
    // one document in five is a copy of another (equal scores, broken by position).
    for (const seed of [1, 2, 3]) {
      const rng = createRng(seed);
      const words = Array.from({ length: 12 }, (_, i) => `term${String.fromCharCode(97 + i)}`);
      const docs = Array.from({ length: 2500 }, (_, i) => ({
        id: `d${i}`,
        text: Array.from(
          { length: 4 + Math.floor(rng.next() * 20) },
          () => words[Math.floor(rng.next() * 12)],
        ).join(' '),
      }));
      for (let i = 7; i < docs.length; i += 5)
        docs[i] = { id: `d${i}`, text: docs[Math.floor(rng.next() * i)].text };
      const index = createBm25Index(docs, seed === 2 ? { analyzer: 'lucene' } : {});
      for (let q = 0; q < 12; q++) {
        const query = Array.from(
          { length: 1 + Math.floor(rng.next() * 6) },
          () => words[Math.floor(rng.next() * 12)],
        ).join(' ');
        for (const k of [1, 3, 10, 50]) {
          const got = index.search(query, k).map(({ index: d, score }) => ({ index: d, score }));
          expect(got).toEqual(exhaustive(index, query, k));
        }
      }
    }
  });

  it('prunes: with k small it scores far fewer documents than the postings hold', () => {
    // Term 0 in every document (tf 1); term 1 in every third (tf 1..3). k = 2: once two
    // documents with term 1 are held, term 0 alone cannot compete and most of its postings
    // are skipped, yet the answer is the exhaustive one.
    const n = 3000;
    const offsets = Uint32Array.of(0, n, n + n / 3);
    const docs = new Uint32Array(n + n / 3);
    const freqs = new Uint32Array(n + n / 3);
    for (let d = 0; d < n; d++) {
      docs[d] = d;
      freqs[d] = 1;
    }
    for (let i = 0; i < n / 3; i++) {
      docs[n + i] = 3 * i;
      freqs[n + i] = 1 + (i % 3);
    }
    const norms = new Float64Array(n).fill(0.9);
    const scorer = createBm25Scorer({ offsets, docs, freqs }, norms, 0.9);
    const stats = { scored: 0 };
    const top = scorer.topK(
      [
        { term: 0, weight: 0.1 },
        { term: 1, weight: 2 },
      ],
      2,
      stats,
    );
    // The best: tf 3 on term 1 (i = 2, 5, ...: docs 6, 15, ...), the two lowest documents.
    const best = (0.1 * (0.9 + 1)) / (1 + 0.9) + (2 * 3 * 1.9) / (3 + 0.9);
    expect(top).toEqual([
      { label: 6, score: best },
      { label: 15, score: best },
    ]);
    // Only documents with term 1 (every third) are candidates, and of those only the ones
    // that may still beat the second best are scored in full.
    expect(stats.scored).toBeGreaterThan(0);
    expect(stats.scored).toBeLessThanOrEqual(n / 3);
    // Without pruning (k = all documents) every document is scored.
    const all = { scored: 0 };
    scorer.topK(
      [
        { term: 0, weight: 0.1 },
        { term: 1, weight: 2 },
      ],
      n,
      all,
    );
    expect(all.scored).toBe(n);
  });
});
