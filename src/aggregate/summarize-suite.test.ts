import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { columnsFromResults } from '../columns/result-columns.js';
import { summarizeSuite } from './summarize-suite.js';

const options = {
  suite: 'qa',
  task: 'rag-qa' as const,
  provider: 'local/extractive',
  model: 'm',
  promptVersion: null,
  resamples: 200,
  confidence: 0.95,
  seed: 1,
};

describe('summarizeSuite cost per case', () => {
  it('is total spend / case runs in both the metric and the cost block, failed calls included as $0', () => {
    // Spend 0.003 + 0.001 + 0.002 + 0 (the failed call has no price) = 0.006 over 4 cases → 0.0015.
    // Leaving the failed case out of the metric's mean would give 0.006 / 3 = 0.002.
    const results = [
      caseResult({ caseId: 'a', costUsd: 0.003 }),
      caseResult({ caseId: 'b', costUsd: 0.001 }),
      caseResult({ caseId: 'c', costUsd: 0.002 }),
      caseResult({ caseId: 'd', costUsd: null, output: null, error: { code: 'HTTP_500', message: 'boom' } }),
    ];
    const summary = summarizeSuite({ ...options, results });
    expect(summary.cost.totalUsd).toBeCloseTo(0.006, 12);
    expect(summary.cost.perCaseUsd).toBeCloseTo(0.0015, 12);
    expect(summary.metrics['cost.per_case_usd'].value).toBeCloseTo(0.0015, 12);
  });

  it('divides by case runs when cases are repeated: the mean over cases of the mean over repeats', () => {
    const results = [
      caseResult({ caseId: 'a', costUsd: 0.004, repeat: 0 }),
      caseResult({ caseId: 'a', costUsd: 0.002, repeat: 1 }),
      caseResult({ caseId: 'b', costUsd: 0.001, repeat: 0 }),
      caseResult({ caseId: 'b', costUsd: 0.001, repeat: 1 }),
    ];
    const summary = summarizeSuite({ ...options, results });
    // 0.008 / 4 runs = 0.002 = mean(0.003, 0.001).
    expect(summary.cost.perCaseUsd).toBeCloseTo(0.002, 12);
    expect(summary.metrics['cost.per_case_usd'].value).toBeCloseTo(0.002, 12);
  });
});

describe('summarizeSuite per-case values', () => {
  it('gives the same means and intervals whatever order the rows come in (one row per case)', () => {
    const ids = ['e', 'c', 'a', 'd', 'b', 'f', 'h', 'g'];
    const results = ids.map((caseId, i) =>
      caseResult({ caseId, scores: { 'answer.f1': ((i * 3) % 8) / 8 } }),
    );
    const sorted = [...results].sort((x, y) => x.caseId.localeCompare(y.caseId));
    const given = summarizeSuite({ ...options, results });
    const inOrder = summarizeSuite({ ...options, results: sorted });
    expect(given.metrics['answer.f1']).toEqual(inOrder.metrics['answer.f1']);
    expect(given.metrics['answer.f1'].low).not.toBe(given.metrics['answer.f1'].high);
  });
});

describe('summarizeSuite on lent metric columns', () => {
  const results = Array.from({ length: 40 }, (_, c) =>
    caseResult({
      caseId: `c${String(c).padStart(2, '0')}`,
      scores: { 'm.b': (c * 7) % 10, 'm.a': c % 3 === 0 ? null : c / 40 },
    }),
  );

  it('gives the same summary as copied columns, and leaves the scores pool as it found it', () => {
    const columns = columnsFromResults(results, { sort: true });
    const pool = columns.scoreValue.slice();
    const lent = summarizeSuite({ ...options, columns });
    expect(columns.scoreValue).toEqual(pool);
    // One row with its metrics in another order: nothing is lent, every column is a copy.
    const mixed = results.map((r, c) =>
      c === 39 ? { ...r, scores: Object.fromEntries(Object.entries(r.scores).reverse()) } : r,
    );
    const copied = summarizeSuite({ ...options, columns: columnsFromResults(mixed, { sort: true }) });
    expect(lent).toEqual(copied);
  });

  it('gives the pool back when the summary throws', () => {
    const columns = columnsFromResults(results, { sort: true });
    const pool = columns.scoreValue.slice();
    expect(() => summarizeSuite({ ...options, columns, resamples: 0 })).toThrow(RangeError);
    expect(columns.scoreValue).toEqual(pool);
  });
});
