// "Next Steps" for an experiment-log entry, derived from what failed: missed targets, significant
// regressions, failing bias checks, flagged subgroups and the most frequent failure cause.
// Each step names the metric, where it failed and the first thing to try.
import type { ErrorAnalysis, FailureKind } from '../analysis/error-analysis.js';
import type { RunRecord } from '../run/types.js';
import { formatDelta, formatMetric, formatScore, formatTarget } from './format-value.js';
import { code, escapeMarkdown } from './markdown-table.js';
import { describeMetric } from '../metrics/metric-catalog.js';
import { ATTRIBUTION_LABELS } from './performance-section.js';
import { indexRecord, pairLabel } from './record-index.js';

const CAUSE_ADVICE: Record<FailureKind, string> = {
  'retrieval-miss':
    'improve search before touching the prompt: try hybrid mode, a larger k or smaller chunks, and check the missed documents are in the corpus',
  'context-overflow':
    'relevant passages are being dropped: raise `context_budget_tokens`, use smaller chunks or retrieve fewer, better-ranked passages',
  'generation-error':
    'the model had the right context and still answered wrongly: tighten the prompt instructions or add few-shot examples for these cases',
  'wrong-label':
    'clarify the label definitions in the prompt and add few-shot examples for the most frequent confusion',
  'provider-error':
    'model calls are failing: check rate limits, timeouts and concurrency before trusting the scores',
};

export function deriveNextSteps(record: RunRecord, analysis: ErrorAnalysis): string[] {
  const index = indexRecord(record);
  const steps: string[] = [];
  for (const check of record.targets.filter((t) => !t.pass)) {
    steps.push(
      `Bring ${escapeMarkdown(describeMetric(check.metric).label)} on ${where(check.suite, check.provider)} from ${formatMetric(check.metric, check.achieved)} to ${formatTarget(check)}.`,
    );
  }
  for (const failure of record.gate.failures.filter((f) => f.kind === 'regression')) {
    const comparison = index.comparison(failure.suite, failure.provider, failure.metric);
    const delta = comparison ? ` (${formatDelta(failure.metric, comparison.delta)})` : '';
    const baseline = record.changes.baselineRunId
      ? ` against baseline ${code(record.changes.baselineRunId)}`
      : '';
    steps.push(
      `Find out why ${escapeMarkdown(describeMetric(failure.metric).label)} on ${where(failure.suite, failure.provider)} dropped${delta}${baseline}: compare the cases that fail now but passed before (\`evalgate compare\`).`,
    );
  }
  for (const failure of record.gate.failures.filter((f) => f.kind === 'errors')) {
    steps.push(
      `Fix the failing model calls on ${where(failure.suite, failure.provider)} and re-run: ${escapeMarkdown(failure.message)}.`,
    );
  }
  for (const row of record.bias.rows.filter((r) => r.pass === false)) {
    steps.push(
      `Reduce the ${escapeMarkdown(describeMetric(row.metric).label).toLowerCase()} for ${escapeMarkdown(row.attribute)} on ${where(row.suite, row.provider)} (${formatScore(row.value)}, threshold ≤ ${formatScore(row.threshold)}): review the counterfactual pairs that changed.`,
    );
  }
  for (const gap of record.bias.subgroups.filter((g) => g.flagged)) {
    const tags = gap.groups.map((g) => code(g.tag));
    const between = tags.length === 2 ? `between ${tags[0]} and ${tags[1]}` : `across ${tags.join(', ')}`;
    steps.push(
      `Check the ${formatScore(gap.gap)} gap in ${escapeMarkdown(describeMetric(gap.metric).label)} ${between} on ${where(gap.suite, gap.provider)}; add cases to the smaller groups to confirm it.`,
    );
  }
  const top = analysis.common[0];
  if (top)
    steps.push(
      `Largest failure cause is ${ATTRIBUTION_LABELS[top.attribution].toLowerCase()} (${top.count} of ${analysis.totals.failed} failures): ${CAUSE_ADVICE[top.attribution]}.`,
    );
  if (steps.length === 0) {
    steps.push(
      'Every target is met with no regression: accept this run as the new baseline (`evalgate baseline accept`).',
    );
  }
  if (!record.manifest.hypothesis)
    steps.push(
      'State a hypothesis for the next run (`evalgate eval --hypothesis "…"`), so its result can confirm or refute it.',
    );
  return steps;
}

function where(suite: string, provider: string): string {
  return escapeMarkdown(pairLabel(suite, provider));
}
