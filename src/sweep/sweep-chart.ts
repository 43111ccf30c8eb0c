// The trade-off chart of a sweep: each variant's first quality metric against its first cost or
// latency metric (same suite × provider), Pareto-front variants highlighted. A Vega-Lite spec,
// drawn to SVG by the charts room; null when the matrix has no such pair of rows.
import type { VegaLiteSpec } from '../charts/chart.js';
import { describeMetric } from '../metrics/metric-catalog.js';
import type { SweepRecord, SweepRow } from './sweep-record.js';

export const SWEEP_CHART_FILE = 'pareto.svg';

export function sweepTradeoffChart(sweep: SweepRecord): { title: string; spec: VegaLiteSpec } | null {
  const complete = (r: SweepRow) => r.cells.length > 1 && r.cells.every((c) => c.value !== null);
  const isOperations = (r: SweepRow) => describeMetric(r.metric).family === 'operations';
  const quality = sweep.rows.find((r) => !isOperations(r) && complete(r));
  if (!quality) return null;
  const operations = sweep.rows.filter(
    (r) => isOperations(r) && complete(r) && r.suite === quality.suite && r.provider === quality.provider,
  );
  // Prefer the axis on which the variants actually differ (cost is often the same for all).
  const spread = (r: SweepRow) => {
    const values = r.cells.map((c) => c.value as number);
    return Math.max(...values) - Math.min(...values);
  };
  const cost = operations.find((r) => spread(r) > 0) ?? operations[0];
  if (!cost) return null;
  const values = quality.cells.map((cell) => ({
    variant: cell.variant,
    quality: cell.value,
    cost: cost.cells.find((c) => c.variant === cell.variant)?.value ?? null,
    front: sweep.pareto.includes(cell.variant) ? 'Pareto front' : 'dominated',
  }));
  const label = (r: SweepRow) => describeMetric(r.metric).label;
  const title = `${label(quality)} against ${label(cost)} (${quality.suite})`;
  return {
    title,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: {
        text: title,
        subtitle: `sweep ${sweep.id}; the front is over every metric of the matrix (point estimates)`,
      },
      width: 420,
      height: 260,
      data: { values },
      layer: [
        {
          mark: { type: 'point', filled: true, size: 70 },
          encoding: {
            x: {
              field: 'cost',
              type: 'quantitative',
              title: `${cost.metric} (lower is better)`,
              scale: { zero: false },
            },
            y: {
              field: 'quality',
              type: 'quantitative',
              title: `${quality.metric} (${quality.higherIsBetter ? 'higher' : 'lower'} is better)`,
              scale: { zero: false },
            },
            color: {
              field: 'front',
              type: 'nominal',
              scale: { domain: ['Pareto front', 'dominated'], range: ['#4c78a8', '#bab0ac'] },
              legend: { title: null, orient: 'bottom' },
            },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 6, fontSize: 9 },
          encoding: {
            x: { field: 'cost', type: 'quantitative' },
            y: { field: 'quality', type: 'quantitative' },
            text: { field: 'variant' },
          },
        },
      ],
    },
  };
}
