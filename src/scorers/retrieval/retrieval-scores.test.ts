import { describe, expect, it } from 'vitest';
import { retrievalScores } from './retrieval-scores.js';

describe('retrievalScores', () => {
  it('names metrics with the configured k and always adds ndcg@10', () => {
    const scores = retrievalScores({
      rankedDocIds: ['d2', 'd5', 'd1'],
      relevantDocs: { d1: 1, d2: 1 },
      k: 5,
    });
    expect(scores.map((s) => s.name)).toEqual([
      'retrieval.recall@5',
      'retrieval.precision@5',
      'retrieval.ndcg@5',
      'retrieval.mrr',
      'retrieval.map',
      'retrieval.hit_rate@5',
      'retrieval.ndcg@10',
    ]);
    // recall 2/2; P@5 = 2/5; MRR 1; AP = (1/1 + 2/3)/2
    expect(scores[0].value).toBe(1);
    expect(scores[1].value).toBeCloseTo(0.4, 10);
    expect(scores[4].value).toBeCloseTo(5 / 6, 10);
  });
  it('does not repeat ndcg@10 when k = 10', () => {
    const names = retrievalScores({ rankedDocIds: [], relevantDocs: { d1: 1 }, k: 10 }).map((s) => s.name);
    expect(names.filter((n) => n === 'retrieval.ndcg@10')).toHaveLength(1);
  });
  it('counts a repeated document once', () => {
    const [recall] = retrievalScores({ rankedDocIds: ['d1', 'd1'], relevantDocs: { d1: 1, d2: 1 }, k: 2 });
    expect(recall.value).toBe(0.5);
  });
  it('is null without retrieval or without judged relevant documents', () => {
    expect(retrievalScores({ relevantDocs: { d1: 1 }, k: 5 }).every((s) => s.value === null)).toBe(true);
    const scores = retrievalScores({ rankedDocIds: ['d1'], relevantDocs: {}, k: 5 });
    expect(scores.every((s) => s.value === null && s.reason === 'no judged relevant documents')).toBe(true);
  });
});
