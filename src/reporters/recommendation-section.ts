// "## Recommendation" of the model evaluation report, and the one-line verdict shared with the
// experiment log and the GitHub summary: the gate's decision in words a product reader acts on.
import type { GateDecision, GateFailure } from '../run/types.js';
import { bulletList, code, escapeMarkdown } from './markdown-table.js';
import { describeMetric } from '../metrics/metric-catalog.js';
import { pairLabel } from './record-index.js';

export const RECOMMENDATION_HEADLINES: Record<GateDecision['recommendation'], string> = {
  ship: '✅ Ship',
  pilot: '⚠️ Pilot',
  'do-not-ship': '❌ Do not ship',
};

const RECOMMENDATION_MEANING: Record<GateDecision['recommendation'], string> = {
  ship: 'Ready for production: every target is met, nothing got measurably worse than the baseline, every configured check ran, and the bias checks pass.',
  pilot:
    'Ready for a pilot (a limited rollout with people reviewing low-confidence cases), not yet for production: the conditions below are open.',
  'do-not-ship':
    'Not ready for a pilot: the problems below have to be fixed before this version reaches users.',
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
  'not-measured': 'Not measured',
  'missing-provider': 'Provider missing',
  bias: 'Bias check failed',
  'bias-regression': 'Bias got worse',
  'waiver-expired': 'Waiver expired',
};

export function renderRecommendationSection(gate: GateDecision): string {
  const parts = [
    '## Recommendation',
    `**${RECOMMENDATION_HEADLINES[gate.recommendation]}.** ${RECOMMENDATION_MEANING[gate.recommendation]}`,
  ];
  if (gate.reasons.length > 0) parts.push('Why:', bulletList(gate.reasons.map(escapeMarkdown)));
  if (gate.conditions.length > 0)
    parts.push(
      gate.recommendation === 'pilot' ? 'Conditions for production:' : 'Conditions for a pilot:',
      bulletList(gate.conditions.map(escapeMarkdown)),
    );
  parts.push(`${GATE_STATUS[gate.status]} (exit code ${gate.exitCode}).`);
  if (gate.failures.length > 0) parts.push('Failing checks:', renderGateFailures(gate.failures));
  if (gate.warnings.length > 0)
    parts.push('Warnings (failed, set to warn):', renderGateFailures(gate.warnings));
  if (gate.waived.length > 0)
    parts.push(
      'Waived (failed, accepted until the date shown):',
      bulletList(
        gate.waived.map(
          (w) =>
            `${code(w.check)} on ${escapeMarkdown(pairLabel(w.suite, w.provider))}: ${w.value === null ? 'n/a' : w.value.toFixed(3)} > ${w.threshold}; waived until ${w.expires}: ${escapeMarkdown(w.reason)}`,
        ),
      ),
    );
  if (gate.notAssessed.length > 0)
    parts.push(
      'Not assessed (these checks did not run, so they neither passed nor failed):',
      bulletList(gate.notAssessed.map((n) => `${escapeMarkdown(n.what)}: ${escapeMarkdown(n.why)}`)),
    );
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
