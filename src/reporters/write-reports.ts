// Writes the human-facing outputs of a run: reports/model-eval-report.md, the experiment log
// entry, junit.xml in the run folder and, inside GitHub Actions, the step summary. Rendering
// is the reporters' job; this file only decides where things go.
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeErrorsStream } from '../analysis/analyze-errors-stream.js';
import { chartRowColumns } from '../charts/chart-row-columns.js';
import { writeReportCharts } from '../charts/write-report-charts.js';
import { writeRunHtmlReport } from '../html-report/write-run-html-report.js';
import { collectAtPhaseBoundary } from '../memory/phase-collection.js';
import { writeFileAtomic } from '../run/run-folder.js';
import { type ResultStream, toResultStream } from '../run/result-stream.js';
import type { CaseResult, RunRecord } from '../run/types.js';
import { appendExperiment, nextExperimentNumber, renderExperimentEntry } from './experiment-log.js';
import { renderGithubSummary } from './github-summary.js';
import { writeJunitStream } from './junit-stream.js';
import { renderModelEvalReport } from './markdown-report.js';

export const REPORT_FILE = 'model-eval-report.md';

export interface WriteReportsOptions {
  record: RunRecord;
  /**
   * The run's results in results.jsonl's order: a stream (the CLI streams the file, so no
   * reporter holds the run) or an array.
   */
  results: readonly CaseResult[] | ResultStream;
  runDir: string;
  /** Where the project's model-eval-report.md goes; null writes only the run folder's copy. */
  reportsDir: string | null;
  /** Absolute path of experiments/experiment_log.md, or null to skip the log. */
  experimentLog: string | null;
  /** $GITHUB_STEP_SUMMARY, when set. */
  githubSummaryFile?: string;
  /** Do not log a run the log already has an entry for (accepting an experiment that was logged). */
  skipLoggedRun?: boolean;
  /** gate.max_drop, drawn as the allowed margin in the change-vs-baseline chart. */
  gateMargins?: Readonly<Record<string, number>>;
  /** The retrieval index folder (rag.index_dir), for chunk texts in report.html. */
  indexDir?: string | null;
}

export interface WrittenReports {
  report: string;
  junit: string;
  html: string;
  experimentNumber: number | null;
}

/**
 * The charts, from one pass that keeps a small row per result. In a function of its own so the
 * rows (~2 MB of columns at 100k results) die when the charts are written, before report.html and
 * junit.xml make their passes, instead of staying in writeReports' frame until it returns.
 */
export async function writeChartsFromStream(
  options: WriteReportsOptions,
  results: ResultStream,
  runsFolder: string,
): Promise<Awaited<ReturnType<typeof writeReportCharts>>> {
  // The per-case charts need a few numbers per result, not the results: kept as columns.
  const chartRows = chartRowColumns();
  for await (const r of results()) chartRows.add(r);
  return writeReportCharts({
    record: options.record,
    results: chartRows,
    reportDirs: options.reportsDir ? [options.runDir, options.reportsDir] : [options.runDir],
    runsDir: runsFolder,
    margins: options.gateMargins,
  });
}

export async function writeReports(options: WriteReportsOptions): Promise<WrittenReports> {
  const { record } = options;
  const results = toResultStream(options.results);
  // Each pass over results.jsonl starts from the live heap, not on top of the last one's garbage
  // (a no-op unless the CLI installed the collector; src/memory/phase-collection.ts).
  collectAtPhaseBoundary('reports:start');
  const analysis = await analyzeErrorsStream(results, {});
  collectAtPhaseBoundary('reports:error-analysis');
  // Run folders sit side by side: the history chart reads the run's siblings.
  const runsFolder = path.dirname(options.runDir);
  const charts = await writeChartsFromStream(options, results, runsFolder);
  const rendered = renderModelEvalReport(record, analysis, charts);
  const report = path.join(options.reportsDir ?? options.runDir, REPORT_FILE);
  if (options.reportsDir) await writeFileAtomic(report, rendered);
  await writeFileAtomic(path.join(options.runDir, REPORT_FILE), rendered);
  collectAtPhaseBoundary('reports:charts');
  const html = await writeRunHtmlReport({
    record,
    results: results(),
    markdown: rendered,
    charts,
    runDir: options.runDir,
    runsDir: runsFolder,
    indexDir: options.indexDir ?? null,
  });
  collectAtPhaseBoundary('reports:html');
  const junit = path.join(options.runDir, 'junit.xml');
  await writeJunitStream({ file: junit, record, results });

  let experimentNumber: number | null = null;
  if (options.experimentLog) {
    let existing: string | null = null;
    try {
      existing = await readFile(options.experimentLog, 'utf8');
    } catch {
      /* first entry */
    }
    if (!(options.skipLoggedRun && existing?.includes(record.manifest.runId))) {
      experimentNumber = nextExperimentNumber(existing ?? '');
      const entry = renderExperimentEntry(record, analysis, { number: experimentNumber });
      await writeFileAtomic(options.experimentLog, appendExperiment(existing, entry));
    }
  }
  if (options.githubSummaryFile)
    await appendFile(options.githubSummaryFile, `${renderGithubSummary(record)}\n`);
  return { report, junit, html, experimentNumber };
}
