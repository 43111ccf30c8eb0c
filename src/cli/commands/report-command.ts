// `evalgate report [run]`: re-renders the report, experiment entry preview and junit from a
// run folder. No model is called: everything comes from run.json and results.jsonl.
import path from 'node:path';
import { readRunRecord } from '../../run/read-run.js';
import { streamResultsFile } from '../../run/result-stream.js';
import { RESULTS_FILE } from '../../run/run-folder.js';
import { writeReports } from '../../reporters/write-reports.js';
import { renderConsoleSummary } from '../../reporters/console-table.js';
import { findRun, loadProject } from './load-project.js';
import { reportHtmlCommand } from './report-html-command.js';

export async function reportCommand(
  run: string | undefined,
  options: { config: string; html?: boolean },
): Promise<number> {
  const { loaded, reportsDir } = await loadProject(options.config);
  const runDir = await findRun(reportsDir, run);
  if (options.html) return reportHtmlCommand(runDir, loaded);
  const record = await readRunRecord(runDir);
  const written = await writeReports({
    record,
    results: streamResultsFile(path.join(runDir, RESULTS_FILE)),
    runDir,
    // The run's own report; the committed one changes only with `baseline accept`.
    reportsDir: null,
    experimentLog: null,
    gateMargins: loaded.config.gate.max_drop,
    indexDir: loaded.config.rag ? path.resolve(loaded.root, loaded.config.rag.index_dir) : null,
  });
  process.stdout.write(`${renderConsoleSummary(record, { color: process.stdout.isTTY === true })}\n`);
  process.stdout.write(
    `report: ${path.relative(process.cwd(), written.report)}  junit: ${path.relative(process.cwd(), written.junit)}  html: ${path.relative(process.cwd(), written.html)}\n`,
  );
  return 0;
}
