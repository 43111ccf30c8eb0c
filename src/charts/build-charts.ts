// Which charts a run gets, in report order. Each builder returns null when the run has nothing
// for it to show (no classification suite, no baseline, ...), so no empty chart is written.
import type { RunRecord } from '../run/types.js';
import type { ChartRow } from './chart-row.js';
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
  results: Iterable<ChartRow>;
  /** Earlier run records for the history chart (any order; the current run is added). */
  history?: readonly RunRecord[];
  /** Metric → allowed drop (gate.max_drop), for the margin ticks of the forest plot. */
  margins?: Readonly<Record<string, number>>;
}

export function buildCharts(input: ChartInput): Chart[] {
  const charts = [
    forestChart(input.record, input.margins),
    confusionChart(input.record),
    recallChart(input.results),
    latencyChart(input.results),
    costChart(input.results),
    biasChart(input.record),
    reliabilityChart(input.record),
    confidenceHistogramChart(input.record),
    historyChart(input.record, input.history ?? []),
  ];
  return charts.filter((c): c is Chart => c !== null);
}
