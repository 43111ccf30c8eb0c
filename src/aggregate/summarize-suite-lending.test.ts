// summarizeSuite must read a uniform group's metrics as views of the scores pool (no per-metric
// copies: the memory issue 12 measures), and copies only when it cannot lend.
import { describe, expect, it, vi } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { columnsFromResults } from '../columns/result-columns.js';
import { summarizeSuite } from './summarize-suite.js';

const seen: { metric: string; view: boolean }[] = [];

vi.mock('./suite-rows.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./suite-rows.js')>();
  return {
    ...original,
    suiteRows: (...args: Parameters<typeof original.suiteRows>) => {
      const rows = original.suiteRows(...args);
      const metric = rows.metric.bind(rows);
      return {
        ...rows,
        caseOf: rows.caseOf,
        n: rows.n,
        metric(name: string) {
          const values = metric(name);
          if (values) seen.push({ metric: name, view: values.buffer === args[0].scoreValue.buffer });
          return values;
        },
      };
    },
  };
});

const options = {
  suite: 'qa',
  task: 'rag-qa' as const,
  provider: 'local/extractive',
  model: 'm',
  promptVersion: null,
  resamples: 50,
  confidence: 0.95,
  seed: 1,
};

describe('summarizeSuite', () => {
  const results = Array.from({ length: 30 }, (_, c) =>
    caseResult({ caseId: `c${String(c).padStart(2, '0')}`, scores: { 'm.b': c % 2, 'm.a': c / 30 } }),
  );

  it('reads every metric of a uniform group as a view of the scores pool', () => {
    seen.length = 0;
    summarizeSuite({ ...options, columns: columnsFromResults(results, { sort: true }) });
    expect(seen.map((s) => s.metric).sort()).toEqual(['m.a', 'm.b']);
    expect(seen.every((s) => s.view)).toBe(true);
  });

  it('copies when one row carries its metrics in another order', () => {
    seen.length = 0;
    const mixed = results.map((r, c) => (c === 7 ? { ...r, scores: { 'm.a': 0.5, 'm.b': 1 } } : r));
    summarizeSuite({ ...options, columns: columnsFromResults(mixed, { sort: true }) });
    expect(seen.length).toBe(2);
    expect(seen.some((s) => s.view)).toBe(false);
  });
});
