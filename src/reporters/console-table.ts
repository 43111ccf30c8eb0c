// The console summary printed after `evalgate eval`: one compact cli-table3 table (a row per
// suite × provider) and one gate line naming each failing metric with its numbers. Colour is
// applied here with plain ANSI codes rather than cli-table3's styles, so the output does not
// depend on how the colour library sniffs the terminal.
import Table from 'cli-table3';
import type { MetricComparison, RunRecord, SuiteSummary } from '../run/types.js';
import {
  CI_LABEL,
  formatCount,
  formatDelta,
  formatInterval,
  formatMetric,
  formatMs,
  formatP,
  formatTarget,
  formatUsd,
} from './format-value.js';
import { compareMetrics, describeMetric } from '../metrics/metric-catalog.js';
import { holdsByConstruction, isOfflineBaseline } from '../providers/local/offline-baseline.js';
import { checkCounts } from './check-counts.js';
import { indexRecord, type RecordIndex } from './record-index.js';

export interface ConsoleSummaryOptions {
  color: boolean;
  /** Terminal width; the metrics column wraps to fit it. */
  width?: number;
}

type Paint = (text: string) => string;

interface Palette {
  red: Paint;
  green: Paint;
  dim: Paint;
  bold: Paint;
}

const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001B[${open}m${text}\u001B[${close}m`;
const COLORS: Palette = { red: ansi(31, 39), green: ansi(32, 39), dim: ansi(2, 22), bold: ansi(1, 22) };
const PLAIN: Palette = { red: (t) => t, green: (t) => t, dim: (t) => t, bold: (t) => t };

const HEAD = ['Suite', 'Provider', 'n', `Key metrics (${CI_LABEL})`, 'p95', 'Cost', 'Errors'];
const MAX_FALLBACK_METRICS = 3;
const MIN_METRICS_WIDTH = 24;

export function renderConsoleSummary(record: RunRecord, options: ConsoleSummaryOptions): string {
  const paint = options.color ? COLORS : PLAIN;
  const index = indexRecord(record);
  const rows = record.summary.map((s) => [
    s.suite,
    s.provider,
    formatCount(s.cases),
    keyMetrics(s, index, paint),
    formatMs(s.metrics['latency.p95_ms']?.value),
    formatUsd(s.cost.totalUsd),
    s.errors > 0 ? paint.red(String(s.errors)) : '0',
  ]);
  const table = new Table({
    head: HEAD.map(paint.bold),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    colAligns: ['left', 'left', 'right', 'left', 'right', 'right', 'right'],
    ...(options.width ? { colWidths: columnWidths(rows, options.width), wordWrap: true } : {}),
  });
  table.push(...rows);
  const title = `${paint.bold(record.manifest.name)} ${paint.dim(`· run ${record.manifest.runId}`)}`;
  // Two short lines, so they fit the narrowest terminal the table wraps to.
  const footnote = record.summary.some((s) => isOfflineBaseline(s.provider))
    ? `${paint.dim('local/*: a deterministic extractive baseline, not a language model.')}\n${paint.dim('* holds by construction: it copies context sentences and cites them.')}\n`
    : '';
  return `${title}\n${table.toString()}\n${footnote}${gateLine(record, index, paint)}`;
}

/** Targeted and compared metrics first (what the gate judges); otherwise the first few by catalogue order. */
function keyMetrics(summary: SuiteSummary, index: RecordIndex, paint: Palette): string {
  const judged = new Set([
    ...index.targets(summary.suite, summary.provider).map((t) => t.metric),
    ...index.comparisons(summary.suite, summary.provider).map((c) => c.metric),
  ]);
  const isKey = (m: string): boolean => describeMetric(m).family !== 'operations';
  // Gated/targeted metrics are what the gate judged; shown once each.
  let metrics = [...judged].filter(isKey);
  if (metrics.length === 0)
    metrics = Object.keys(summary.metrics).filter(isKey).sort(compareMetrics).slice(0, MAX_FALLBACK_METRICS);
  return metrics
    .sort(compareMetrics)
    .map((metric) => {
      const stat = summary.metrics[metric];
      const target = index.target(summary.suite, summary.provider, metric);
      const interval = stat ? formatInterval(metric, stat.low, stat.high) : null;
      const value = `${formatMetric(metric, stat?.value ?? target?.achieved)}${interval ? ` (${interval})` : ''}`;
      const mark =
        target === undefined
          ? ''
          : target.pass
            ? ` ${paint.green('✓')}`
            : ` ${paint.red(`✗ ${formatTarget(target)}`)}`;
      const star = holdsByConstruction(summary.provider, metric) ? '*' : '';
      return `${metric}${star} ${value}${mark}`;
    })
    .join('\n');
}

/** One block: the verdict, then one line per failing check, then what changed since the baseline. */
function gateLine(record: RunRecord, index: RecordIndex, paint: Palette): string {
  const { gate } = record;
  const recommendation = gate.recommendation.replace(/-/g, ' ');
  const changes = changeLines(record).map((line) => `  ${paint.dim(line)}`);
  const others = [
    ...gate.warnings.map(
      (f) => `  ${paint.dim('! warn')} ${f.suite} · ${f.provider} · ${f.metric}: ${f.message}`,
    ),
    ...gate.waived.map((w) => `  ${paint.dim(`~ waived until ${w.expires}`)} ${w.check} (${w.provider})`),
    ...gate.notAssessed.map((n) => `  ${paint.dim(`- not assessed: ${n.what}: ${n.why}`)}`),
  ];
  if (gate.status === 'pass')
    return [
      `${paint.green('Gate ✓ PASS')} · ${recommendation} · ${checkCounts(gate).join(', ')}`,
      ...others,
      ...changes,
    ].join('\n');
  const status = gate.status === 'error' ? 'Gate ✗ ERROR' : 'Gate ✗ FAIL';
  const items = gate.failures.map((f) => {
    const where = `${f.suite} · ${f.provider} · ${f.metric}`;
    const comparison = index.comparison(f.suite, f.provider, f.metric);
    const target = index.target(f.suite, f.provider, f.metric);
    if (f.kind === 'errors') return `${where}: ${f.message}`;
    if (f.kind === 'target')
      return `${where}: ${formatMetric(f.metric, target?.achieved)} misses target ${target ? formatTarget(target) : ''}`.trimEnd();
    if (comparison) return `${where}: regressed, ${comparisonText(comparison)}`;
    return `${where}: ${f.message}`;
  });
  return [
    `${paint.red(status)} (exit ${gate.exitCode}) · ${recommendation}`,
    ...items.map((item) => `  ${paint.red('✗')} ${item}`),
    ...others,
    ...changes,
  ].join('\n');
}

/** "Changed since baseline …" lines, so the cause sits next to the effect. */
function changeLines(record: RunRecord): string[] {
  const c = record.changes;
  if (!c.hasBaseline) return ['no baseline yet: `evalgate baseline accept` makes this run the reference'];
  const parts = [
    ...c.prompts.map((p) => `prompt ${p.from ?? '(new)'} → ${p.to ?? '(removed)'}`),
    ...(c.configChanged ? ['config edited'] : []),
    ...(c.corpusChanged ? ['corpus changed'] : []),
    ...c.providersAdded.map((p) => `provider added: ${p}`),
    ...c.providersRemoved.map((p) => `provider removed: ${p}`),
    ...(c.generation ?? []).map((g) => `${g.prompt} ${g.setting} ${g.from ?? '—'} → ${g.to ?? '—'}`),
    ...(c.metricDefinitions ?? []).map(
      (m) => `${m.metric} redefined ${m.from ?? 'unversioned'} → ${m.to ?? 'unversioned'} (not compared)`,
    ),
    ...(c.cases ?? []).map(
      (k) =>
        `cases of ${k.suite}: ${k.changed.length} edited (not paired), ${k.added.length} added, ${k.removed.length} removed`,
    ),
  ];
  return [
    `changed since baseline ${c.baselineRunId ?? ''}: ${parts.length ? parts.join('; ') : 'nothing (same prompts, settings, cases, config and corpus)'}`,
  ];
}

function comparisonText(c: MetricComparison): string {
  const interval = formatInterval(c.metric, c.low, c.high);
  const ci = interval === null ? '' : `, ${CI_LABEL} ${interval}`;
  const p =
    c.pValue === null
      ? ''
      : `, one-sided p ${formatP(c.pValue)}${c.level === null ? '' : ` ≤ ${formatP(c.level)}`}`;
  return `baseline ${formatMetric(c.metric, c.baseline)} → ${formatMetric(c.metric, c.candidate)} (Δ ${formatDelta(c.metric, c.delta)}${ci}${p})`;
}

/** Fixed columns sized to their content; the metrics column takes what is left of the width. */
function columnWidths(rows: string[][], width: number): (number | null)[] {
  const visible = (text: string): number =>
    Math.max(
      ...text
        .replace(/\u001B\[\d+m/g, '')
        .split('\n')
        .map((line) => Array.from(line).length),
    );
  const widths = HEAD.map(
    (head, col) => Math.max(visible(head), ...rows.map((row) => visible(row[col]))) + 2,
  );
  const borders = HEAD.length + 1;
  const others = widths.reduce((sum, w, col) => (col === 3 ? sum : sum + w), 0);
  widths[3] = Math.max(MIN_METRICS_WIDTH, Math.min(widths[3], width - others - borders));
  return widths;
}
