// The ship / pilot / do-not-ship recommendation the report leads with, and the conditions that
// would move it a step. It is stricter than the exit code: a run can pass the gate (nothing got
// worse) and still not be ready, because the quality bar was never set, most predictions would
// go to human review, the model under test is the offline baseline, or checks did not run.
import type {
  AppliedWaiver,
  GateDecision,
  GateFailure,
  MetricComparison,
  NotAssessed,
  SuiteSummary,
  TargetCheck,
} from '../run/types.js';

/** Above this share of predictions sent to people, the model does not carry the work. */
export const MAX_REVIEW_SHARE_FOR_PILOT = 0.5;
/** Above this share, production needs a review team sized for it. */
export const MAX_REVIEW_SHARE_FOR_PRODUCTION = 0.2;

export interface RecommendOptions {
  failures: readonly GateFailure[];
  warnings: readonly GateFailure[];
  waived: readonly AppliedWaiver[];
  notAssessed: readonly NotAssessed[];
  summaries: readonly SuiteSummary[];
  targets: readonly TargetCheck[];
  comparisons: readonly MetricComparison[];
  hasBaseline: boolean;
  /** How a case selection (shard, --limit, --sample, ...) picked part of the cases; null: all. */
  partial?: string | null;
}

type Advice = Pick<GateDecision, 'recommendation' | 'reasons' | 'conditions'>;

export function recommend(options: RecommendOptions): Advice {
  const reasons: string[] = [];
  const conditions: string[] = [];
  const blockers: string[] = [];
  for (const f of options.failures) blockers.push(`${f.suite} / ${f.provider}: ${f.metric} ${f.message}`);
  if (options.failures.length > 0)
    conditions.push(
      'every failure above is fixed (or, for a bias check, waived with a reason and an expiry date)',
    );

  for (const s of options.summaries) {
    const share = s.classification?.reviewThreshold?.reviewShare;
    if (share == null) continue;
    const where = `${s.suite} / ${s.provider}`;
    if (share > MAX_REVIEW_SHARE_FOR_PILOT) {
      blockers.push(
        `${where}: ${pct(share)} of predictions fall below the review threshold, so people would handle most of the work`,
      );
      conditions.push(
        `${where}: confidence good enough that at most ${pct(MAX_REVIEW_SHARE_FOR_PILOT)} of predictions need review (today ${pct(share)})`,
      );
    } else if (share > MAX_REVIEW_SHARE_FOR_PRODUCTION) {
      conditions.push(
        `${where}: a review team that can take ${pct(share)} of traffic, or at most ${pct(MAX_REVIEW_SHARE_FOR_PRODUCTION)} sent to review`,
      );
    }
  }

  const answering = options.summaries.filter((s) => s.task !== 'retrieval');
  if (answering.length === 0) {
    blockers.push(
      'no model was evaluated in this run (retrieval only), so there is nothing to recommend shipping',
    );
  } else if (answering.every((s) => s.provider.startsWith('local/'))) {
    conditions.push(
      'the real model evaluated: every result here comes from the offline extractive baseline, which is not a language model',
    );
  }
  const skippedSuites = options.notAssessed.filter((n) => n.what.startsWith('suite '));
  if (skippedSuites.length > 0)
    blockers.push(
      `this run covered only part of the project (${skippedSuites.map((n) => n.what.slice(6)).join(', ')} did not run), so it cannot stand for a release`,
    );
  if (options.partial)
    blockers.push(
      `this run covered only part of the project (a selection of the cases: ${options.partial}), so it cannot stand for a release`,
    );

  const partial = options.notAssessed.filter((n) => n.partialRun);
  if (partial.length > 0)
    blockers.push(
      `this run stopped before it finished (${partial.map((n) => n.what).join('; ')}), so it cannot stand for a release`,
    );

  const met = options.targets.filter((t) => t.pass).length;
  if (options.targets.length > 0 && met === options.targets.length)
    reasons.push(`all ${met} absolute targets met`);
  else if (options.targets.length === 0)
    conditions.push(
      'absolute quality targets (`targets:`) set for what production needs: none are configured',
    );
  const tested = options.comparisons.filter((c) => c.margin !== null && c.reachable);
  if (!options.hasBaseline)
    conditions.push('a baseline accepted (`evalgate baseline accept`) so regressions are checked');
  else if (tested.length > 0 && !tested.some((c) => c.regressed))
    reasons.push(
      `no significant regression against the baseline on the ${tested.length} gated comparisons tested`,
    );

  for (const w of options.warnings)
    conditions.push(`${w.suite} / ${w.provider}: ${w.metric} resolved (warned: ${w.message})`);
  for (const w of options.waived)
    conditions.push(`${w.check} (${w.provider}) fixed before its waiver expires on ${w.expires}`);
  if (options.notAssessed.length > 0)
    conditions.push(
      `the checks that did not run assessed: ${options.notAssessed.map((n) => n.what).join('; ')}`,
    );
  for (const c of options.comparisons) {
    if (c.margin === null || c.delta === null || c.regressed) continue;
    const drop = c.higherIsBetter ? -c.delta : c.delta;
    if (drop > c.margin)
      conditions.push(
        `${c.suite} / ${c.provider}: ${c.metric} watched in the pilot (dropped ${drop.toFixed(3)}, beyond its margin ${c.margin} but not significant)`,
      );
  }

  if (blockers.length > 0)
    return { recommendation: 'do-not-ship', reasons: [...blockers, ...reasons], conditions };
  const recommendation = conditions.length > 0 ? 'pilot' : 'ship';
  if (recommendation === 'ship') reasons.push('every bias check passed, and every configured check ran');
  return { recommendation, reasons, conditions };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
