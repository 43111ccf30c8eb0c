// Latency per suite as an empirical CDF plus its nearest-rank p50/p95/p99 (the same percentile
// definition the record's latency metrics use), derived from results.jsonl. Large runs are
// thinned to at most `maxPoints` CDF steps per suite, always keeping the extremes.
import type { CaseResult } from '../run/types.js';
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

export function latencyDistribution(results: readonly CaseResult[], maxPoints = 200): LatencyDistribution {
  const bySuite = new Map<string, number[]>();
  for (const r of results) {
    // Cached answers cost no time; counting them would pull every percentile towards zero.
    if (r.latencyMs === null || !Number.isFinite(r.latencyMs) || r.cached) continue;
    const list = bySuite.get(r.suite) ?? [];
    list.push(r.latencyMs);
    bySuite.set(r.suite, list);
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
