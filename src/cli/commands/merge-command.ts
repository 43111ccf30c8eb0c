// `evalgate merge <run folders…>`: joins the shards of a sharded eval (`--shard i/n`) into one
// run folder under reports/runs/, writes its report, and prints the folder's path on stdout
// (and only that, so CI can capture it). Gate it with `evalgate gate <path>`.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { mergeRuns } from '../../merge/merge-runs.js';
import { writeReports } from '../../reporters/write-reports.js';
import { readBaseline } from '../../run/baseline.js';
import { resolveRunDir } from '../../run/run-folder.js';
import { loadProject } from './load-project.js';

export interface MergeCommandOptions {
  config: string;
  allowMissingProvider?: boolean;
}

export async function mergeCommand(runs: string[], options: MergeCommandOptions): Promise<number> {
  const { loaded, reportsDir } = await loadProject(options.config);
  const { config, root } = loaded;
  const runDirs = await Promise.all(runs.map((r) => resolveRunDir(reportsDir, r)));
  const baseline = await readBaseline(path.resolve(root, config.gate.baseline), config.gate.baseline);
  const now = Date.now();
  const merged = await mergeRuns({
    runDirs,
    loaded,
    reportsDir,
    baseline,
    today: new Date(now).toISOString().slice(0, 10),
    now,
    salt: randomBytes(4).toString('hex'),
    allowMissingProviders: options.allowMissingProvider,
  });
  await writeReports({
    record: merged.record,
    results: merged.results,
    runDir: merged.runDir,
    reportsDir: null,
    experimentLog: null,
    gateMargins: config.gate.max_drop,
    indexDir: config.rag ? path.resolve(root, config.rag.index_dir) : null,
  });
  process.stderr.write(
    `evalgate: merged ${runDirs.length} shards (${merged.results.length} results) into run ${merged.record.manifest.runId}\n`,
  );
  process.stdout.write(`${path.relative(process.cwd(), merged.runDir) || merged.runDir}\n`);
  return 0;
}
