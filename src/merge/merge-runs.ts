// `evalgate merge`: joins the n shard runs of one experiment into one run folder under
// reports/runs/. The record is built by the same code as `evaluate` and `evalgate gate`
// (buildRunRecord), from the union of the shards' results in the same stable order, so the
// merged run's summaries, intervals (same seed), gate and report equal an unsharded run's.
import path from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import { InputError } from '../core/errors.js';
import { buildRunRecord } from '../pipeline/build-run-record.js';
import { sortResults } from '../pipeline/evaluate.js';
import { resultKey } from '../resume/read-written-results.js';
import { checkRunFolder } from '../run/check-run-folder.js';
import { readResults, readRunRecord } from '../run/read-run.js';
import { createRunId, RESULTS_FILE, runsDir, writeFileAtomic } from '../run/run-folder.js';
import { writeRunRecord } from '../run/write-run-record.js';
import type { Baseline, CaseResult, RunRecord } from '../run/types.js';
import { checkShards } from './check-shards.js';
import { mergeManifests } from './merge-manifests.js';

export interface MergeRunsOptions {
  /** Shard run folders, in any order. */
  runDirs: readonly string[];
  loaded: LoadedConfig;
  reportsDir: string;
  baseline: Baseline | null;
  /** YYYY-MM-DD, for waiver expiry. */
  today: string;
  /** Epoch milliseconds, for the merged run's id. */
  now: number;
  salt: string;
  allowMissingProviders?: boolean;
}

export interface MergedRun {
  record: RunRecord;
  results: CaseResult[];
  runDir: string;
}

export async function mergeRuns(options: MergeRunsOptions): Promise<MergedRun> {
  const runs = await Promise.all(
    options.runDirs.map(async (dir) => {
      await checkRunFolder(dir);
      const [record, results] = await Promise.all([readRunRecord(dir), readResults(dir)]);
      return { dir, manifest: record.manifest, results };
    }),
  );
  const shards = checkShards(runs, options.loaded.hash);
  const seen = new Map<string, string>();
  const all: CaseResult[] = [];
  for (const shard of shards) {
    const { results, manifest } = runs.find((r) => r.dir === shard.dir)!;
    for (const r of results) {
      const key = resultKey(r);
      const other = seen.get(key);
      if (other)
        throw new InputError({
          code: 'MERGE_REFUSED',
          file: shard.dir,
          message: `cannot merge: case ${r.caseId} of suite ${r.suite} (${r.provider}, repeat ${r.repeat}) is in both run ${other} and run ${manifest.runId}`,
        });
      seen.set(key, manifest.runId);
      all.push(r);
    }
  }
  const runId = createRunId(options.now, options.salt);
  const runDir = path.join(runsDir(options.reportsDir), runId);
  const manifest = mergeManifests(
    shards.map((s) => s.manifest),
    runId,
  );
  const results = sortResults(all);
  const record = await buildRunRecord({
    manifest,
    results,
    config: options.loaded.config,
    root: options.loaded.root,
    baseline: options.baseline,
    today: options.today,
    allowMissingProviders: options.allowMissingProviders,
  });
  await writeFileAtomic(
    path.join(runDir, RESULTS_FILE),
    `${results.map((r) => JSON.stringify(r)).join('\n')}\n`,
  );
  await writeRunRecord(runDir, record);
  return { record, results, runDir };
}
