// Change vs baseline: one row per gated metric, the paired Δ as a dot with its interval, a
// zero line, and a red tick at the allowed drop. Positive is better on every row.
import type { RunRecord } from '../run/types.js';
import type { Chart, VegaLiteSpec } from './chart.js';
import { type ForestRow, forestRows } from './forest-rows.js';
import { COLORS } from './palette.js';

export function forestChart(record: RunRecord, margins: Readonly<Record<string, number>> = {}): Chart | null {
  if (!record.changes.hasBaseline) return null;
  const rows = forestRows(record, margins);
  if (rows.length === 0) return null;
  const values = rows.map((r: ForestRow) => ({
    ...r,
    status: r.failed ? 'regressed' : r.notAssessed ? 'not assessed' : 'within margin',
  }));
  const y = { field: 'label', type: 'nominal', title: null, sort: null } as const;
  const spec: VegaLiteSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: 'Change vs baseline (gated metrics)',
      subtitle: 'Δ with its paired interval; positive = better; red tick = allowed drop',
    },
    width: 360,
    height: { step: 26 },
    data: { values },
    layer: [
      { mark: { type: 'rule', color: '#999', strokeDash: [3, 3] }, encoding: { x: { datum: 0 } } },
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          y,
          x: {
            field: 'low',
            type: 'quantitative',
            title: 'change (candidate − baseline, signed so + is better)',
          },
          x2: { field: 'high' },
          color: {
            field: 'status',
            type: 'nominal',
            scale: {
              domain: ['within margin', 'regressed', 'not assessed'],
              range: [COLORS.ok, COLORS.fail, '#9e9e9e'],
            },
            legend: { title: null, orient: 'bottom' },
          },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y,
          x: { field: 'change', type: 'quantitative' },
          color: { field: 'status', type: 'nominal' },
        },
      },
      {
        transform: [{ filter: 'datum.margin !== null' }],
        mark: { type: 'tick', color: COLORS.threshold, thickness: 2, size: 18 },
        encoding: { y, x: { field: 'margin', type: 'quantitative' } },
      },
    ],
  };
  return {
    file: 'forest-vs-baseline.svg',
    title: 'Change vs baseline on the gated metrics',
    section: 'Performance Metrics',
    spec,
  };
}
