// Latency: the empirical CDF per suite with its p50/p95/p99 marked (nearest-rank, as in the record).
import type { ChartRow } from './chart-row.js';
import type { Chart } from './chart.js';
import { latencyDistribution } from './latency-distribution.js';

export function latencyChart(results: Iterable<ChartRow>): Chart | null {
  const { cdf, markers } = latencyDistribution(results);
  if (cdf.length === 0) return null;
  const shares = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;
  const marks = markers.map((m) => ({ ...m, share: shares[m.label], text: `${m.label} ${m.ms} ms` }));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: {
      text: 'Latency distribution (CDF)',
      subtitle: 'share of uncached calls answered within x ms; dots = p50, p95, p99',
    },
    width: 420,
    height: 220,
    layer: [
      {
        data: { values: cdf },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x: { field: 'ms', type: 'quantitative', title: 'latency (ms)' },
          y: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, title: 'share of calls' },
          color: { field: 'suite', type: 'nominal', legend: { title: null, orient: 'bottom', columns: 3 } },
        },
      },
      {
        data: { values: marks },
        mark: { type: 'point', filled: true, size: 50 },
        encoding: {
          x: { field: 'ms', type: 'quantitative' },
          y: { field: 'share', type: 'quantitative' },
          color: { field: 'suite', type: 'nominal' },
          shape: { field: 'label', type: 'nominal', legend: { title: null, orient: 'bottom' } },
        },
      },
    ],
  };
  return {
    file: 'latency-cdf.svg',
    title: 'Latency distribution with p50/p95/p99',
    section: 'Performance Metrics',
    spec,
  };
}
