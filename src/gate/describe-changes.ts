// What changed between the baseline and this run: prompt versions (with content hashes),
// config, corpus and providers. Shown at the top of the report and the console block, so a
// reader sees the cause next to the effect.
import type { Baseline, ChangeSummary, RunManifest } from '../run/types.js';

export function describeChanges(manifest: RunManifest, baseline: Baseline | null): ChangeSummary {
  if (!baseline) {
    return {
      hasBaseline: false,
      prompts: [],
      configChanged: false,
      corpusChanged: false,
      providersAdded: [],
      providersRemoved: [],
    };
  }
  // A run limited with --suite or --provider leaves out prompts, providers and the corpus
  // because it did not need them, not because they were removed from the config.
  const partial = Boolean(manifest.filters?.suites || manifest.filters?.providers);
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
    providersRemoved: partial ? [] : baseline.providers.filter((p) => !current.includes(p)),
  };
}
