// Retrieval: the recall@k curve for k = 1…20 per suite, from the per-case rankings.
import type { ChartRow } from './chart-row.js';
import type { Chart } from './chart.js';
import { recallCurve } from './recall-curve.js';

export function recallChart(results: Iterable<ChartRow>, maxK = 20): Chart | null {
  const curve = recallCurve(results, maxK);
  if (curve.points.length === 0) return null;
  const depths = Object.entries(curve.depth)
    .map(([series, depth]) => `${series}: ${depth}`)
    .join(', ');
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: `Recall@k, k = 1…${maxK}`,
      subtitle: `documents retrieved per query (recall cannot grow past this depth) — ${depths}`,
    },
    width: 420,
    height: 220,
    data: { values: curve.points },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'k', type: 'quantitative', scale: { domain: [1, maxK] }, axis: { tickMinStep: 1 } },
      y: { field: 'recall', type: 'quantitative', scale: { domain: [0, 1] }, title: 'mean recall@k' },
      color: { field: 'series', type: 'nominal', legend: { title: null, orient: 'bottom', columns: 2 } },
    },
  };
  return { file: 'retrieval-recall-at-k.svg', title: 'Recall@k curve', section: 'Performance Metrics', spec };
}
