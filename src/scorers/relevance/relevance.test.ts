import { describe, expect, it } from 'vitest';
import { answerRelevance } from './answer-relevance.js';
import { contextRelevance } from './context-relevance.js';

const v = (...xs: number[]) => Float32Array.from(xs);
const passage = (id: string, text: string) => ({ id: `${id}#0`, docId: id, text });

describe('answerRelevance', () => {
  it('is the cosine of question and answer vectors', () => {
    // [1,0,0]·[0.6,0.8,0] = 0.6, both unit length
    expect(
      answerRelevance({
        output: 'Refunds take 30 days.',
        vectors: { question: v(1, 0, 0), output: v(0.6, 0.8, 0) },
      }).value,
    ).toBeCloseTo(0.6, 6);
  });
  it('is null for declines, failed calls and missing vectors', () => {
    const vectors = { question: v(1, 0), output: v(1, 0) };
    expect(answerRelevance({ output: "I don't know.", vectors })).toMatchObject({
      value: null,
      reason: 'the model declined',
    });
    expect(answerRelevance({ output: null, vectors }).value).toBeNull();
    expect(answerRelevance({ output: 'Yes.', vectors: { question: v(1, 0) } }).value).toBeNull();
  });
});

describe('contextRelevance', () => {
  it('uses gold judgements when present: share of chunks from relevant documents', () => {
    // chunks from a, b, a, c; a relevant → 2/4
    const passages = [passage('a', 'x'), passage('b', 'x'), passage('a', 'y'), passage('c', 'x')];
    expect(contextRelevance({ question: 'q', passages, relevantDocs: { a: 2, b: 0 } })).toMatchObject({
      value: 0.5,
      details: { method: 'gold' },
    });
  });
  it('falls back to chunks covering ≥ 50% of the question terms', () => {
    // question terms: long, refund, take (3). chunk 1 has refund + take = 2/3 ≥ 0.5; chunk 2 none → 1/2
    const passages = [
      passage('refunds', 'Refunds take up to 30 days.'),
      passage('pricing', 'The Pro plan costs $4.99.'),
    ];
    expect(contextRelevance({ question: 'How long do refunds take?', passages })).toMatchObject({
      value: 0.5,
      details: { method: 'heuristic' },
    });
  });
  it('is null when nothing was retrieved', () => {
    expect(contextRelevance({ question: 'q', passages: [], rankedDocIds: [] }).value).toBeNull();
  });
  it('works from ranked documents for retrieval suites', () => {
    expect(
      contextRelevance({ question: 'q', rankedDocIds: ['a', 'b', 'c', 'd'], relevantDocs: { a: 1 } }).value,
    ).toBe(0.25);
  });
});
