// Latency per suite (× provider, when a run has several) as an empirical CDF plus its
// nearest-rank p50/p95/p99, from the same results and percentile definition as the record's
// latency metrics, so the markers equal the report's numbers. Large runs are thinned to at most
// `maxPoints` CDF steps per series, always keeping the extremes.
import type { ChartRow } from './chart-row.js';
import { float64Column, type GrowableColumn } from '../columns/growable-column.js';
import { percentileOfSorted } from '../scorers/latency/percentile.js';

export interface LatencyCdfPoint {
  suite: string;
  ms: number;
  share: number;
}

export interface LatencyMarker {
  suite: string;
  label: 'p50' | 'p95' | 'p99';
  ms: number;
}

export interface LatencyDistribution {
  cdf: LatencyCdfPoint[];
  markers: LatencyMarker[];
}

export function latencyDistribution(results: Iterable<ChartRow>, maxPoints = 200): LatencyDistribution {
  // Latencies in typed columns, sorted once per series: a 100,000-result number[] sorted with a
  // comparator (and copied and re-sorted for each percentile) allocated ~40 MB of boxed numbers.
  const bySuite = new Map<string, GrowableColumn<Float64Array>>();
  const providers = new Set<string>();
  for (const r of results) providers.add(r.provider);
  for (const r of results) {
    // The record's selection (aggregate/summarize-suite.ts): every result with a latency.
    if (typeof r.latencyMs !== 'number' || !Number.isFinite(r.latencyMs)) continue;
    const key = providers.size > 1 ? `${r.suite} · ${r.provider}` : r.suite;
    let list = bySuite.get(key);
    if (!list) {
      list = float64Column();
      bySuite.set(key, list);
    }
    list.push(r.latencyMs);
  }
  const cdf: LatencyCdfPoint[] = [];
  const markers: LatencyMarker[] = [];
  for (const suite of [...bySuite.keys()].sort()) {
    // Numeric ascending, as sort((a, b) => a − b) gives for finite values.
    const values = (bySuite.get(suite) as GrowableColumn<Float64Array>).view().sort();
    const n = values.length;
    const step = Math.max(1, Math.ceil(n / maxPoints));
    for (let i = 0; i < n; i += step) cdf.push({ suite, ms: round(values[i]), share: (i + 1) / n });
    if ((n - 1) % step !== 0) cdf.push({ suite, ms: round(values[n - 1]), share: 1 });
    for (const p of [50, 95, 99] as const) {
      const ms = percentileOfSorted(values, p);
      if (ms !== null) markers.push({ suite, label: `p${p}`, ms: round(ms) });
    }
  }
  return { cdf, markers };
}

/** Microsecond precision is plenty for a chart and keeps the SVG free of float noise. */
function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
