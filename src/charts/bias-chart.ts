// Bias: every audited gap as a bar with its bootstrap interval where the record has one and a
// red tick at its threshold; colour says pass, fail or not assessed (a check that did not run
// is never drawn as passing). Signed scores (BBQ bias) get ticks at ± the threshold.
import type { RunRecord } from '../run/types.js';
import type { Chart } from './chart.js';
import { COLORS } from './palette.js';

export function biasChart(record: RunRecord): Chart | null {
  // With several providers each bar names its provider, or two bars would share one row.
  const several = new Set(record.bias.rows.map((r) => r.provider)).size > 1;
  const values = record.bias.rows
    .filter((r) => r.value !== null)
    .map((r) => ({
      label: `${r.suite} · ${r.attribute} · ${r.metric}${several ? ` (${r.provider})` : ''}`,
      value: r.value,
      low: r.low ?? null,
      high: r.high ?? null,
      threshold: r.threshold,
      negThreshold: (r.value ?? 0) < 0 ? -r.threshold : null,
      status: r.pass === null ? 'not assessed' : r.pass ? 'pass' : 'fail',
    }));
  if (values.length === 0) return null;
  const y = { field: 'label', type: 'nominal', title: null, sort: null, axis: { labelLimit: 460 } } as const;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: 'Bias gaps',
      subtitle: 'bar = measured gap, black line = its interval, red tick = threshold',
    },
    width: 300,
    height: { step: 20 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: 12 },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative', title: 'gap' },
          color: {
            field: 'status',
            type: 'nominal',
            scale: {
              domain: ['pass', 'fail', 'not assessed'],
              range: [COLORS.ok, COLORS.fail, COLORS.neutral],
            },
            legend: { title: null, orient: 'bottom' },
          },
        },
      },
      {
        transform: [{ filter: 'isValid(datum.low) && isValid(datum.high)' }],
        mark: { type: 'rule', color: 'black' },
        encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'tick', color: COLORS.threshold, thickness: 2, size: 16 },
        encoding: { y, x: { field: 'threshold', type: 'quantitative' } },
      },
      {
        transform: [{ filter: 'isValid(datum.negThreshold)' }],
        mark: { type: 'tick', color: COLORS.threshold, thickness: 2, size: 16 },
        encoding: { y, x: { field: 'negThreshold', type: 'quantitative' } },
      },
    ],
  };
  return { file: 'bias-gaps.svg', title: 'Bias gaps with thresholds', section: 'Bias Audit Results', spec };
}
