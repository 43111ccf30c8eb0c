// The gate's one entry point: judge a run (its manifest, summaries, bias audit and per-case
// scores) against a baseline. `evaluate` calls it right after aggregation, and `evalgate gate`
// calls it on a stored run folder, so CI can evaluate once and gate separately, with no model
// call. Pure: the same run, baseline, config and day give the same verdict.
import type { EvalConfig } from '../config/schema.js';
import { perCaseTable, transposeTable } from '../run/per-case-table.js';
import type {
  Baseline,
  BiasSummary,
  CaseResult,
  ChangeSummary,
  GateDecision,
  MetricComparison,
  NotAssessed,
  RunManifest,
  SuiteSummary,
  TargetCheck,
} from '../run/types.js';
import { budgetFailures, budgetNotAssessed, explainedByBudget } from '../budget/budget-not-assessed.js';
import { judgeBias } from './bias-verdicts.js';
import { checkTargets } from './check-targets.js';
import { compareRuns } from './compare-runs.js';
import { checkCoverage } from './coverage-checks.js';
import { decideGate } from './decide-gate.js';
import { describeCaseSelection } from './describe-case-selection.js';
import { changedCaseIds, describeChanges } from './describe-changes.js';

export interface JudgeRunOptions {
  manifest: RunManifest;
  summary: readonly SuiteSummary[];
  bias: BiasSummary;
  /** Per-case scores (read once, only with a baseline): results or rows of the column store. */
  results: Iterable<Pick<CaseResult, 'suite' | 'provider' | 'caseId' | 'scores'>>;
  config: EvalConfig;
  baseline: Baseline | null;
  /** The day of judgement (YYYY-MM-DD), for waiver expiry. */
  today: string;
  allowMissingProviders?: boolean;
}

export interface Verdict {
  comparison: MetricComparison[];
  targets: TargetCheck[];
  gate: GateDecision;
  changes: ChangeSummary;
}

export function judgeRun(options: JudgeRunOptions): Verdict {
  const { manifest, config, baseline } = options;
  const changes = describeChanges(manifest, baseline);
  const comparison = baseline
    ? compareRuns({
        baseline: transposeTable(baseline.cases),
        candidate: perCaseTable(options.results),
        maxDrop: config.gate.max_drop,
        changedCases: changedCaseIds(changes),
        redefinedMetrics: new Set((changes.metricDefinitions ?? []).map((m) => m.metric)),
        confidence: config.gate.confidence,
        resamples: config.gate.resamples,
        seed: config.seed,
      })
    : [];
  const targets = checkTargets(options.summary, config.targets);
  const coverage = checkCoverage({
    manifest,
    summaries: options.summary,
    config,
    baseline,
    allowMissingProviders: options.allowMissingProviders,
  });
  const explained = explainedByBudget(manifest);
  coverage.failures = [...coverage.failures.filter((f) => !explained(f)), ...budgetFailures(manifest)];
  coverage.notAssessed.push(...budgetNotAssessed(manifest));
  coverage.notAssessed.push(...redefinedNotAssessed(changes, options.summary));
  const bias = judgeBias({
    rows: options.bias.rows,
    config,
    baseline,
    today: options.today,
    alpha: 1 - config.gate.confidence,
  });
  const gate = decideGate({
    summaries: options.summary,
    targets,
    comparisons: comparison,
    coverage,
    bias,
    confidence: config.gate.confidence,
    maxErrorRate: config.gate.max_error_rate,
    hasBaseline: baseline !== null,
    partial: describeCaseSelection(manifest),
  });
  return { comparison, targets, gate, changes };
}

/**
 * A metric the run scored under another definition than the baseline's was not compared with it:
 * said once per metric the run has, with both versions, never counted as passed.
 */
function redefinedNotAssessed(changes: ChangeSummary, summary: readonly SuiteSummary[]): NotAssessed[] {
  const scored = new Set(summary.flatMap((s) => Object.keys(s.metrics)));
  return (changes.metricDefinitions ?? [])
    .filter((m) => scored.has(m.metric))
    .map((m) => ({
      what: `comparison of ${m.metric} with the baseline`,
      why: `the baseline scored it with ${m.from ?? 'an unversioned definition'}, this run with ${m.to ?? 'an unversioned definition'}; \`evalgate baseline accept\` a run scored the same way to compare again`,
    }));
}
