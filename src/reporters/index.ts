// Public surface of the reporters: each turns a run record (and, where examples are quoted,
// the error analysis or the raw results) into text. None computes a metric.
export { renderModelEvalReport, REPORT_SECTIONS } from './markdown-report.js';
export {
  renderExperimentEntry,
  nextExperimentNumber,
  appendExperiment,
  EXPERIMENT_LOG_TITLE,
} from './experiment-log.js';
export type { ExperimentEntryOptions } from './experiment-log.js';
export { renderJunit } from './junit.js';
export { renderConsoleSummary } from './console-table.js';
export type { ConsoleSummaryOptions } from './console-table.js';
export { renderGithubSummary } from './github-summary.js';
export { markdownTable, escapeMarkdown, code as markdownCode } from './markdown-table.js';
export { describeMetric } from '../metrics/metric-catalog.js';
export type { MetricInfo, MetricFamily, MetricUnit } from '../metrics/metric-catalog.js';
export { renderComparisonTable } from './comparison-table.js';
export { renderTrecQrels, renderTrecRun } from './trec-export.js';
