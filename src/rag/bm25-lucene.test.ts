// BM25 with the Lucene analyzer and Lucene's length norms, against hand-computed scores.
import { describe, expect, it } from 'vitest';
import { luceneEnglishTerms } from '../text/lucene/english-analyzer.js';
import { createBm25Index, restoreBm25Index } from './bm25.js';

// Lucene terms: d1 = [il, 6, receptor, bind] (dl 4), d2 = [il, receptor] (dl 2),
// d3 = [tnf, alpha, signal] (dl 3); N = 3, avgdl = 3, k1 = 0.9, b = 0.4.
const docs = [
  { id: 'd1', text: 'IL-6 receptor binding' },
  { id: 'd2', text: 'the IL receptor' },
  { id: 'd3', text: 'TNF-alpha signalling' },
];

describe('BM25 with analyzer: lucene', () => {
  it('indexes Lucene terms and counts repeated query terms', () => {
    expect(docs.map((d) => luceneEnglishTerms(d.text))).toEqual([
      ['il', '6', 'receptor', 'bind'],
      ['il', 'receptor'],
      ['tnf', 'alpha', 'signal'],
    ]);
    const index = createBm25Index(docs, { analyzer: 'lucene' });
    // idf(il) = idf(receptor) = ln(1 + 1.5/2.5) = 0.470004
    // d1: K = 0.9·(0.6 + 0.4·4/3) = 1.02, tf part = 1.9/2.02;  d2: K = 0.78, tf part = 1.9/1.78
    // "IL IL receptor": qtf(il) = 2, so each document gets 3 × idf × tf part.
    const hits = index.search('IL IL receptor', 10);
    expect(hits.map((h) => h.id)).toEqual(['d2', 'd1']);
    expect(hits[0].score).toBeCloseTo(1.505068, 5);
    expect(hits[1].score).toBeCloseTo(1.326248, 5);
    expect(index.search('IL receptor', 10)[0].score).toBeCloseTo(1.003379, 5);
    // The hyphenated query is split the same way: "IL-6" finds d1 by il and 6, d2 by il.
    expect(index.search('IL-6', 10).map((h) => h.id)).toEqual(['d1', 'd2']);
  });

  it('leaves a document with no indexed term (stop words only) out of N and avgdl, as Lucene does', () => {
    const withStopWords = createBm25Index([...docs, { id: 'd4', text: 'the and of' }], {
      analyzer: 'lucene',
    });
    // Same N = 3 and avgdl = 3 as without d4, so the same hand-computed score.
    expect(withStopWords.search('IL receptor', 10)[0].score).toBeCloseTo(1.003379, 5);
  });

  it('differs from the standard analyzer where Lucene splits and counts', () => {
    const standard = createBm25Index(docs);
    // Standard keeps "il-6" whole, so d2 (il) does not match it; a repeated term counts once.
    expect(standard.search('IL-6', 10).map((h) => h.id)).toEqual(['d1']);
    expect(standard.search('IL IL receptor', 10)).toEqual(standard.search('IL receptor', 10));
  });

  it("scores Lucene's one-byte length, not the exact length, with norms: lucene", () => {
    const filler = Array.from({ length: 40 }, (_, i) => `f${i}`).join(' ');
    const two = [
      { id: 'long', text: `target ${filler}` }, // 41 terms; Lucene's norm decodes to 40
      { id: 'short', text: 'other' },
    ];
    // N = 2, avgdl = 21 (exact in both), idf(target) = ln(1 + 1.5/1.5) = ln 2.
    // exact:  K = 0.9·(0.6 + 0.4·41/21) → ln2 · 1.9/(1 + K) = 0.587188
    // lucene: K = 0.9·(0.6 + 0.4·40/21) → 0.591711
    const exact = createBm25Index(two, { analyzer: 'lucene' });
    const lucene = createBm25Index(two, { analyzer: 'lucene', norms: 'lucene' });
    expect(exact.search('target', 1)[0].score).toBeCloseTo(0.587188, 5);
    expect(lucene.search('target', 1)[0].score).toBeCloseTo(0.591711, 5);
    // Short documents (< 24 terms) are unaffected.
    expect(lucene.search('IL', 1)).toEqual(exact.search('IL', 1));
  });

  it('keeps analyzer and norms in its saved state; older states read as standard/exact', () => {
    const index = createBm25Index(docs, { analyzer: 'lucene', norms: 'lucene' });
    const state = index.toState();
    expect([state.analyzer, state.norms]).toEqual(['lucene', 'lucene']);
    expect(restoreBm25Index(state).search('IL IL', 3)).toEqual(index.search('IL IL', 3));
    const { analyzer: _a, norms: _n, ...old } = createBm25Index(docs).toState();
    expect(
      restoreBm25Index(old)
        .search('IL-6', 3)
        .map((h) => h.id),
    ).toEqual(['d1']);
  });
});
