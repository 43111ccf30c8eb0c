// Latency per suite (× provider, when a run has several) as an empirical CDF plus its
// nearest-rank p50/p95/p99, from the same results and percentile definition as the record's
// latency metrics, so the markers equal the report's numbers. Large runs are thinned to at most
// `maxPoints` CDF steps per series, always keeping the extremes.
import type { ChartRow } from './chart-row.js';
import { percentile } from '../scorers/latency/percentile.js';

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

export function latencyDistribution(results: readonly ChartRow[], maxPoints = 200): LatencyDistribution {
  const bySuite = new Map<string, number[]>();
  const providers = new Set(results.map((r) => r.provider));
  for (const r of results) {
    // The record's selection (aggregate/summarize-suite.ts): every result with a latency.
    if (typeof r.latencyMs !== 'number' || !Number.isFinite(r.latencyMs)) continue;
    const key = providers.size > 1 ? `${r.suite} · ${r.provider}` : r.suite;
    const list = bySuite.get(key) ?? [];
    list.push(r.latencyMs);
    bySuite.set(key, list);
  }
  const cdf: LatencyCdfPoint[] = [];
  const markers: LatencyMarker[] = [];
  for (const suite of [...bySuite.keys()].sort()) {
    const values = (bySuite.get(suite) ?? []).sort((a, b) => a - b);
    const n = values.length;
    const step = Math.max(1, Math.ceil(n / maxPoints));
    for (let i = 0; i < n; i += step) cdf.push({ suite, ms: round(values[i]), share: (i + 1) / n });
    if ((n - 1) % step !== 0) cdf.push({ suite, ms: round(values[n - 1]), share: 1 });
    for (const p of [50, 95, 99] as const) {
      const ms = percentile(values, p);
      if (ms !== null) markers.push({ suite, label: `p${p}`, ms: round(ms) });
    }
  }
  return { cdf, markers };
}

/** Microsecond precision is plenty for a chart and keeps the SVG free of float noise. */
function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
