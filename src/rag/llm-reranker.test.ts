import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../testing/scripted-model.js';
import { createLlmReranker } from './llm-reranker.js';
import type { RetrievedChunk } from './types.js';

const chunk = (n: number): RetrievedChunk => ({
  chunk: {
    id: `d${n}.md#0`,
    docId: `d${n}.md`,
    index: 0,
    text: `passage ${n}`,
    start: 0,
    end: 9,
    headingPath: [],
    tokenCount: 2,
  },
  score: 1 - n / 10,
  rank: n,
});

describe('createLlmReranker', () => {
  it('reorders by the model ranking, keeps unranked candidates after it, and restates scores', async () => {
    const model = createScriptedModel(['{"ranking": [3, 1]}']);
    const reranked = await createLlmReranker({ model })('query', [chunk(1), chunk(2), chunk(3)]);
    expect(reranked.map((r) => r.chunk.id)).toEqual(['d3.md#0', 'd1.md#0', 'd2.md#0']);
    expect(reranked.map((r) => [r.rank, r.score])).toEqual([
      [1, 1],
      [2, 0.5],
      [3, 1 / 3],
    ]);
    expect(model.calls[0].messages[0].content).toContain('[2] passage 2');
    expect(model.calls[0].temperature).toBe(0);
  });

  it('passes only the top candidates to the model and leaves the rest in place', async () => {
    const model = createScriptedModel(['{"ranking": [2, 1]}']);
    const reranked = await createLlmReranker({ model, maxCandidates: 2 })('q', [
      chunk(1),
      chunk(2),
      chunk(3),
    ]);
    expect(reranked.map((r) => r.chunk.id)).toEqual(['d2.md#0', 'd1.md#0', 'd3.md#0']);
    expect(model.calls[0].messages[0].content).not.toContain('passage 3');
  });

  it('keeps the first-stage order when the reply is not a usable ranking', async () => {
    const reasons: string[] = [];
    for (const reply of ['not json', '{"ranking": "3,1"}', '{"ranking": [9]}']) {
      const reranked = await createLlmReranker({
        model: createScriptedModel([reply]),
        onInvalid: (r) => reasons.push(r),
      })('q', [chunk(1), chunk(2)]);
      expect(reranked.map((r) => r.chunk.id)).toEqual(['d1.md#0', 'd2.md#0']);
    }
    expect(reasons).toHaveLength(3);
  });

  it('keeps the first-stage order when the reranker call fails', async () => {
    const reasons: string[] = [];
    const reranked = await createLlmReranker({
      model: createScriptedModel([new Error('HTTP 500')]),
      onInvalid: (r) => reasons.push(r),
    })('q', [chunk(1), chunk(2)]);
    expect(reranked.map((r) => r.chunk.id)).toEqual(['d1.md#0', 'd2.md#0']);
    expect(reasons).toEqual(['reranker call failed, first-stage order kept: HTTP 500']);
  });
});
