import { describe, expect, it } from 'vitest';
import { sweepTradeoffChart } from './sweep-chart.js';
import type { SweepRecord, SweepRow } from './sweep-record.js';

const row = (metric: string, values: Record<string, number | null>): SweepRow => ({
  suite: 'qa',
  provider: 'p',
  metric,
  higherIsBetter: !metric.startsWith('cost') && !metric.startsWith('latency'),
  cells: Object.entries(values).map(([variant, value]) => ({ variant, value, low: null, high: null, n: 3 })),
});

const sweep = (rows: SweepRow[]) => ({ id: 's', rows, pareto: ['b'] }) as unknown as SweepRecord;

describe('sweep trade-off chart', () => {
  it('plots the first quality metric against the cost or latency row on which variants differ', () => {
    const chart = sweepTradeoffChart(
      sweep([
        row('answer.f1', { reference: 0.5, b: 0.6 }),
        row('cost.per_case_usd', { reference: 0, b: 0 }),
        row('latency.p95_ms', { reference: 100, b: 80 }),
      ]),
    )!;
    expect(chart.title).toBe('Answer F1 against Latency p95 (qa)');
    expect((chart.spec.data as { values: unknown[] }).values).toEqual([
      { variant: 'reference', quality: 0.5, cost: 100, front: 'dominated' },
      { variant: 'b', quality: 0.6, cost: 80, front: 'Pareto front' },
    ]);
  });

  it('draws nothing without a quality row and an operations row measured for every variant', () => {
    expect(sweepTradeoffChart(sweep([row('answer.f1', { reference: 0.5, b: 0.6 })]))).toBeNull();
    expect(
      sweepTradeoffChart(
        sweep([row('answer.f1', { reference: 0.5, b: null }), row('latency.p95_ms', { reference: 1, b: 2 })]),
      ),
    ).toBeNull();
  });
});
