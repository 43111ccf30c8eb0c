// `evalgate report --html [run]`: rebuilds a stored run's charts and report.html from its
// folder alone (no model calls, no other report rewritten).
import path from 'node:path';
import { analyzeErrors } from '../analysis/error-analysis.js';
import { writeReportCharts } from '../charts/write-report-charts.js';
import { renderModelEvalReport } from '../reporters/markdown-report.js';
import { readResults, readRunRecord } from '../run/read-run.js';
import { writeRunHtmlReport } from './write-run-html-report.js';

export async function rewriteRunHtml(options: {
  runDir: string;
  indexDir: string | null;
  margins?: Readonly<Record<string, number>>;
}): Promise<string> {
  const [record, results] = await Promise.all([readRunRecord(options.runDir), readResults(options.runDir)]);
  const runsDir = path.dirname(options.runDir);
  const charts = await writeReportCharts({
    record,
    results,
    reportDirs: [options.runDir],
    runsDir,
    margins: options.margins,
  });
  return writeRunHtmlReport({
    record,
    results,
    markdown: renderModelEvalReport(record, analyzeErrors(results, {}), charts),
    charts,
    runDir: options.runDir,
    runsDir,
    indexDir: options.indexDir,
  });
}
