// Writes the human-facing outputs of a run: reports/model-eval-report.md, the experiment log
// entry, junit.xml in the run folder and, inside GitHub Actions, the step summary. Rendering
// is the reporters' job; this file only decides where things go.
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeErrors } from '../analysis/error-analysis.js';
import { writeReportCharts } from '../charts/write-report-charts.js';
import {
  appendExperiment,
  nextExperimentNumber,
  renderExperimentEntry,
} from '../reporters/experiment-log.js';
import { renderGithubSummary } from '../reporters/github-summary.js';
import { renderJunit } from '../reporters/junit.js';
import { writeRunHtmlReport } from '../html-report/write-run-html-report.js';
import { renderModelEvalReport } from '../reporters/markdown-report.js';
import { runsDir, writeFileAtomic } from './run-folder.js';
import type { CaseResult, RunRecord } from './types.js';

export const REPORT_FILE = 'model-eval-report.md';

export interface WriteReportsOptions {
  record: RunRecord;
  results: readonly CaseResult[];
  runDir: string;
  reportsDir: string;
  /** Absolute path of experiments/experiment_log.md, or null to skip the log. */
  experimentLog: string | null;
  /** $GITHUB_STEP_SUMMARY, when set. */
  githubSummaryFile?: string;
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

export async function writeReports(options: WriteReportsOptions): Promise<WrittenReports> {
  const { record, results } = options;
  const analysis = analyzeErrors([...results], {});
  const report = path.join(options.reportsDir, REPORT_FILE);
  const charts = await writeReportCharts({
    record,
    results,
    reportDirs: [options.runDir, options.reportsDir],
    runsDir: runsDir(options.reportsDir),
    margins: options.gateMargins,
  });
  await writeFileAtomic(report, renderModelEvalReport(record, analysis, charts));
  await writeFileAtomic(
    path.join(options.runDir, REPORT_FILE),
    renderModelEvalReport(record, analysis, charts),
  );
  const html = await writeRunHtmlReport({
    record,
    results,
    markdown: renderModelEvalReport(record, analysis, charts),
    charts,
    runDir: options.runDir,
    runsDir: runsDir(options.reportsDir),
    indexDir: options.indexDir ?? null,
  });
  const junit = path.join(options.runDir, 'junit.xml');
  await writeFileAtomic(junit, renderJunit(record, [...results]));

  let experimentNumber: number | null = null;
  if (options.experimentLog) {
    let existing: string | null = null;
    try {
      existing = await readFile(options.experimentLog, 'utf8');
    } catch {
      /* first entry */
    }
    experimentNumber = nextExperimentNumber(existing ?? '');
    const entry = renderExperimentEntry(record, analysis, { number: experimentNumber });
    await writeFileAtomic(options.experimentLog, appendExperiment(existing, entry));
  }
  if (options.githubSummaryFile)
    await appendFile(options.githubSummaryFile, `${renderGithubSummary(record)}\n`);
  return { report, junit, html, experimentNumber };
}
