import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { changeOf, createRowContext, statusOf, toCaseRow } from './page-data.js';

const context = (baseline: ReturnType<typeof caseResult>[] | null = null, unsupported = () => ['Made up.']) =>
  createRowContext({
    title: 't',
    runId: 'r',
    baselineRunId: baseline ? 'b' : null,
    chunkText: (id) => (id.startsWith('known') ? `text of ${id}` : undefined),
    hasChunkTexts: true,
    baseline,
    unsupported,
  });

describe('changeOf', () => {
  const now = (scores: Record<string, number | null>) => caseResult({ caseId: 'a', scores });
  it('reads each metric in its own direction', () => {
    const base = now({ 'answer.f1': 0.5, 'hallucination.rate': 0 });
    expect(changeOf(now({ 'answer.f1': 0.4, 'hallucination.rate': 0 }), base)).toBe('regressed');
    expect(changeOf(now({ 'answer.f1': 0.6, 'hallucination.rate': 0 }), base)).toBe('improved');
    // A higher hallucination rate is worse even though the number went up.
    expect(changeOf(now({ 'answer.f1': 0.5, 'hallucination.rate': 1 }), base)).toBe('regressed');
    expect(changeOf(now({ 'answer.f1': 0.6, 'hallucination.rate': 1 }), base)).toBe('mixed');
    expect(changeOf(now({ 'answer.f1': 0.5, 'hallucination.rate': 0 }), base)).toBe('unchanged');
    expect(changeOf(now({ 'answer.f1': 0.5 }), undefined)).toBe('new');
  });

  it('ignores float noise and metrics missing on one side', () => {
    const base = now({ 'answer.f1': 0.3, 'answer.em': null });
    expect(changeOf(now({ 'answer.f1': 0.1 + 0.2, 'answer.em': 1 }), base)).toBe('unchanged');
  });
});

describe('statusOf', () => {
  it('is pass only for a passing attribution, fail for errors, n/a when not attributed', () => {
    expect(statusOf(caseResult({ caseId: 'a' }))).toBe('pass');
    expect(statusOf(caseResult({ caseId: 'a', attribution: 'retrieval-miss' }))).toBe('fail');
    expect(statusOf(caseResult({ caseId: 'a', error: { code: 'X', message: 'm' } }))).toBe('fail');
    expect(statusOf(caseResult({ caseId: 'a', attribution: null }))).toBe('n/a');
  });
});

describe('toCaseRow', () => {
  it('stores each chunk once, keeps dropped chunks, and pairs the baseline case', () => {
    const retrieval = {
      chunks: [
        { id: 'known/a.md#0', docId: 'known/a.md', score: 1 },
        { id: 'other/b.md#3', docId: 'other/b.md', score: 0.5 },
      ],
      docs: ['known/a.md', 'other/b.md'],
    };
    const context_ = {
      included: ['known/a.md#0'],
      dropped: ['other/b.md#3'],
      usedTokens: 10,
      budgetTokens: 10,
      overflow: true,
    };
    const base = caseResult({ caseId: 'q1', output: 'old answer', scores: { 'answer.f1': 0.5 } });
    const ctx = context([base]);
    const one = toCaseRow(
      ctx,
      caseResult({ caseId: 'q1', retrieval, context: context_, scores: { 'answer.f1': 0.25 } }),
    );
    const two = toCaseRow(
      ctx,
      caseResult({ caseId: 'q2', retrieval, context: context_, scores: { 'answer.f1': 0.3 } }),
    );
    expect(ctx.chunks).toEqual([
      { id: 'known/a.md#0', doc: 'known/a.md', text: 'text of known/a.md#0' },
      { id: 'other/b.md#3', doc: 'other/b.md', text: null },
    ]);
    expect(one.rc).toEqual([0, 1]);
    expect(two.rc).toEqual([0, 1]);
    expect(one.cs).toBe('id');
    expect(one.rl).toBeUndefined();
    expect(one.bo).toBe('old answer');
    expect(one.bv).toEqual([0.5]);
    expect(one.v).toEqual([0.25]);
    expect(one.ch).toBe('r');
    expect(two.ch).toBe('n');
    // Both rows share one metric layout.
    expect(one.m).toBe(two.m);
    expect(ctx.meta.layouts).toHaveLength(1);
    expect(ctx.meta.cases).toBe(2);
  });

  it('marks relevant chunks by position and leaves defaults out', () => {
    const ctx = context();
    const row = toCaseRow(
      ctx,
      caseResult({
        caseId: 'a',
        relevantDocs: { 'd1.md': 2, 'd2.md': 0 },
        retrieval: {
          chunks: [
            { id: 'd2.md#0', docId: 'd2.md', score: 1 },
            { id: 'd1.md#4', docId: 'd1.md', score: 0.9 },
          ],
          docs: ['d2.md', 'd1.md'],
        },
        costUsd: 0,
      }),
    );
    expect(row.rl).toEqual([1]);
    expect(row.cs).toBeUndefined();
    expect(row).not.toHaveProperty('ch');
    expect(row).not.toHaveProperty('r');
    expect(row).not.toHaveProperty('why');
    expect(row).not.toHaveProperty('cost');
    expect(row.st).toBe('p');
  });

  it('asks for unsupported sentences only when the case hallucinated and passages are known', () => {
    let calls = 0;
    const ctx = context(null, () => {
      calls++;
      return ['Made up.'];
    });
    const context_ = {
      included: ['known/a.md#0'],
      dropped: [],
      usedTokens: 1,
      budgetTokens: 9,
      overflow: false,
    };
    const grounded = toCaseRow(
      ctx,
      caseResult({ caseId: 'a', context: context_, scores: { 'hallucination.rate': 0 } }),
    );
    const made = toCaseRow(
      ctx,
      caseResult({ caseId: 'b', context: context_, scores: { 'hallucination.rate': 1 } }),
    );
    expect(grounded.un).toBeUndefined();
    expect(made.un).toEqual(['Made up.']);
    expect(calls).toBe(1);
    // Not flagged, but a sentence counted against groundedness: asked too.
    const partly = toCaseRow(
      ctx,
      caseResult({ caseId: 'c', context: context_, scores: { 'hallucination.rate': 0, groundedness: 0.5 } }),
    );
    expect(partly.un).toEqual(['Made up.']);
    expect(calls).toBe(2);
  });
});
