import { describe, expect, it } from 'vitest';
import { bm25FromJSON, createBm25Index, restoreBm25Index } from './bm25.js';

// Content terms: d1 = [refund, refund, polici] (dl 3), d2 = [refund, window] (dl 2),
// d3 = [password, reset] (dl 2); N = 3, avgdl = 7/3, k1 = 0.9, b = 0.4.
const docs = [
  { id: 'd1', text: 'refund refund policy' },
  { id: 'd2', text: 'refund window' },
  { id: 'd3', text: 'password reset' },
];

describe('createBm25Index', () => {
  it('matches hand-computed Lucene BM25 scores', () => {
    const index = createBm25Index(docs);
    // idf(refund) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln(1.6) = 0.470004
    // d1: K = 0.9·(1 - 0.4 + 0.4·3/(7/3)) = 1.002857; tf part = 2·1.9 / (2 + 1.002857) = 1.265461
    //     score = 0.470004 · 1.265461 = 0.594771
    // d2: K = 0.9·(0.6 + 0.4·2/(7/3)) = 0.848571; tf part = 1.9 / (1 + 0.848571) = 1.027820
    //     score = 0.470004 · 1.027820 = 0.483079
    const hits = index.search('refund', 10);
    expect(hits.map((h) => h.id)).toEqual(['d1', 'd2']);
    expect(hits[0].score).toBeCloseTo(0.594771, 5);
    expect(hits[1].score).toBeCloseTo(0.483079, 5);
    // + idf(polici) = ln(1 + 2.5/1.5) = 0.980829, tf part (d1) = 1.9 / (1 + 1.002857) = 0.948645
    //   d1 = 0.594771 + 0.980829 · 0.948645 = 1.525230
    expect(index.search('refund policies', 10)[0].score).toBeCloseTo(1.52523, 5);
  });

  it('counts a repeated query term once and ignores unknown or stop words', () => {
    const index = createBm25Index(docs);
    expect(index.search('refund refund', 10)).toEqual(index.search('refund', 10));
    expect(index.search('the unknownword', 10)).toEqual([]);
    expect(index.search('refund', 1).map((h) => h.id)).toEqual(['d1']);
  });

  it('indexes the title with the text', () => {
    const index = createBm25Index([
      { id: 'a', title: 'Billing', text: 'about invoices' },
      { id: 'b', text: 'about passwords' },
    ]);
    expect(index.search('billing', 5).map((h) => h.id)).toEqual(['a']);
  });

  it('breaks score ties by document order', () => {
    const index = createBm25Index([
      { id: 'z', text: 'refund window' },
      { id: 'a', text: 'refund window' },
    ]);
    expect(index.search('refund', 5).map((h) => [h.index, h.id])).toEqual([
      [0, 'z'],
      [1, 'a'],
    ]);
  });

  it('round-trips its state as plain data and through JSON', () => {
    const index = createBm25Index(docs, { k1: 1.2, b: 0.75 });
    const restored = restoreBm25Index(index.toState());
    const fromJson = bm25FromJSON(JSON.parse(JSON.stringify(index)));
    for (const query of ['refund', 'password reset', 'policy window']) {
      expect(restored.search(query, 3)).toEqual(index.search(query, 3));
      expect(fromJson.search(query, 3)).toEqual(index.search(query, 3));
    }
    expect(index.toState().offsets).toBeInstanceOf(Uint32Array);
  });
});
