// Before merging: the runs must be the n shards of one split of one experiment. Runs from a
// different config, prompt, corpus, case file, seed, repeat count, selection or provider set
// would mix two experiments; a missing or repeated shard would leave cases out or count them
// twice. Each refusal is one line naming the runs involved.
import { InputError } from '../core/errors.js';
import { stableStringify } from '../core/hash.js';
import type { RunManifest } from '../run/types.js';
import { redefinedMetrics } from '../scorers/metric-definitions.js';

export interface ShardRun {
  dir: string;
  manifest: RunManifest;
}

/** Returns the shards in shard order; throws an InputError on the first problem. */
export function checkShards(runs: readonly ShardRun[], configHash: string): ShardRun[] {
  if (runs.length === 0) refuse('no run folders given');
  for (const r of runs)
    if (!r.manifest.shard)
      refuse(`run ${r.manifest.runId} is not a shard (it was not run with --shard i/n)`, r.dir);
  const [first] = runs;
  for (const r of runs.slice(1)) sameExperiment(first.manifest, r.manifest);
  if (first.manifest.configHash !== configHash)
    refuse(
      `the config changed since the shards ran (hash ${first.manifest.configHash} → ${configHash}): merge with the config they ran with`,
    );
  const count = first.manifest.shard!.count;
  const byIndex = new Map<number, ShardRun>();
  for (const r of runs) {
    const { index } = r.manifest.shard!;
    const twin = byIndex.get(index);
    if (twin)
      refuse(`shard ${index}/${count} is given twice (runs ${twin.manifest.runId} and ${r.manifest.runId})`);
    byIndex.set(index, r);
  }
  const missing: string[] = [];
  for (let i = 1; i <= count; i++) if (!byIndex.has(i)) missing.push(`${i}/${count}`);
  if (missing.length > 0)
    refuse(
      `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing: ${runs.length} of ${count} shards given`,
    );
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
}

function sameExperiment(a: RunManifest, b: RunManifest): void {
  const pair = `runs ${a.runId} and ${b.runId}`;
  if (a.shard!.count !== b.shard!.count)
    refuse(
      `shards of different splits: run ${a.runId} is shard ${a.shard!.index}/${a.shard!.count}, run ${b.runId} is ${b.shard!.index}/${b.shard!.count}`,
    );
  if (a.configHash !== b.configHash)
    refuse(`shards from different configs: ${pair} have config hashes ${a.configHash} and ${b.configHash}`);
  if (stableStringify(a.filters ?? {}) !== stableStringify(b.filters ?? {}))
    refuse(
      `shards with different selections: ${pair} were run with different --suite/--provider/case filters`,
    );
  const redefined = redefinedMetrics(a.metricDefinitions, b.metricDefinitions);
  if (redefined.length > 0)
    refuse(
      `shards scored by different evalgate versions: ${pair} scored ${redefined[0].metric} with ${redefined[0].from ?? 'an unversioned definition'} and ${redefined[0].to ?? 'an unversioned definition'}`,
    );
  if ((a.corpusHash ?? null) !== (b.corpusHash ?? null))
    refuse(`shards from different corpora: ${pair} have corpus hashes ${a.corpusHash} and ${b.corpusHash}`);
  const suites = (m: RunManifest) =>
    m.suites.map((s) => `${s.name}:${s.fileHash ?? stableStringify(s.caseHashes)}`);
  if (stableStringify(suites(a)) !== stableStringify(suites(b)))
    refuse(`shards from different gold cases or suites: ${pair} differ in ${differingSuite(a, b)}`);
  for (const id of new Set([...Object.keys(a.prompts), ...Object.keys(b.prompts)]))
    if (a.prompts[id] !== b.prompts[id])
      refuse(
        `shards from different prompts: ${id} is ${a.prompts[id] ?? 'absent'} in run ${a.runId} and ${b.prompts[id] ?? 'absent'} in run ${b.runId}`,
      );
  if (a.seed !== b.seed || a.repeat !== b.repeat)
    refuse(`shards with different settings: ${pair} differ in seed or repeat`);
  const providers = (m: RunManifest) => m.providers.map((p) => p.id).join(', ');
  if (providers(a) !== providers(b))
    refuse(
      `shards with different providers: ${providers(a)} in run ${a.runId}, ${providers(b)} in run ${b.runId}`,
    );
  if (stableStringify(a.generation ?? {}) !== stableStringify(b.generation ?? {}))
    refuse(`shards with different generation settings: ${pair}`);
}

function differingSuite(a: RunManifest, b: RunManifest): string {
  for (const s of a.suites) {
    const t = b.suites.find((x) => x.name === s.name);
    if (!t) return `suite ${s.name}`;
    if (t.fileHash !== s.fileHash || stableStringify(t.caseHashes) !== stableStringify(s.caseHashes))
      return `the cases of suite ${s.name} (${s.file})`;
  }
  return 'the suites run';
}

function refuse(message: string, file?: string): never {
  throw new InputError({ code: 'MERGE_REFUSED', file, message: `cannot merge: ${message}` });
}
