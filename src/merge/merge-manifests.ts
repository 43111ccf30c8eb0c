// The merged run's manifest: the shards' shared description of the experiment, with the run's
// own id, the span from the first shard's start to the last one's end, and the shards' counts
// and phase timings added up. The shard field goes: the merged run holds every case.
import type { RunManifest } from '../run/types.js';

export function mergeManifests(shards: readonly RunManifest[], runId: string): RunManifest {
  const { shard: _shard, ...first } = shards[0];
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
