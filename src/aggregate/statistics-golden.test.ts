// The statistics and every report of a generated run, pinned to what the code wrote before the
// constant-memory changes to the bias audit, the tag breakdowns and the reporters (issue 12):
// the golden was written by that code (UPDATE_GOLDEN=1) and each change since must leave every
// byte as it was. The bias audit is kept in full, so a difference reads as a diff; every file
// the run writes (run.json, report.md, report.html, junit.xml, charts, experiment log entry,
// step summary) is compared by its SHA-256.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRunRecord } from '../pipeline/build-run-record.js';
import { expectGolden } from '../reporters/__fixtures__/golden.js';
import { writeReports } from '../reporters/write-reports.js';
import { streamResultsFile } from '../run/result-stream.js';
import { RESULTS_FILE, RUN_FILE } from '../run/run-folder.js';
import { generatedConfig, generatedManifest, generatedResults } from './__fixtures__/generated-run.js';

const PER_SUITE = 150;
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function filesUnder(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(at, root)));
    else out.push(path.relative(root, at));
  }
  return out.sort();
}

describe('statistics and reports of a generated run', () => {
  it('are byte for byte what the code before the constant-memory changes wrote', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'evalgate-statistics-golden-'));
    scratch.push(root);
    const manifest = generatedManifest(PER_SUITE);
    const runDir = path.join(root, 'reports', 'runs', manifest.runId);
    await mkdir(runDir, { recursive: true });
    // Written in generation order (provider first), not results.jsonl's stable order, so the
    // columns' sorted rewrite runs too.
    const results = generatedResults(PER_SUITE);
    await writeFile(path.join(runDir, RESULTS_FILE), results.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const record = await buildRunRecord({
      manifest,
      runDir,
      config: generatedConfig,
      root,
      baseline: null,
      today: '2026-01-02',
    });
    await writeFile(path.join(runDir, RUN_FILE), `${JSON.stringify(record, null, 1)}\n`);
    const experimentLog = path.join(root, 'experiments', 'experiment_log.md');
    await mkdir(path.dirname(experimentLog));
    const summaryFile = path.join(root, 'step-summary.md');
    await writeReports({
      record,
      results: streamResultsFile(path.join(runDir, RESULTS_FILE)),
      runDir,
      reportsDir: null,
      experimentLog,
      githubSummaryFile: summaryFile,
    });

    // The audit ran every kind of row it has, on more than one group.
    const kinds = new Set(record.bias.rows.map((r) => r.check.split('/').at(-1)!.split(':')[0]));
    expect([...kinds].sort()).toEqual(
      ['bbq_bias', 'divergence', 'equalized_odds', 'flip_rate', 'parity_difference', 'score_gap'].sort(),
    );
    expect(new Set(record.bias.subgroups.map((g) => `${g.suite} ${g.provider}`)).size).toBe(6);

    const hashes: Record<string, string> = {};
    const files = [
      ...(await filesUnder(runDir)).map((f) => path.join(runDir, f)),
      experimentLog,
      summaryFile,
    ];
    for (const file of files) {
      // The scratch folder's name is the one thing that differs from run to run.
      const text = (await readFile(file, 'utf8')).replaceAll(root, '<root>');
      hashes[path.relative(root, file)] = createHash('sha256').update(text).digest('hex');
    }
    const golden = `${JSON.stringify({ bias: record.bias, files: hashes }, null, 1)}\n`;
    expectGolden(golden, new URL('./__fixtures__/statistics.golden.json', import.meta.url));
  }, 60_000);
});
