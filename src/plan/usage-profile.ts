// Measured tokens and latency of the accepted run, per suite × provider: what the plan uses for
// a call's output length and duration. Computed once from results when a baseline is accepted
// (stored in baseline.json as `usage`), so CI, which has no run folders, can still plan.
import type { Baseline, BaselineUsage, CaseResult } from '../run/types.js';

export function measureUsage(results: readonly CaseResult[]): BaselineUsage[] {
  const groups = new Map<string, BaselineUsage & { inSum: number; outSum: number; latSum: number }>();
  for (const r of results) {
    if (r.task === 'retrieval' || r.error) continue;
    const key = `${r.suite}\u0000${r.provider}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        suite: r.suite,
        provider: r.provider,
        calls: 0,
        inputTokens: 0,
        outputTokens: 0,
        latencyCalls: 0,
        latencyMs: null,
        inSum: 0,
        outSum: 0,
        latSum: 0,
      };
      groups.set(key, g);
    }
    if (r.usage) {
      g.calls++;
      g.inSum += r.usage.inputTokens;
      g.outSum += r.usage.outputTokens;
    }
    // A cached answer's latency is a disk read, not the model: it says nothing about wall time.
    if (!r.cached && r.latencyMs !== null) {
      g.latencyCalls++;
      g.latSum += r.latencyMs;
    }
  }
  return [...groups.values()]
    .map(({ inSum, outSum, latSum, ...g }) => ({
      ...g,
      inputTokens: g.calls ? round(inSum / g.calls, 1) : 0,
      outputTokens: g.calls ? round(outSum / g.calls, 1) : 0,
      latencyMs: g.latencyCalls ? round(latSum / g.latencyCalls, 1) : null,
    }))
    .sort((a, b) => (a.suite === b.suite ? cmp(a.provider, b.provider) : cmp(a.suite, b.suite)));
}

export type LatencySource = 'baseline' | 'baseline-provider' | 'assumed';

export interface UsageProfile {
  /** Mean output tokens per call measured in the baseline, or null when it has none. */
  outputTokens(suite: string, provider: string): number | null;
  /** Mean latency of an uncached call: this suite × provider, else the provider, else assumed. */
  latency(suite: string, provider: string): { ms: number; source: LatencySource };
}

/** A call's duration when the baseline measured none for its provider. */
export const ASSUMED_LATENCY_MS = 1000;

export function usageProfile(baseline: Pick<Baseline, 'usage'> | null): UsageProfile {
  const entries = baseline?.usage ?? [];
  const find = (suite: string, provider: string) =>
    entries.find((e) => e.suite === suite && e.provider === provider);
  return {
    outputTokens: (suite, provider) => {
      const e = find(suite, provider);
      return e && e.calls > 0 ? e.outputTokens : null;
    },
    latency: (suite, provider) => {
      const e = find(suite, provider);
      if (e && e.latencyMs !== null) return { ms: e.latencyMs, source: 'baseline' };
      let calls = 0;
      let sum = 0;
      for (const o of entries) {
        if (o.provider !== provider || o.latencyMs === null) continue;
        calls += o.latencyCalls;
        sum += o.latencyCalls * o.latencyMs;
      }
      return calls > 0
        ? { ms: sum / calls, source: 'baseline-provider' }
        : { ms: ASSUMED_LATENCY_MS, source: 'assumed' };
    },
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
