// Per-call estimates → the run's totals: calls, cached calls, tokens, cost and wall time, in
// all and per suite × provider. Pure, so the plan command, eval's pre-run line and a sweep's
// per-variant estimate all add up the same way.
import type { JobEstimate, OutputSource } from './estimate-jobs.js';
import type { ProviderRateLimits } from './provider-rate-limits.js';
import type { LatencySource, UsageProfile } from './usage-profile.js';
import { estimateWallTime, type ProviderLoad, type WallTimeEstimate } from './wall-time.js';

export interface GroupEstimate {
  suite: string;
  provider: string;
  modelCalls: number;
  cachedCalls: number;
  inputTokens: number;
  outputTokens: number;
  /** Known part of the cost; see unpricedCalls. */
  costUsd: number;
  /** Uncached calls whose model has no price (their cost is not in costUsd). */
  unpricedCalls: number;
  /** Where the uncached calls' output lengths came from (most calls first). */
  outputSources: OutputSource[];
  latencyMs: number;
  latencySource: LatencySource;
}

export interface RunEstimate {
  modelCalls: number;
  cachedCalls: number;
  /** Uncached calls to billed API providers. */
  paidCalls: number;
  /** Tokens of the uncached calls (cached ones are neither sent nor billed). */
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  unpricedCalls: number;
  /** Uncached calls to in-process models (local/…, replay/…): CPU work, left out of the time. */
  inProcessCalls: number;
  seconds: number;
  time: WallTimeEstimate;
  concurrency: number;
  batch: boolean;
  groups: GroupEstimate[];
}

export interface SummarizeOptions {
  profile: UsageProfile;
  concurrency: number;
  rateLimits: (provider: string) => ProviderRateLimits;
  batch: boolean;
}

export function summarizeEstimate(jobs: readonly JobEstimate[], options: SummarizeOptions): RunEstimate {
  const groups = new Map<string, GroupEstimate & { sources: Map<OutputSource, number> }>();
  const loads = new Map<string, ProviderLoad>();
  let inProcessCalls = 0;
  for (const j of jobs) {
    const key = `${j.suite}\u0000${j.provider}`;
    let g = groups.get(key);
    if (!g) {
      const latency = options.profile.latency(j.suite, j.provider);
      g = {
        suite: j.suite,
        provider: j.provider,
        modelCalls: 0,
        cachedCalls: 0,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
        unpricedCalls: 0,
        outputSources: [],
        latencyMs: latency.ms,
        latencySource: latency.source,
        sources: new Map(),
      };
      groups.set(key, g);
    }
    g.modelCalls++;
    if (j.cached) {
      g.cachedCalls++;
      continue;
    }
    g.inputTokens += j.inputTokens;
    g.outputTokens += j.outputTokens;
    // Unpriced only where it is billed: your own app (module/, http/) or a local model costs nothing here.
    if (j.costUsd === null) {
      if (j.paid) g.unpricedCalls++;
    } else g.costUsd += j.costUsd;
    g.sources.set(j.outputSource, (g.sources.get(j.outputSource) ?? 0) + 1);
    // An in-process model's "latency" is CPU time shared with scoring on one thread, which a
    // pool of slots does not divide: the latency model would promise a speed-up it cannot have.
    if (isInProcess(j.provider)) {
      inProcessCalls++;
      continue;
    }
    let load = loads.get(j.provider);
    if (!load) {
      load = {
        provider: j.provider,
        calls: 0,
        tokens: 0,
        latencyMsTotal: 0,
        ...options.rateLimits(j.provider),
      };
      loads.set(j.provider, load);
    }
    load.calls++;
    load.tokens += j.inputTokens + j.outputTokens;
    load.latencyMsTotal += g.latencyMs;
  }
  const list = [...groups.values()].map(({ sources, ...g }) => ({
    ...g,
    outputSources: [...sources.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s),
  }));
  const time = estimateWallTime([...loads.values()], options.concurrency);
  const sum = (pick: (g: GroupEstimate) => number) => list.reduce((acc, g) => acc + pick(g), 0);
  return {
    modelCalls: sum((g) => g.modelCalls),
    cachedCalls: sum((g) => g.cachedCalls),
    paidCalls: jobs.filter((j) => j.paid && !j.cached).length,
    inputTokens: sum((g) => g.inputTokens),
    outputTokens: sum((g) => g.outputTokens),
    costUsd: sum((g) => g.costUsd),
    unpricedCalls: sum((g) => g.unpricedCalls),
    inProcessCalls,
    seconds: time.seconds,
    time,
    concurrency: options.concurrency,
    batch: options.batch,
    groups: list,
  };
}

/** The offline baseline and replayed outputs run inside evalgate's own process. */
export function isInProcess(providerId: string): boolean {
  return providerId.startsWith('local/') || providerId.startsWith('replay/');
}
