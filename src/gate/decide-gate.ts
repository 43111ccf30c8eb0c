// The gate's decision from everything the judge computed: a provider error share above the
// allowed rate is a runtime failure (exit 3); a missed target, a regression (regression-family.ts),
// a gated metric or baseline provider that was not measured (coverage-checks.ts) and a blocking
// bias failure (bias-verdicts.ts) fail the gate (exit 1). Warnings, waivers and checks that did
// not run are carried along so the report can count every one of them.
import type {
  GateDecision,
  GateFailure,
  MetricComparison,
  NotAssessed,
  SuiteSummary,
  TargetCheck,
} from '../run/types.js';
import type { BiasVerdicts } from './bias-verdicts.js';
import type { Coverage } from './coverage-checks.js';
import { recommend } from './recommend.js';

export interface DecideGateOptions {
  summaries: readonly SuiteSummary[];
  targets: readonly TargetCheck[];
  comparisons: readonly MetricComparison[];
  coverage: Coverage;
  bias: BiasVerdicts;
  confidence: number;
  maxErrorRate: number;
  hasBaseline: boolean;
  /** A case selection (see describe-case-selection.ts): never a release recommendation. */
  partial?: string | null;
}

export function decideGate(options: DecideGateOptions): GateDecision {
  const failures: GateFailure[] = [...errorFailures(options), ...options.coverage.failures];
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
    if (!c.regressed) continue;
    failures.push({
      kind: 'regression',
      suite: c.suite,
      provider: c.provider,
      metric: c.metric,
      message: `regressed: baseline ${fmt(c.baseline)} → candidate ${fmt(c.candidate)} (Δ ${signed(c.delta)}, ${Math.round(options.confidence * 100)}% CI ${signed(c.low)} to ${signed(c.high)}; one-sided p = ${fmtP(c.pValue)} ≤ ${fmtP(c.level)}, the level after multiplicity correction; allowed drop ${c.margin})`,
    });
  }
  failures.push(...options.bias.failures);

  const notAssessed: NotAssessed[] = [...options.coverage.notAssessed, ...options.bias.notAssessed];
  // A gated comparison that could not reach significance whatever happened (no case paired, or
  // too few) tested nothing: it is not assessed, never passed.
  for (const c of options.comparisons) {
    if (c.margin === null || c.reachable) continue;
    notAssessed.push({
      what: `regression test of ${c.metric} on ${c.suite} / ${c.provider}`,
      why:
        c.n === 0
          ? `no case could be paired with the baseline${c.changedCasesLeftOut ? ` (${c.changedCasesLeftOut} edited)` : ''}`
          : `${c.n} paired cases cannot reach the level ${fmtP(c.level)} even if every one got worse`,
    });
  }
  const gated = options.comparisons.filter((c) => c.margin !== null && c.pValue !== null && c.reachable);
  const family =
    gated.length > 0 && gated[0].level !== null
      ? {
          alpha: 1 - options.confidence,
          size: gated.length,
          k: Math.round((1 - options.confidence) / gated[0].level),
          level: gated[0].level,
        }
      : null;
  const passedChecks =
    options.targets.filter((t) => t.pass).length +
    gated.filter((c) => !c.regressed && c.n > 0).length +
    options.bias.passed;

  const hasErrors = failures.some((f) => f.kind === 'errors');
  const status: GateDecision['status'] = hasErrors ? 'error' : failures.length > 0 ? 'fail' : 'pass';
  const exitCode: GateDecision['exitCode'] = hasErrors ? 3 : failures.length > 0 ? 1 : 0;
  const advice = recommend({
    failures,
    warnings: options.bias.warnings,
    waived: options.bias.waived,
    notAssessed,
    summaries: options.summaries,
    targets: options.targets,
    comparisons: options.comparisons,
    hasBaseline: options.hasBaseline,
    partial: options.partial,
  });
  return {
    status,
    failures,
    warnings: options.bias.warnings,
    waived: options.bias.waived,
    notAssessed,
    passedChecks,
    family,
    exitCode,
    ...advice,
  };
}

function errorFailures(options: DecideGateOptions): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const s of options.summaries) {
    // Errors are counted per model call, so the share is over results (cases × repeats).
    const total = s.results ?? s.cases;
    const rate = total === 0 ? 0 : s.errors / total;
    if (rate <= options.maxErrorRate) continue;
    const unit = total === s.cases ? 'cases' : 'results';
    failures.push({
      kind: 'errors',
      suite: s.suite,
      provider: s.provider,
      metric: 'errors.rate',
      message: `${s.errors} of ${total} ${unit} failed with provider errors (${pct(rate)} > allowed ${pct(options.maxErrorRate)})`,
    });
  }
  return failures;
}

function fmt(x: number | null | undefined): string {
  return x === null || x === undefined ? 'n/a' : x.toFixed(3);
}
function signed(x: number | null): string {
  return x === null ? 'n/a' : (x >= 0 ? '+' : '') + x.toFixed(3);
}
export function fmtP(p: number | null): string {
  return p === null ? 'n/a' : p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}
function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
