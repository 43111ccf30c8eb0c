// History: the run's key metrics (targets and gated metrics) across the recorded runs, one
// small panel per metric with its own scale, so a slow decline shows.
import type { RunRecord } from '../run/types.js';
import type { Chart } from './chart.js';
import { runHistory } from './run-history.js';

export function historyChart(record: RunRecord, earlier: readonly RunRecord[]): Chart | null {
  const points = runHistory(record, earlier);
  if (points.length === 0) return null;
  const runs = new Set(points.map((p) => p.runId)).size;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: 'Key metrics over recorded runs',
      subtitle: `${runs} run${runs === 1 ? '' : 's'}, oldest first`,
    },
    data: { values: points.map((p, i) => ({ ...p, order: i })) },
    facet: { field: 'series', type: 'nominal', title: null },
    columns: 3,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 200,
      height: 110,
      mark: { type: 'line', point: true },
      encoding: {
        x: {
          field: 'runId',
          type: 'ordinal',
          sort: { field: 'startedAt' },
          title: null,
          axis: { labels: false, ticks: false },
        },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
      },
    },
  };
  return { file: 'history.svg', title: 'Key metrics over recorded runs', section: 'Recommendation', spec };
}
