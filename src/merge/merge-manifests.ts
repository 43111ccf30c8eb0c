// The merged run's manifest: the shards' shared description of the experiment, with the run's
// own id, the span from the first shard's start to the last one's end, and the shards' counts
// and phase timings added up. The shard field goes: the merged run holds every case.
import type { RunManifest } from '../run/types.js';

export function mergeManifests(shards: readonly RunManifest[], runId: string): RunManifest {
  const { shard: _shard, budget: _budget, batch: _batch, resumed: _resumed, ...first } = shards[0];
  const startedAt = Math.min(...shards.map((m) => Date.parse(m.startedAt)));
  const finishedAt = Math.max(...shards.map((m) => Date.parse(m.finishedAt)));
  const timings: Record<string, number> = {};
  for (const m of shards)
    for (const [phase, ms] of Object.entries(m.timings))
      timings[phase] = Math.round(((timings[phase] ?? 0) + ms) * 10) / 10;
  const counts: RunManifest['counts'] = { results: 0, errors: 0, cached: 0, requests: 0 };
  for (const m of shards) {
    counts.results += m.counts.results;
    counts.errors += m.counts.errors;
    counts.cached += m.counts.cached;
    counts.requests += m.counts.requests;
    if (m.counts.rerankFallbacks !== undefined)
      counts.rerankFallbacks = (counts.rerankFallbacks ?? 0) + m.counts.rerankFallbacks;
  }
  return {
    ...first,
    runId,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    durationMs: finishedAt - startedAt,
    gitDirty: shards.some((m) => m.gitDirty === true) ? true : first.gitDirty,
    retrieval: mergeRetrieval(shards),
    timings,
    counts,
    mergedFrom: shards.map((m) => m.runId),
    ...mergeBudget(shards),
    ...mergeBatch(shards),
  };
}

/**
 * Any shard its budget cut short makes the merged run cut short: the gate then fails it, as it
 * would the same run unsharded. Limits, estimates and spend add up over the shards: each shard
 * ran under its own limit, so together they were allowed the sum (said as "per shard × n").
 */
function mergeBudget(shards: readonly RunManifest[]): Pick<RunManifest, 'budget'> {
  const budgets = shards.map((m) => m.budget).filter((b): b is NonNullable<typeof b> => b !== undefined);
  if (budgets.length === 0) return {};
  const sum = (f: (b: (typeof budgets)[number]) => number) =>
    Math.round(budgets.reduce((a, b) => a + f(b), 0) * 1e9) / 1e9;
  const limits = new Set(budgets.map((b) => b.shardLimitUsd ?? b.maxCostUsd));
  const count = sum((b) => b.shards ?? 1);
  const prior = sum((b) => b.priorSpentUsd ?? 0);
  const judgeCalls = sum((b) => b.judgeNotRun?.calls ?? 0);
  const judge = budgets.find((b) => b.judgeNotRun)?.judgeNotRun;
  // The cost ratio over all shards, weighted by what each estimated (the guard's own definition).
  const rated = budgets.filter((b) => b.costRatio !== undefined && b.estimatedCostUsd > 0);
  const ratedEstimate = rated.reduce((a, b) => a + b.estimatedCostUsd, 0);
  return {
    budget: {
      maxCostUsd: sum((b) => b.maxCostUsd),
      ...(limits.size === 1 && { shards: count, shardLimitUsd: [...limits][0] }),
      estimatedCostUsd: sum((b) => b.estimatedCostUsd),
      spentUsd: sum((b) => b.spentUsd),
      ...(prior > 0 && { priorSpentUsd: prior }),
      ...(sum((b) => b.unpricedCalls ?? 0) > 0 && { unpricedCalls: sum((b) => b.unpricedCalls ?? 0) }),
      ...(ratedEstimate > 0 && {
        costRatio:
          Math.round(
            (rated.reduce((a, b) => a + b.costRatio! * b.estimatedCostUsd, 0) / ratedEstimate) * 1e9,
          ) / 1e9,
      }),
      stopped: budgets.some((b) => b.stopped),
      notRun: groupNotRun(budgets.flatMap((b) => b.notRun)),
      ...(judge && { judgeNotRun: { provider: judge.provider, calls: judgeCalls } }),
    },
  };
}

/** One entry per suite × provider, however many shards it was cut short in. */
function groupNotRun(
  entries: NonNullable<RunManifest['budget']>['notRun'],
): NonNullable<RunManifest['budget']>['notRun'] {
  const byPair = new Map<string, (typeof entries)[number]>();
  for (const e of entries) {
    const key = `${e.suite}\u0000${e.provider}`;
    const have = byPair.get(key);
    if (have) have.caseIds = [...have.caseIds, ...e.caseIds];
    else byPair.set(key, { ...e, caseIds: [...e.caseIds] });
  }
  return [...byPair.values()];
}

/** The batch price's saving over every shard (each shard submitted its own batches). */
function mergeBatch(shards: readonly RunManifest[]): Pick<RunManifest, 'batch'> {
  const batches = shards.map((m) => m.batch).filter((b): b is NonNullable<typeof b> => b !== undefined);
  if (batches.length === 0) return {};
  const costs = batches.map((b) => b.cost).filter((c): c is NonNullable<typeof c> => c !== null);
  const sum = (f: (c: (typeof costs)[number]) => number) => costs.reduce((a, c) => a + f(c), 0);
  const submitted = batches
    .map((b) => b.submitted)
    .filter((s): s is NonNullable<typeof s> => s !== undefined);
  return {
    batch: {
      ...(submitted.length > 0
        ? {
            submitted: {
              batches: submitted.flatMap((s) => s.batches),
              requests: submitted.reduce((a, s) => a + s.requests, 0),
              retriedDirectly: submitted.reduce((a, s) => a + s.retriedDirectly, 0),
              failed: submitted.reduce((a, s) => a + s.failed, 0),
            },
          }
        : {}),
      cost:
        costs.length === 0
          ? null
          : {
              calls: sum((c) => c.calls),
              unpricedCalls: sum((c) => c.unpricedCalls),
              costUsd: sum((c) => c.costUsd),
              listCostUsd: sum((c) => c.listCostUsd),
              savingUsd: sum((c) => c.savingUsd),
            },
    },
  };
}

function mergeRetrieval(shards: readonly RunManifest[]): RunManifest['retrieval'] {
  const first = shards[0].retrieval;
  if (!first) return null;
  const all = shards.map((m) => m.retrieval).filter((r): r is NonNullable<typeof r> => r !== null);
  const merged = { ...first, indexReused: all.every((r) => r.indexReused) };
  const recalls = all.map((r) => r.annRecall).filter((a): a is NonNullable<typeof a> => a !== undefined);
  if (recalls.length === 0) return merged;
  // Each shard sampled its own searches: pool them, weighting each shard's recall by its sample.
  const sampled = recalls.reduce((n, a) => n + a.sampledSearches, 0);
  const hit = recalls.reduce((n, a) => n + (a.recallAtK ?? 0) * a.sampledSearches, 0);
  merged.annRecall = {
    store: recalls[0].store,
    k: recalls[0].k,
    sampledSearches: sampled,
    recallAtK: sampled > 0 ? hit / sampled : null,
    shortResults: recalls.reduce((n, a) => n + a.shortResults, 0),
    shortQueries: [...new Set(recalls.flatMap((a) => a.shortQueries))].slice(0, 20),
  };
  return merged;
}
