// The gate: fail on a missed absolute target, or on a gated metric that dropped by more than
// its allowed margin AND whose drop is significant after Holm's correction; a provider error
// share above the allowed rate is a runtime failure (exit 3). Also derives the ship / pilot /
// do-not-ship recommendation the report leads with.
import type {
  BiasRow,
  GateDecision,
  GateFailure,
  MetricComparison,
  SuiteSummary,
  TargetCheck,
} from '../run/types.js';

export interface DecideGateOptions {
  summaries: readonly SuiteSummary[];
  targets: readonly TargetCheck[];
  comparisons: readonly MetricComparison[];
  biasRows: readonly BiasRow[];
  maxDrop: Readonly<Record<string, number>>;
  confidence: number;
  maxErrorRate: number;
  hasBaseline: boolean;
  /** Suites with targets that produced no results (e.g. every provider was skipped). */
  missingSuites?: readonly string[];
  /** Gated metrics (max_drop) that no suite × provider could compare with the baseline. */
  ungatedMetrics?: readonly string[];
}

export function decideGate(options: DecideGateOptions): GateDecision {
  const failures: GateFailure[] = [];
  const alpha = 1 - options.confidence;

  for (const s of options.summaries) {
    // Errors are counted per model call, so the share is over results (cases × repeats).
    const total = s.results ?? s.cases;
    const rate = total === 0 ? 0 : s.errors / total;
    if (rate > options.maxErrorRate) {
      const unit = total === s.cases ? 'cases' : 'results';
      failures.push({
        kind: 'errors',
        suite: s.suite,
        provider: s.provider,
        metric: 'errors.rate',
        message: `${s.errors} of ${total} ${unit} failed with provider errors (${pct(rate)} > allowed ${pct(options.maxErrorRate)})`,
      });
    }
  }
  for (const suite of options.missingSuites ?? []) {
    failures.push({
      kind: 'target',
      suite,
      provider: '(none)',
      metric: '(suite)',
      message: 'has targets but did not run: no provider was available for it',
    });
  }
  for (const metric of options.ungatedMetrics ?? []) {
    failures.push({
      kind: 'target',
      suite: '(all)',
      provider: '(all)',
      metric,
      message: `gate.max_drop names ${metric}, but no suite produced it per case, so it cannot be compared with the baseline (suite-level statistics such as latency percentiles or macro-F1 take targets instead)`,
    });
  }
  for (const t of options.targets) {
    if (t.pass) continue;
    const achieved = t.achieved === null ? 'not produced' : fmt(t.achieved);
    failures.push({
      kind: 'target',
      suite: t.suite,
      provider: t.provider,
      metric: t.metric,
      message: `target ${t.op} ${t.target} missed: achieved ${achieved}`,
    });
  }
  for (const c of options.comparisons) {
    const margin = options.maxDrop[c.metric];
    if (margin === undefined || c.delta === null) continue;
    const drop = c.higherIsBetter ? -c.delta : c.delta;
    const p = c.adjustedP ?? c.pValue;
    if (drop > margin && p !== null && p < alpha) {
      failures.push({
        kind: 'regression',
        suite: c.suite,
        provider: c.provider,
        metric: c.metric,
        message: `regressed: baseline ${fmt(c.baseline)} → candidate ${fmt(c.candidate)} (Δ ${signed(c.delta)}, ${Math.round(options.confidence * 100)}% CI ${signed(c.low)} to ${signed(c.high)}, Holm-adjusted p = ${fmtP(p)}; allowed drop ${margin})`,
      });
    }
  }

  const hasErrors = failures.some((f) => f.kind === 'errors');
  const status: GateDecision['status'] = hasErrors ? 'error' : failures.length > 0 ? 'fail' : 'pass';
  const exitCode: GateDecision['exitCode'] = hasErrors ? 3 : failures.length > 0 ? 1 : 0;
  const { recommendation, reasons } = recommend(options, failures);
  return { status, failures, exitCode, recommendation, reasons };
}

function recommend(
  options: DecideGateOptions,
  failures: GateFailure[],
): Pick<GateDecision, 'recommendation' | 'reasons'> {
  const reasons: string[] = [];
  const failedBias = options.biasRows.filter((r) => r.pass === false);
  const insignificantDrops = options.comparisons.filter((c) => {
    const margin = options.maxDrop[c.metric];
    if (margin === undefined || c.delta === null) return false;
    const drop = c.higherIsBetter ? -c.delta : c.delta;
    return (
      drop > margin &&
      !failures.some(
        (f) =>
          f.kind === 'regression' &&
          f.metric === c.metric &&
          f.suite === c.suite &&
          f.provider === c.provider,
      )
    );
  });
  if (failures.length > 0) {
    for (const f of failures) reasons.push(`${f.suite} / ${f.provider}: ${f.metric} ${f.message}`);
    if (failedBias.length) reasons.push(`${failedBias.length} bias audit check(s) failed as well`);
    return { recommendation: 'do-not-ship', reasons };
  }
  const metTargets = options.targets.length;
  if (metTargets > 0) reasons.push(`all ${metTargets} absolute targets met`);
  else reasons.push('no absolute targets are configured, so quality bars were not checked');
  reasons.push(
    options.hasBaseline
      ? 'no significant regression against the baseline on the gated metrics'
      : 'no baseline yet: accept this run with `evalgate baseline accept` to enable regression checks',
  );
  if (failedBias.length > 0 || insignificantDrops.length > 0 || !options.hasBaseline || metTargets === 0) {
    for (const r of failedBias)
      reasons.push(
        `bias check failed: ${r.attribute} ${r.metric} = ${fmt(r.value)} (threshold ${r.threshold}) in ${r.suite}`,
      );
    for (const c of insignificantDrops)
      reasons.push(
        `${c.suite} / ${c.provider}: ${c.metric} dropped by ${fmt(Math.abs(c.delta!))}, beyond the margin but not significant (p = ${fmtP(c.adjustedP ?? c.pValue)}); watch it in a pilot`,
      );
    return { recommendation: 'pilot', reasons };
  }
  reasons.push('all bias audit checks passed');
  return { recommendation: 'ship', reasons };
}

function fmt(x: number | null | undefined): string {
  return x === null || x === undefined ? 'n/a' : x.toFixed(3);
}
function signed(x: number | null): string {
  return x === null ? 'n/a' : (x >= 0 ? '+' : '') + x.toFixed(3);
}
function fmtP(p: number | null): string {
  return p === null ? 'n/a' : p < 0.001 ? '< 0.001' : p.toFixed(3);
}
function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
