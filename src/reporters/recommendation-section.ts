// "## Recommendation" of the model evaluation report, and the one-line verdict shared with the
// experiment log and the GitHub summary: the gate's decision in words a product reader acts on.
import type { GateDecision, GateFailure } from '../run/types.js';
import { bulletList, code, escapeMarkdown } from './markdown-table.js';
import { describeMetric } from './metric-catalog.js';
import { pairLabel } from './record-index.js';

export const RECOMMENDATION_HEADLINES: Record<GateDecision['recommendation'], string> = {
  ship: '✅ Ship',
  pilot: '⚠️ Pilot',
  'do-not-ship': '❌ Do not ship',
};

const RECOMMENDATION_MEANING: Record<GateDecision['recommendation'], string> = {
  ship: 'Every target is met, nothing got measurably worse than the baseline, and the bias checks pass.',
  pilot:
    'Good enough for a limited rollout with people reviewing low-confidence cases, not yet for everyone.',
  'do-not-ship': 'At least one problem below has to be fixed before this version reaches users.',
};

const GATE_STATUS: Record<GateDecision['status'], string> = {
  pass: 'The merge gate passed',
  fail: 'The merge gate failed',
  error: 'The run could not be judged: too many model calls failed',
};

const FAILURE_KINDS: Record<GateFailure['kind'], string> = {
  target: 'Missed target',
  regression: 'Regression',
  errors: 'Too many errors',
};

export function renderRecommendationSection(gate: GateDecision): string {
  const parts = [
    '## Recommendation',
    `**${RECOMMENDATION_HEADLINES[gate.recommendation]}.** ${RECOMMENDATION_MEANING[gate.recommendation]}`,
  ];
  if (gate.reasons.length > 0) parts.push('Why:', bulletList(gate.reasons.map(escapeMarkdown)));
  parts.push(`${GATE_STATUS[gate.status]} (exit code ${gate.exitCode}).`);
  if (gate.failures.length > 0) parts.push('Failing checks:', renderGateFailures(gate.failures));
  return parts.join('\n\n');
}

export function renderGateFailures(failures: GateFailure[]): string {
  return bulletList(
    failures.map(
      (f) =>
        `**${FAILURE_KINDS[f.kind]}** — ${escapeMarkdown(describeMetric(f.metric).label)} (${code(f.metric)}) on ${escapeMarkdown(pairLabel(f.suite, f.provider))}: ${escapeMarkdown(f.message)}`,
    ),
  );
}
