// The one call report writers make: draw a run's charts once (with the recorded runs beside
// it as history) and write them into the `charts/` folder beside each report that links them.
// `evalgate baseline accept` calls it with reports/ so the accepted report gets its charts.
import path from 'node:path';
import type { RunRecord } from '../run/types.js';
import type { ChartRow } from './chart-row.js';
import type { WrittenChart } from './chart.js';
import { readRunHistory } from './read-run-history.js';
import { replaceCharts } from './replace-charts.js';
import { CHARTS_DIR, renderCharts } from './write-charts.js';

export interface WriteReportChartsOptions {
  record: RunRecord;
  results: Iterable<ChartRow>;
  /** Folders holding a report that links `charts/…` (a run folder, reports/). */
  reportDirs: readonly string[];
  /** reports/runs, for the history chart; omit to plot this run alone. */
  runsDir?: string;
  /** gate.max_drop: metric → allowed drop, for the forest plot's margin ticks. */
  margins?: Readonly<Record<string, number>>;
}

export async function writeReportCharts(options: WriteReportChartsOptions): Promise<WrittenChart[]> {
  const history = options.runsDir
    ? await readRunHistory(options.runsDir, options.record.manifest.startedAt)
    : [];
  const charts = await renderCharts({
    record: options.record,
    results: options.results,
    history,
    margins: options.margins,
  });
  for (const reportDir of options.reportDirs) await replaceCharts(path.join(reportDir, CHARTS_DIR), charts);
  return charts;
}
