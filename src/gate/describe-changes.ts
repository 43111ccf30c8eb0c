// What changed between the baseline and this run: prompt versions (with content hashes),
// generation settings, gold cases, config, corpus and providers. Shown at the top of the report
// and the console block, so a reader sees the cause next to the effect; edited cases are also
// left out of the paired comparison (their old scores answered a different question).
import type { Baseline, CaseChanges, ChangeSummary, RunManifest } from '../run/types.js';
import { redefinedMetrics } from '../scorers/metric-definitions.js';

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
  const redefined = redefinedMetrics(baseline.metricDefinitions, manifest.metricDefinitions);
  return {
    hasBaseline: true,
    baselineRunId: baseline.runId,
    prompts,
    configChanged: baseline.configHash !== manifest.configHash,
    corpusChanged: (baseline.corpusHash ?? null) !== corpusHash && !(partial && corpusHash === null),
    providersAdded: current.filter((p) => !baseline.providers.includes(p)),
    providersRemoved: partial ? [] : baseline.providers.filter((p) => !current.includes(p)),
    ...(baseline.caseHashes ? { cases: caseChanges(manifest, baseline.caseHashes) } : {}),
    ...(baseline.generation && manifest.generation
      ? { generation: generationChanges(baseline.generation, manifest.generation) }
      : {}),
    ...(redefined.length > 0 ? { metricDefinitions: redefined } : {}),
  };
}

function caseChanges(manifest: RunManifest, before: NonNullable<Baseline['caseHashes']>): CaseChanges[] {
  const out: CaseChanges[] = [];
  for (const suite of manifest.suites) {
    const now = suite.caseHashes;
    const then = before[suite.name];
    if (!now || !then) continue;
    const changed = Object.keys(now).filter((id) => then[id] !== undefined && then[id] !== now[id]);
    const added = Object.keys(now).filter((id) => then[id] === undefined);
    const removed = Object.keys(then).filter((id) => now[id] === undefined);
    if (changed.length + added.length + removed.length > 0)
      out.push({ suite: suite.name, changed: changed.sort(), added: added.sort(), removed: removed.sort() });
  }
  return out;
}

function generationChanges(
  before: NonNullable<Baseline['generation']>,
  after: NonNullable<RunManifest['generation']>,
): NonNullable<ChangeSummary['generation']> {
  const out: NonNullable<ChangeSummary['generation']> = [];
  // Compare by prompt id: a new version of the same prompt is where a setting moves.
  const byPrompt = (table: typeof before) =>
    new Map(Object.entries(table).map(([version, g]) => [version.split('@')[0], g]));
  const then = byPrompt(before);
  for (const [prompt, now] of byPrompt(after)) {
    const old = then.get(prompt);
    if (!old) continue;
    for (const key of ['temperature', 'maxTokens', 'fewShot', 'fewShotFile'] as const) {
      if (old[key] !== now[key]) out.push({ prompt, setting: key, from: show(old[key]), to: show(now[key]) });
    }
  }
  return out;
}

function show(value: string | number | null): string | null {
  return value === null ? null : String(value);
}

/** suite → base case ids whose gold content changed: not paired with their baseline scores. */
export function changedCaseIds(changes: ChangeSummary): Record<string, Set<string>> {
  return Object.fromEntries((changes.cases ?? []).map((c) => [c.suite, new Set(c.changed)]));
}
