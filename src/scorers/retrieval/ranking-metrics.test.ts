// Hand-computed trec_eval values. Judgements: d1 grade 3, d2 grade 2, d3 grade 1, d4 judged
// non-relevant (0) → 3 relevant documents. Run: d2, d5, d1, d4.
import { describe, expect, it } from 'vitest';
import { averagePrecision } from './average-precision.js';
import { hitRate } from './hit-rate.js';
import { ndcgAtK } from './ndcg-at-k.js';
import { precisionAtK } from './precision-at-k.js';
import type { RankingInput } from './ranking-input.js';
import { recallAtK } from './recall-at-k.js';
import { reciprocalRank } from './reciprocal-rank.js';

const relevant = { d1: 3, d2: 2, d3: 1, d4: 0 };
const run: RankingInput = { ranked: ['d2', 'd5', 'd1', 'd4'], relevant, k: 3 };

describe('recallAtK', () => {
  it('divides relevant in the top k by all judged relevant', () => {
    // top 3 = d2, d5, d1 → 2 relevant of 3
    expect(recallAtK(run)).toBeCloseTo(2 / 3, 10);
    expect(recallAtK({ ...run, k: 1 })).toBeCloseTo(1 / 3, 10);
  });
});

describe('precisionAtK', () => {
  it('divides by k', () => {
    expect(precisionAtK(run)).toBeCloseTo(2 / 3, 10);
  });
  it('divides by k even when fewer than k were retrieved (trec_eval P_k)', () => {
    // 4 retrieved, k = 5: 2 relevant / 5 = 0.4, not 2/4
    expect(precisionAtK({ ...run, k: 5 })).toBeCloseTo(0.4, 10);
  });
});

describe('reciprocalRank', () => {
  it('is 1 / rank of the first relevant document', () => {
    expect(reciprocalRank(run)).toBe(1);
    expect(reciprocalRank({ ranked: ['d5', 'd4', 'd3'], relevant })).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRank({ ranked: ['d5'], relevant })).toBe(0);
  });
});

describe('ndcgAtK', () => {
  it('uses linear gains, log2(rank+1) discounts and the ideal from all judged relevant docs', () => {
    // DCG@3  = 2/log2(2) + 0/log2(3) + 3/log2(4) = 2 + 0 + 1.5 = 3.5
    // IDCG@3 = 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.2618595 + 0.5 = 4.7618595
    // nDCG@3 = 3.5 / 4.7618595 = 0.7350070
    expect(ndcgAtK(run)).toBeCloseTo(3.5 / (3 + 2 / Math.log2(3) + 0.5), 10);
    expect(ndcgAtK(run)).toBeCloseTo(0.735007, 6);
  });
  it('does not build the ideal from the retrieved documents only', () => {
    // Only d3 (grade 1) retrieved: DCG = 1, IDCG@3 = 4.7618595 → 0.2100 (a retrieved-only ideal would say 1)
    expect(ndcgAtK({ ranked: ['d3'], relevant, k: 3 })).toBeCloseTo(1 / 4.7618595, 6);
  });
  it('cuts the ideal at k too', () => {
    // k = 1: DCG = 2 (d2), IDCG = 3 (d1) → 2/3
    expect(ndcgAtK({ ...run, k: 1 })).toBeCloseTo(2 / 3, 10);
  });
});

describe('averagePrecision', () => {
  it('sums precision at each relevant retrieved document over all relevant', () => {
    // relevant at rank 1 (P = 1/1) and rank 3 (P = 2/3); d3 never retrieved → (1 + 2/3) / 3 = 0.5556
    expect(averagePrecision(run)).toBeCloseTo((1 + 2 / 3) / 3, 10);
  });
});

describe('hitRate', () => {
  it('is 1 when any relevant document is in the top k', () => {
    expect(hitRate(run)).toBe(1);
    expect(hitRate({ ranked: ['d5', 'd4', 'd1'], relevant, k: 2 })).toBe(0);
  });
});

describe('cases without judged relevant documents', () => {
  it('make every metric null', () => {
    const none: RankingInput = { ranked: ['d1'], relevant: { d1: 0 }, k: 3 };
    expect([
      recallAtK(none),
      precisionAtK(none),
      reciprocalRank(none),
      ndcgAtK(none),
      averagePrecision(none),
      hitRate(none),
    ]).toEqual([null, null, null, null, null, null]);
  });
  it('an empty run with relevant documents scores 0, not null', () => {
    const empty: RankingInput = { ranked: [], relevant, k: 3 };
    expect([
      recallAtK(empty),
      precisionAtK(empty),
      reciprocalRank(empty),
      ndcgAtK(empty),
      averagePrecision(empty),
      hitRate(empty),
    ]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
