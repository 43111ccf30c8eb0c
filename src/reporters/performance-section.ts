// "## Performance Metrics" of the model evaluation report: how to read the numbers, the
// tables for every suite × provider, where failures come from, and a glossary of the metrics.
import type { FailureAttribution, RunRecord } from '../run/types.js';
import { formatCount } from './format-value.js';
import { code, escapeMarkdown, markdownTable } from './markdown-table.js';
import { compareMetrics, describeMetric } from '../metrics/metric-catalog.js';
import { renderSuiteTables } from './performance-tables.js';
import { indexRecord, pairLabel } from './record-index.js';

export const ATTRIBUTION_LABELS: Record<FailureAttribution, string> = {
  pass: 'Pass',
  'retrieval-miss': 'Retrieval miss',
  'context-overflow': 'Context overflow',
  'generation-error': 'Generation error',
  'wrong-label': 'Wrong label',
  'provider-error': 'Provider error',
};

const ATTRIBUTION_ORDER: FailureAttribution[] = [
  'pass',
  'retrieval-miss',
  'context-overflow',
  'generation-error',
  'wrong-label',
  'provider-error',
];

export function renderPerformanceSection(record: RunRecord): string {
  const index = indexRecord(record);
  const intro = [
    'Each value is measured over the cases in the suite and shown with a 95% confidence interval (CI): the range the true value most likely lies in, given this many cases. Wide intervals mean few cases, so small differences are not meaningful.',
    'Targets come from the eval config; — means no target is set. Retrieval (finding the right documents) is shown apart from answer quality (what the model does with them), so a bad answer can be traced to its cause.',
  ];
  if (record.comparison.length > 0) {
    intro.push(
      'Where a baseline exists, Δ is the change against it, paired case by case over the cases both runs share (cases whose gold content was edited are left out). p (worse) is the one-sided chance of seeing a drop this large from noise alone; a gated metric fails only when its drop exceeds the allowed margin and p is at or below its level, which is α divided by the number of gated comparisons that could reach significance (README, "How the gate decides"). The minimum detectable effect is the smallest true drop the gate catches 80% of the time at that level; smaller drops cannot be told apart from noise.',
    );
  }
  const parts = ['## Performance Metrics', ...intro];
  for (const summary of record.summary)
    parts.push(renderSuiteTables(summary, index, { level: 3, classification: true }));
  const attribution = renderAttributionTable(record);
  if (attribution !== null) parts.push('### Where failures come from', ATTRIBUTION_EXPLANATION, attribution);
  const glossary = renderMetricGlossary(record);
  if (glossary !== null) parts.push('### How to read these metrics', glossary);
  return parts.join('\n\n');
}

const ATTRIBUTION_EXPLANATION =
  'Every failed case is attributed to the first stage that went wrong: a retrieval miss (no relevant document was found), a context overflow (a relevant passage was found but dropped to fit the token budget), a generation error (the right context reached the model, the answer was still wrong), a wrong label (classification), or a provider error (the model call itself failed).';

export function renderAttributionTable(record: RunRecord): string | null {
  const withCounts = record.summary.filter((s) => s.attribution !== undefined);
  if (withCounts.length === 0) return null;
  const kinds = ATTRIBUTION_ORDER.filter(
    (kind) => kind === 'pass' || withCounts.some((s) => (s.attribution?.[kind] ?? 0) > 0),
  );
  const rows = withCounts.map((s) => [
    escapeMarkdown(pairLabel(s.suite, s.provider)),
    formatCount(s.cases),
    ...kinds.map((kind) => formatCount(s.attribution?.[kind] ?? 0)),
  ]);
  return markdownTable(['Suite · Provider', 'Cases', ...kinds.map((k) => ATTRIBUTION_LABELS[k])], rows, [
    'left',
    'right',
    ...kinds.map(() => 'right' as const),
  ]);
}

/** One line per metric that appears in the record and has a known meaning, in catalogue order. */
export function renderMetricGlossary(record: RunRecord): string | null {
  const keys = new Set<string>();
  for (const summary of record.summary) for (const key of Object.keys(summary.metrics)) keys.add(key);
  for (const target of record.targets) keys.add(target.metric);
  for (const comparison of record.comparison) keys.add(comparison.metric);
  const lines: string[] = [];
  const seenLabels = new Set<string>();
  // Embedding metrics mean something different with a lexical embedder than with a learned one.
  const context = { embedder: record.manifest.retrieval?.embedder };
  for (const key of [...keys].sort(compareMetrics)) {
    const info = describeMetric(key, context);
    if (info.explanation === null || seenLabels.has(info.label)) continue;
    seenLabels.add(info.label);
    const direction = info.lowerIsBetter ? ' Lower is better.' : '';
    lines.push(`- **${escapeMarkdown(info.label)}** (${code(key)}): ${info.explanation}.${direction}`);
  }
  return lines.length > 0 ? lines.join('\n') : null;
}
