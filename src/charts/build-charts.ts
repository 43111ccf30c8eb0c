// Which charts a run gets, in report order. Each builder returns null when the run has nothing
// for it to show (no classification suite, no baseline, ...), so no empty chart is written.
import type { RunRecord } from '../run/types.js';
import type { ChartRow } from './chart-row.js';
import { type ChartRowColumns, RESTARTS } from './chart-row-columns.js';
import { biasChart } from './bias-chart.js';
import { confidenceHistogramChart, reliabilityChart } from './calibration-charts.js';
import type { Chart } from './chart.js';
import { confusionChart } from './confusion-chart.js';
import { costChart } from './cost-chart.js';
import { forestChart } from './forest-chart.js';
import { historyChart } from './history-chart.js';
import { latencyChart } from './latency-chart.js';
import { recallChart } from './recall-chart.js';

export interface ChartInput {
  record: RunRecord;
  /**
   * Read once per chart: an array and the run's columns (chartRowColumns) as they are; any other
   * iterable is collected once first (a generator, or anything drawing on one source, would be
   * used up by the first chart and the others left out as empty).
   */
  results: Iterable<ChartRow>;
  /** Earlier run records for the history chart (any order; the current run is added). */
  history?: readonly RunRecord[];
  /** Metric → allowed drop (gate.max_drop), for the margin ticks of the forest plot. */
  margins?: Readonly<Record<string, number>>;
}

export function buildCharts(input: ChartInput): Chart[] {
  const rows = rereadable(input.results);
  const charts = [
    forestChart(input.record, input.margins),
    confusionChart(input.record),
    recallChart(rows),
    latencyChart(rows),
    costChart(rows),
    biasChart(input.record),
    reliabilityChart(input.record),
    confidenceHistogramChart(input.record),
    historyChart(input.record, input.history ?? []),
  ];
  return charts.filter((c): c is Chart => c !== null);
}

/**
 * The rows as something each chart can read from the start: an array, or the run's columns (they
 * say they restart); anything else is collected once, since an iterable may hand out iterators
 * that drain one source, and probing it for that would open an iterator for nothing.
 */
function rereadable(rows: Iterable<ChartRow>): Iterable<ChartRow> {
  if (Array.isArray(rows) || (rows as Partial<ChartRowColumns>)[RESTARTS] === true) return rows;
  return Array.from(rows);
}
