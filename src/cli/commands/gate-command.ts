// `evalgate gate [run]`: judges a stored run folder against today's baseline and config, with no
// model call, so CI can evaluate once and gate in a separate step (or re-gate after a baseline
// change). Rewrites the run's run.json and its own report with the new verdict.
import path from 'node:path';
import { buildRunRecord } from '../../pipeline/build-run-record.js';
import { renderConsoleSummary } from '../../reporters/console-table.js';
import { writeReports } from '../../reporters/write-reports.js';
import { readBaseline } from '../../run/baseline.js';
import { readRunRecord } from '../../run/read-run.js';
import { streamResultsFile } from '../../run/result-stream.js';
import { RESULTS_FILE } from '../../run/run-folder.js';
import { writeRunRecord } from '../../run/write-run-record.js';
import { findRun, loadProject } from './load-project.js';

export interface GateCommandOptions {
  config: string;
  allowMissingProvider?: boolean;
}

export async function gateCommand(run: string | undefined, options: GateCommandOptions): Promise<number> {
  const { loaded, reportsDir } = await loadProject(options.config);
  const { config, root } = loaded;
  const runDir = await findRun(reportsDir, run);
  const stored = await readRunRecord(runDir);
  const baseline = await readBaseline(path.resolve(root, config.gate.baseline), config.gate.baseline);
  const record = await buildRunRecord({
    manifest: stored.manifest,
    runDir,
    config,
    root,
    baseline,
    today: new Date().toISOString().slice(0, 10),
    allowMissingProviders: options.allowMissingProvider,
  });
  await writeRunRecord(runDir, record);
  await writeReports({
    record,
    results: streamResultsFile(path.join(runDir, RESULTS_FILE)),
    runDir,
    reportsDir: null,
    experimentLog: null,
    githubSummaryFile: process.env.GITHUB_STEP_SUMMARY || undefined,
    gateMargins: config.gate.max_drop,
    indexDir: config.rag ? path.resolve(root, config.rag.index_dir) : null,
  });
  process.stdout.write(`${renderConsoleSummary(record, { color: process.stdout.isTTY === true })}\n`);
  return record.gate.exitCode;
}
