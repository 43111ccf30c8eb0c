// Cost per suite, stacked by kind of call (answer, judge, rerank).
import type { ChartRow } from './chart-row.js';
import type { Chart } from './chart.js';
import { costBreakdown } from './cost-breakdown.js';

export function costChart(results: Iterable<ChartRow>): Chart | null {
  const breakdown = costBreakdown(results);
  if (breakdown.bars.length === 0) return null;
  const note =
    breakdown.unpriced > 0
      ? `${breakdown.unpriced} results had no price and are not counted`
      : `total $${breakdown.totalUsd.toFixed(4)}`;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: 'Cost by suite and kind of call', subtitle: note },
    width: 360,
    height: { step: 22 },
    data: { values: breakdown.bars },
    mark: 'bar',
    encoding: {
      y: { field: 'suite', type: 'nominal', title: null },
      x: { field: 'usd', type: 'quantitative', title: 'cost (USD)', stack: 'zero' },
      color: {
        field: 'kind',
        type: 'nominal',
        scale: { domain: ['answer', 'judge', 'rerank'], range: ['#4c78a8', '#f58518', '#54a24b'] },
        legend: { title: null, orient: 'bottom' },
      },
      order: { field: 'kind' },
    },
  };
  return {
    file: 'cost-breakdown.svg',
    title: 'Cost per suite and kind of call',
    section: 'Performance Metrics',
    spec,
  };
}
