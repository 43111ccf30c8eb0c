// Classification: a confusion-matrix heatmap per classify suite (rows = gold label, columns =
// prediction, "(invalid)" = an answer that was none of the labels), counts printed in cells.
import type { RunRecord } from '../run/types.js';
import type { Chart } from './chart.js';

export function confusionChart(record: RunRecord): Chart | null {
  const providers = new Set(record.summary.map((s) => s.provider));
  const values: { panel: string; actual: string; predicted: string; count: number; order: number }[] = [];
  for (const s of record.summary) {
    const c = s.classification;
    if (!c) continue;
    const panel = providers.size > 1 ? `${s.suite} · ${s.provider}` : s.suite;
    const columns = Object.keys(c.confusion[c.labels[0]] ?? {});
    const order = [...c.labels, ...columns.filter((l) => !c.labels.includes(l))];
    for (const actual of c.labels) {
      for (const predicted of order) {
        values.push({
          panel,
          actual,
          predicted,
          count: c.confusion[actual]?.[predicted] ?? 0,
          order: order.indexOf(predicted),
        });
      }
    }
  }
  if (values.length === 0) return null;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: 'Confusion matrix', subtitle: 'rows = gold label, columns = prediction' },
    data: { values },
    facet: { field: 'panel', type: 'nominal', title: null },
    columns: 2,
    resolve: { scale: { x: 'independent', y: 'independent', color: 'independent' } },
    spec: {
      width: { step: 44 },
      height: { step: 30 },
      encoding: {
        x: {
          field: 'predicted',
          type: 'nominal',
          sort: { field: 'order' },
          title: 'predicted',
          axis: { labelAngle: -30 },
        },
        y: { field: 'actual', type: 'nominal', sort: { field: 'order' }, title: 'gold' },
      },
      layer: [
        {
          mark: 'rect',
          encoding: {
            color: { field: 'count', type: 'quantitative', scale: { scheme: 'blues' }, legend: null },
          },
        },
        {
          mark: { type: 'text', fontSize: 11 },
          encoding: {
            text: { field: 'count', type: 'quantitative' },
            color: { condition: { test: 'datum.count > 20', value: 'white' }, value: 'black' },
          },
        },
      ],
    },
  };
  return { file: 'confusion-matrix.svg', title: 'Confusion matrix', section: 'Performance Metrics', spec };
}
