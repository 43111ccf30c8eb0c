// The tables for one suite × provider — targets and achieved values by metric family, speed,
// cost and errors, the change against the baseline, and per-label results for classifiers. Shared by
// the model evaluation report and the GitHub step summary so both read the same.
import type { TaskKind } from '../core/task.js';
import type { SuiteSummary } from '../run/types.js';
import {
  CI_LABEL,
  DASH,
  formatAchieved,
  formatCount,
  formatDelta,
  formatInterval,
  formatMetric,
  formatP,
  formatPass,
  formatScore,
  formatTarget,
  formatUsd,
} from './format-value.js';
import { code, escapeMarkdown, markdownTable } from './markdown-table.js';
import { compareMetrics, describeMetric, type MetricFamily } from '../metrics/metric-catalog.js';
import {
  BY_CONSTRUCTION_METRICS,
  BY_CONSTRUCTION_REASON,
  holdsByConstruction,
  isOfflineBaseline,
} from '../providers/local/offline-baseline.js';
import { pairLabel, type RecordIndex } from './record-index.js';

const METRIC_HEADERS = ['Metric', 'Target', 'Achieved', 'Pass?'];
const METRIC_ALIGN = ['left', 'left', 'left', 'center'] as const;
const MAX_LISTED_IDS = 10;

const QUALITY_HEADING: Record<TaskKind, string> = {
  'rag-qa': 'Answer quality',
  qa: 'Answer quality',
  classify: 'Classification',
  retrieval: 'Other metrics',
  mcq: 'Bias probes (multiple choice)',
  generate: 'Assertions',
};

export interface SuiteTablesOptions {
  /** Heading level for the suite × provider title; sub-tables go one level deeper. */
  level: number;
  /** Include the confusion matrix and per-label table for classifiers. */
  classification: boolean;
}

export function renderSuiteTables(
  summary: SuiteSummary,
  index: RecordIndex,
  options: SuiteTablesOptions,
): string {
  const sub = '#'.repeat(options.level + 1);
  const parts = [
    `${'#'.repeat(options.level)} ${escapeMarkdown(pairLabel(summary.suite, summary.provider))}`,
    suiteByline(summary),
  ];
  const keys = metricKeys(summary, index);
  const byFamily = (families: MetricFamily[]): string[] =>
    keys.filter((k) => families.includes(describeMetric(k).family));
  const retrieval = byFamily(['retrieval']);
  if (retrieval.length > 0) parts.push(`${sub} Retrieval`, metricTable(summary, index, retrieval));
  const quality = byFamily(['quality']);
  if (quality.length > 0) {
    parts.push(`${sub} ${QUALITY_HEADING[summary.task]}`, metricTable(summary, index, quality));
    if (quality.some((m) => holdsByConstruction(summary.provider, m))) parts.push(byConstruction(quality));
  }
  if (options.classification && summary.classification) parts.push(...classificationTables(summary, sub));
  parts.push(`${sub} Speed, cost and errors`, operationsTable(summary, index, byFamily(['operations'])));
  const comparison = comparisonTable(summary, index);
  if (comparison !== null) parts.push(`${sub} Change vs baseline`, comparison);
  if (summary.flaky && summary.flaky.caseIds.length > 0) {
    parts.push(
      `Flaky: ${summary.flaky.caseIds.length} case(s) (${formatScore(summary.flaky.share)} of cases) gave different results across repeats: ${listIds(summary.flaky.caseIds)}.`,
    );
  }
  return parts.join('\n\n');
}

function suiteByline(summary: SuiteSummary): string {
  const prompt =
    summary.promptVersion === null ? 'no prompt' : `prompt ${code(summary.promptVersion.split('#')[0])}`;
  const errors = summary.errors === 1 ? '1 failed model call' : `${summary.errors} failed model calls`;
  const baseline =
    isOfflineBaseline(summary.provider) && summary.task !== 'retrieval'
      ? ' · deterministic extractive baseline, not a language model'
      : '';
  return `_${summary.task} suite · model ${code(summary.model)}${baseline} · ${prompt} · ${summary.cases} cases · ${errors}_`;
}

/** Says under the table which of its numbers the offline baseline meets by construction. */
function byConstruction(metrics: string[]): string {
  const labels = metrics
    .filter((m) => BY_CONSTRUCTION_METRICS.includes(m))
    .map((m) => escapeMarkdown(describeMetric(m).label));
  const verb = labels.length === 1 ? 'holds' : 'hold';
  return `† ${joinList(labels)} ${verb} by construction for this baseline, because ${BY_CONSTRUCTION_REASON}: ${labels.length === 1 ? 'it says' : 'they say'} nothing about how faithful a language model would be.`;
}

function joinList(items: string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Metrics the summary computed plus any targeted metric it lacks, so a missed target never hides. */
function metricKeys(summary: SuiteSummary, index: RecordIndex): string[] {
  const keys = new Set(Object.keys(summary.metrics));
  for (const target of index.targets(summary.suite, summary.provider)) keys.add(target.metric);
  return [...keys].sort(compareMetrics);
}

function metricRow(summary: SuiteSummary, index: RecordIndex, metric: string): string[] {
  const target = index.target(summary.suite, summary.provider, metric);
  const stat = summary.metrics[metric];
  const achieved = stat ? formatAchieved(metric, stat) : formatMetric(metric, target?.achieved);
  const dagger = holdsByConstruction(summary.provider, metric) ? ' †' : '';
  return [
    `${escapeMarkdown(describeMetric(metric).label)}${dagger}`,
    target ? formatTarget(target) : DASH,
    achieved,
    target ? formatPass(target.pass) : DASH,
  ];
}

function metricTable(summary: SuiteSummary, index: RecordIndex, metrics: string[]): string {
  return markdownTable(
    METRIC_HEADERS,
    metrics.map((m) => metricRow(summary, index, m)),
    [...METRIC_ALIGN],
  );
}

/** Latency and error metrics, then spend: the run total, per-case cost and token counts. */
function operationsTable(summary: SuiteSummary, index: RecordIndex, metrics: string[]): string {
  const { cost } = summary;
  const estimated =
    cost.estimatedCases > 0 ? ` (estimated for ${cost.estimatedCases} case(s) without provider usage)` : '';
  const isCost = (m: string): boolean => describeMetric(m).unit === 'usd';
  const costMetrics = metrics.filter(isCost);
  const rows = [
    ...metrics.filter((m) => !isCost(m)).map((m) => metricRow(summary, index, m)),
    ['Total cost', DASH, formatUsd(cost.totalUsd), DASH],
    ...(costMetrics.length > 0
      ? costMetrics.map((m) => metricRow(summary, index, m))
      : [['Cost per case', DASH, formatUsd(cost.perCaseUsd), DASH]]),
    [
      'Tokens in / out',
      DASH,
      `${formatCount(cost.inputTokens)} / ${formatCount(cost.outputTokens)}${estimated}`,
      DASH,
    ],
  ];
  return markdownTable(METRIC_HEADERS, rows, [...METRIC_ALIGN]);
}

function comparisonTable(summary: SuiteSummary, index: RecordIndex): string | null {
  const comparisons = index
    .comparisons(summary.suite, summary.provider)
    .sort((a, b) => compareMetrics(a.metric, b.metric));
  if (comparisons.length === 0) return null;
  const rows = comparisons.map((c) => {
    const info = describeMetric(c.metric);
    const interval = formatInterval(c.metric, c.low, c.high);
    const regression = index.failures(c.suite, c.provider, c.metric).some((f) => f.kind === 'regression');
    const dagger = holdsByConstruction(c.provider, c.metric) ? ' †' : '';
    return [
      `${c.higherIsBetter ? escapeMarkdown(info.label) : `${escapeMarkdown(info.label)} (lower is better)`}${dagger}`,
      formatMetric(c.metric, c.baseline),
      formatMetric(c.metric, c.candidate),
      interval === null
        ? formatDelta(c.metric, c.delta)
        : `${formatDelta(c.metric, c.delta)} (${CI_LABEL} ${interval})`,
      c.test === 'none'
        ? `${formatP(c.pValue)} (not tested)`
        : c.level === null
          ? formatP(c.pValue)
          : `${formatP(c.pValue)} (level ${formatP(c.level)})`,
      formatMetric(c.metric, c.minimumDetectableEffect),
      c.changedCasesLeftOut
        ? `${formatCount(c.n)} (${c.changedCasesLeftOut} edited, left out)`
        : formatCount(c.n),
      regression ? '❌ regression' : c.margin === null ? '— not gated' : '✅ no regression',
    ];
  });
  const table = markdownTable(
    ['Metric', 'Baseline', 'This run', 'Δ', 'p (worse)', 'Min. detectable effect', 'Paired cases', 'Gate'],
    rows,
    ['left', 'right', 'right', 'left', 'right', 'right', 'right', 'left'],
  );
  const onlyBaseline = unique(comparisons.flatMap((c) => c.onlyInBaseline));
  const onlyCandidate = unique(comparisons.flatMap((c) => c.onlyInCandidate));
  if (onlyBaseline.length === 0 && onlyCandidate.length === 0)
    return `${table}\n\nEvery case is in both runs, so all of them are compared.`;
  const where = [
    onlyBaseline.length > 0 ? `only in the baseline: ${listIds(onlyBaseline)}` : null,
    onlyCandidate.length > 0 ? `only in this run: ${listIds(onlyCandidate)}` : null,
  ].filter((s): s is string => s !== null);
  return `${table}\n\nNot compared, because they are in one run only — ${where.join('; ')}.`;
}

function classificationTables(summary: SuiteSummary, sub: string): string[] {
  const cls = summary.classification;
  if (!cls) return [];
  const perLabel = markdownTable(
    ['Label', 'Precision', 'Recall', 'F1', 'Cases'],
    cls.labels.map((label) => {
      const s = cls.perClass[label];
      return [
        escapeMarkdown(label),
        formatScore(s?.precision),
        formatScore(s?.recall),
        formatScore(s?.f1),
        formatCount(s?.support ?? 0),
      ];
    }),
    ['left', 'right', 'right', 'right', 'right'],
  );
  const confusion = markdownTable(
    ['Gold ↓ · Predicted →', ...cls.labels.map(escapeMarkdown)],
    cls.labels.map((gold) => [
      escapeMarkdown(gold),
      ...cls.labels.map((predicted) => {
        const count = formatCount(cls.confusion[gold]?.[predicted] ?? 0);
        return gold === predicted ? `**${count}**` : count;
      }),
    ]),
    ['left', ...cls.labels.map(() => 'right' as const)],
  );
  return [
    `${sub} Per-label results`,
    'Precision: of the cases given this label, the share that truly had it. Recall: of the cases that truly had it, the share found.',
    perLabel,
    `${sub} Confusion matrix`,
    'Rows are the correct labels, columns what the model predicted; the bold diagonal is right, everything else is a mistake.',
    confusion,
  ];
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)].sort();
}

function listIds(ids: string[]): string {
  const shown = ids.slice(0, MAX_LISTED_IDS).map(code).join(', ');
  return ids.length > MAX_LISTED_IDS ? `${shown} and ${ids.length - MAX_LISTED_IDS} more` : shown;
}
