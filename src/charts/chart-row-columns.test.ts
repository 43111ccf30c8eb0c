import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import type { CaseResult } from '../run/types.js';
import { toChartRow } from './chart-row.js';
import { chartRowColumns } from './chart-row-columns.js';
import { costBreakdown } from './cost-breakdown.js';
import { latencyDistribution } from './latency-distribution.js';
import { recallCurve } from './recall-curve.js';

function results(): CaseResult[] {
  const absentLatency = caseResult({ caseId: 'd', suite: 'b', costUsd: 0.5 });
  delete (absentLatency as Partial<CaseResult>).latencyMs;
  return [
    caseResult({ caseId: 'a', latencyMs: 12.5, costUsd: 0.001, provider: 'x' }),
    caseResult({ caseId: 'b', latencyMs: null, costUsd: null, provider: 'y' }),
    caseResult({
      caseId: 'c',
      latencyMs: 3,
      costUsd: 0.02,
      judge: { inputTokens: 1, outputTokens: 1, estimated: false, costUsd: 0.01 },
      relevantDocs: { d1: 1 },
      retrieval: { docs: ['d1', 'd2'], chunks: [], k: 2 } as unknown as CaseResult['retrieval'],
    }),
    absentLatency,
  ];
}

describe('chartRowColumns', () => {
  it('gives back every row as toChartRow makes it: numbers, nulls, absent fields and extras', () => {
    const columns = chartRowColumns();
    for (const r of results()) columns.add(r);
    expect(columns.length).toBe(4);
    const back = [...columns];
    expect(back).toEqual(results().map(toChartRow));
    expect(back[1].latencyMs).toBeNull();
    expect(back[1].costUsd).toBeNull();
    expect('latencyMs' in back[3] && back[3].latencyMs === undefined).toBe(true);
    // Iterable again, the same rows.
    expect([...columns]).toEqual(back);
  });

  it('feeds the charts the same numbers as the rows array', () => {
    const columns = chartRowColumns();
    for (const r of results()) columns.add(r);
    const rows = results().map(toChartRow);
    expect(latencyDistribution(columns)).toEqual(latencyDistribution(rows));
    expect(costBreakdown(columns)).toEqual(costBreakdown(rows));
    expect(recallCurve(columns)).toEqual(recallCurve(rows));
    expect(costBreakdown(columns).unpriced).toBe(1);
  });
});
