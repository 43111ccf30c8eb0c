// What a run's results depend on, recorded when the run begins (run-started.json) and checked
// again by --resume: finishing a run with a different config, prompt, corpus, case file, seed
// set of providers or scorer definitions would mix two experiments in one results.jsonl.
import type { PreparedSuite } from '../pipeline/prepared-suite.js';
import { redefinedMetrics } from '../scorers/metric-definitions.js';

export interface RunFingerprint {
  configHash: string;
  corpusHash: string | null;
  seed: number;
  /** Prompt id → version id (which carries the content hash). */
  prompts: Record<string, string>;
  /** Suite → cases file path and content hash. */
  cases: Record<string, { file: string; hash: string }>;
  /** Provider ids that run, in order. */
  providers: string[];
  /** The scorers' metric definitions (src/scorers/metric-definitions.ts); absent before them. */
  metricDefinitions?: Record<string, string>;
}

export function runFingerprint(options: {
  configHash: string;
  corpusHash: string | null;
  seed: number;
  suites: readonly PreparedSuite[];
  metricDefinitions: Record<string, string>;
}): RunFingerprint {
  const prompts: Record<string, string> = {};
  const cases: RunFingerprint['cases'] = {};
  const providers: string[] = [];
  for (const s of options.suites) {
    if (s.prompt) prompts[s.prompt.id] = s.prompt.versionId;
    cases[s.config.name] = { file: s.casesPath, hash: s.fileHash };
    for (const m of s.models) if (!providers.includes(m.id)) providers.push(m.id);
  }
  return {
    configHash: options.configHash,
    corpusHash: options.corpusHash,
    seed: options.seed,
    prompts,
    cases,
    providers,
    metricDefinitions: options.metricDefinitions,
  };
}

/** The first difference, as the end of a sentence ("the config changed (…)"), or null. */
export function fingerprintChange(before: RunFingerprint, now: RunFingerprint): string | null {
  if (before.configHash !== now.configHash)
    return `the config changed (hash ${before.configHash} → ${now.configHash})`;
  if (before.corpusHash !== now.corpusHash)
    return `the corpus changed (hash ${before.corpusHash} → ${now.corpusHash})`;
  if (before.seed !== now.seed) return `the seed changed (${before.seed} → ${now.seed})`;
  for (const id of new Set([...Object.keys(before.prompts), ...Object.keys(now.prompts)])) {
    if (before.prompts[id] !== now.prompts[id])
      return `prompt ${id} changed (${before.prompts[id] ?? 'absent'} → ${now.prompts[id] ?? 'absent'})`;
  }
  for (const suite of new Set([...Object.keys(before.cases), ...Object.keys(now.cases)])) {
    const a = before.cases[suite];
    const b = now.cases[suite];
    if (!a || !b) return `suite ${suite} ${a ? 'no longer runs' : 'was not in the run'}`;
    if (a.hash !== b.hash) return `the cases of suite ${suite} changed (${b.file})`;
  }
  // Scores written by another scorer version would be mixed with this one's in one run.
  const redefined = redefinedMetrics(before.metricDefinitions, now.metricDefinitions);
  if (redefined.length > 0)
    return `the scorers changed since the run began (${redefined[0].metric}: ${redefined[0].from ?? 'unversioned'} → ${redefined[0].to ?? 'unversioned'})`;
  const gone = before.providers.filter((p) => !now.providers.includes(p));
  const added = now.providers.filter((p) => !before.providers.includes(p));
  if (gone.length > 0) return `provider ${gone.join(', ')} ran when the run began but is not available now`;
  if (added.length > 0) return `provider ${added.join(', ')} did not run when the run began`;
  return null;
}
