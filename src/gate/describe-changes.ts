// What changed between the baseline and this run: prompt versions (with content hashes),
// config, corpus and providers. Shown at the top of the report and the console block, so a
// reader sees the cause next to the effect.
import type { Baseline, ChangeSummary, RunManifest } from '../run/types.js';

export function describeChanges(manifest: RunManifest, baseline: Baseline | null): ChangeSummary {
  if (!baseline) {
    return { hasBaseline: false, prompts: [], configChanged: false, corpusChanged: false, providersAdded: [], providersRemoved: [] };
  }
  // A run limited with --suite leaves out prompts and the corpus because it did not need them,
  // not because they were removed; only a run of every baseline suite can say "removed".
  const ranSuites = new Set(manifest.suites.map((s) => s.name));
  const partial = Object.keys(baseline.cases).some((suite) => !ranSuites.has(suite));
  const ids = [...new Set([...Object.keys(baseline.prompts), ...Object.keys(manifest.prompts)])].sort();
  const prompts = ids
    .map((id) => ({ id, from: baseline.prompts[id] ?? null, to: manifest.prompts[id] ?? null }))
    .filter((p) => p.from !== p.to && !(partial && p.to === null));
  const corpusHash = manifest.corpusHash ?? null;
  const current = manifest.providers.map((p) => p.id);
  return {
    hasBaseline: true,
    baselineRunId: baseline.runId,
    prompts,
    configChanged: baseline.configHash !== manifest.configHash,
    corpusChanged: (baseline.corpusHash ?? null) !== corpusHash && !(partial && corpusHash === null),
    providersAdded: current.filter((p) => !baseline.providers.includes(p)),
    providersRemoved: baseline.providers.filter((p) => !current.includes(p)),
  };
}
