// Issue 12's "done when": on a copy of the bundled sample (every suite but the large support-qa,
// to keep the test quick: rag-qa with counterfactual probes, classification, retrieval and BBQ;
// the offline model; the committed baseline), three shards merged give the same results, summaries, intervals, bias
// audit, comparisons, gate decision and report as the same eval unsharded; only the run ids and
// the merge's own bookkeeping differ. The clock is injected so latencies (and the latency
// metrics) are equal too. And merge refuses what is not one complete split of one experiment.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { evaluate } from '../pipeline/evaluate.js';
import { writeReports } from '../reporters/write-reports.js';
import { readBaseline } from '../run/baseline.js';
import { readResults } from '../run/read-run.js';
import { RUN_FILE } from '../run/run-folder.js';
import type { RunManifest, RunRecord } from '../run/types.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { mergeRuns } from './merge-runs.js';

const REPO = path.resolve(import.meta.dirname, '../..');
let root = '';
let configPath = '';

async function copySample(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-merge-'));
  for (const sub of ['eval', 'prompts', 'rag', 'test_cases'])
    await cp(path.join(REPO, sub), path.join(dir, sub), { recursive: true });
  await cp(path.join(REPO, 'reports/baseline.json'), path.join(dir, 'reports/baseline.json'));
  return dir;
}

const SUITES = ['support-qa-probes', 'intent', 'intent-probes', 'retrieval', 'bbq'];

const run = (extra: Partial<Parameters<typeof evaluate>[0]>) =>
  evaluate({ configPath, env: {}, suites: SUITES, useCache: false, clock: createFakeClock(), ...extra });

async function merge(runDirs: string[]) {
  const loaded = await loadConfig(configPath, {});
  return mergeRuns({
    runDirs,
    loaded,
    reportsDir: path.join(root, 'reports'),
    baseline: await readBaseline(path.join(root, 'reports/baseline.json'), 'reports/baseline.json'),
    today: '2026-01-01',
    now: Date.parse('2026-01-01T00:00:00Z'),
    salt: 'merged',
  });
}

/** What may differ between a merged and an unsharded run: ids, and the merge's own fields. */
function comparable(record: RunRecord): unknown {
  const { runId, mergedFrom, timings, retrieval, ...manifest } = record.manifest as RunManifest;
  return {
    ...record,
    manifest: { ...manifest, retrieval: retrieval && { ...retrieval, indexReused: null } },
  };
}

let shardDirs: string[] = [];
beforeAll(async () => {
  root = await copySample();
  configPath = path.join(root, 'eval/evalgate.yaml');
}, 60_000);

describe('evalgate merge', () => {
  it('three merged shards equal the unsharded run: results, statistics, gate and report', async () => {
    const whole = await run({});
    const shards = [];
    for (const index of [1, 2, 3]) shards.push(await run({ selection: { shard: { index, count: 3 } } }));
    shardDirs = shards.map((s) => s.runDir);
    // Each shard alone is partial: judged, but never a release.
    expect(shards[0].record.manifest.shard).toEqual({ index: 1, count: 3 });
    expect(shards[0].record.gate.recommendation).toBe('do-not-ship');
    expect(shards[0].record.gate.reasons.join('\n')).toMatch(/a selection of the cases: shard 1\/3/);
    const sizes = shards.map((s) => s.results.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(whole.results.length);

    const merged = await merge([...shardDirs].reverse());
    expect(merged.record.manifest.mergedFrom).toEqual(shards.map((s) => s.record.manifest.runId));
    expect(merged.record.manifest.shard).toBeUndefined();
    expect(merged.results).toEqual(whole.results);
    expect(await readResults(merged.runDir)).toEqual(await readResults(whole.runDir));
    expect(comparable(merged.record)).toEqual(comparable(whole.record));
    // The run.json on disk is the record returned.
    const stored = JSON.parse(await readFile(path.join(merged.runDir, RUN_FILE), 'utf8'));
    expect(stored.manifest.runId).toBe(merged.record.manifest.runId);
    // Not a vacuous comparison: the sample's run has a baseline comparison and a bias audit.
    expect(whole.record.comparison.length).toBeGreaterThan(5);
    expect(whole.record.bias.rows.length).toBeGreaterThan(5);
    expect(whole.record.gate.recommendation).not.toBe('ship');

    const report = async (r: { record: RunRecord; results: typeof whole.results; runDir: string }) => {
      const written = await writeReports({
        record: r.record,
        results: r.results,
        runDir: r.runDir,
        reportsDir: null,
        experimentLog: null,
      });
      return (await readFile(written.report, 'utf8'))
        .replaceAll(r.record.manifest.runId, '<run>')
        .replace(/^\| Index \| .*$/m, '| Index | (built or reused) |');
    };
    expect(await report(merged)).toEqual(await report(whole));
  }, 120_000);

  it('refuses missing, duplicate and foreign shards with one line each', async () => {
    expect(shardDirs).toHaveLength(3);
    await expect(merge(shardDirs.slice(0, 2))).rejects.toThrow(
      /^cannot merge: shard 3\/3 missing: 2 of 3 shards given$/,
    );
    await expect(merge([shardDirs[0], shardDirs[1], shardDirs[1]])).rejects.toThrow(
      /cannot merge: shard 2\/3 is given twice \(runs \S+ and \S+\)$/,
    );
    const unsharded = await run({ suites: ['intent'] });
    await expect(merge([unsharded.runDir, ...shardDirs])).rejects.toThrow(/is not a shard/);
    const two = await run({ suites: ['intent'], selection: { shard: { index: 1, count: 2 } } });
    await expect(merge([two.runDir, ...shardDirs.slice(1)])).rejects.toThrow(
      /shards (of different splits|with different selections)/,
    );

    // A shard run after a prompt edit comes from a different experiment.
    const promptFile = path.join(root, 'prompts/intent/v1.md');
    const original = await readFile(promptFile, 'utf8');
    await writeFile(promptFile, `${original}\nAnswer with the label only.\n`);
    const edited = await run({ selection: { shard: { index: 3, count: 3 } } });
    await writeFile(promptFile, original);
    await expect(merge([...shardDirs.slice(0, 2), edited.runDir])).rejects.toThrow(
      /^cannot merge: shards from different prompts: intent is intent@v1#\w+ in run \S+ and intent@v1#\w+ in run \S+$/,
    );
  }, 120_000);
});
