// The gate's account of a run that stopped at its spending limit: every suite × provider with
// calls left out is listed as not assessed, marked as a partial run (never a release), and the
// coverage checks that only failed because of the stop ("measured on only 60 of 206 cases", "did
// not run for this provider") give way to one failure per cut pair that names the cause. The gate
// still fails: a run it did not see finish could hide a regression in the cases it never ran.
import type { GateFailure, NotAssessed, RunManifest } from '../run/types.js';

/** Case ids named in a line before "and N more". */
const NAMED = 5;

export function budgetNotAssessed(manifest: Pick<RunManifest, 'budget'>): NotAssessed[] {
  const budget = manifest.budget;
  if (!budget?.stopped) return [];
  const judge = budget.judgeNotRun;
  const judged: NotAssessed[] = judge
    ? [
        {
          what: `judge scores by ${judge.provider}`,
          why: `the run stopped before crossing its ${limitOf(budget)} budget: ${judge.calls} judge call${judge.calls === 1 ? '' : 's'} not made, so the answers they would have scored have null judge scores`,
          partialRun: true as const,
        },
      ]
    : [];
  return budget.notRun
    .map((g): NotAssessed => {
      const ids = [...new Set(g.caseIds)];
      const named = ids.slice(0, NAMED).join(', ');
      const more = ids.length > NAMED ? ` and ${ids.length - NAMED} more` : '';
      return {
        what: `cases of ${g.suite} / ${g.provider} not run`,
        why: `the run stopped before crossing its ${limitOf(budget)} budget: ${g.caseIds.length} call${g.caseIds.length === 1 ? '' : 's'} not made (${named}${more})`,
        partialRun: true as const,
      };
    })
    .concat(judged);
}

/** One failure per suite × provider the budget cut short: the gate never passes an unfinished run. */
export function budgetFailures(manifest: Pick<RunManifest, 'budget'>): GateFailure[] {
  const budget = manifest.budget;
  if (!budget?.stopped) return [];
  const judge = budget.judgeNotRun;
  const judged: GateFailure[] = judge
    ? [
        {
          kind: 'not-measured' as const,
          suite: 'all suites',
          provider: judge.provider,
          metric: 'judge',
          message: `stopped at the ${limitOf(budget)} budget with ${judge.calls} judge call${judge.calls === 1 ? '' : 's'} not made: the gate cannot pass answers its judge did not score (raise the budget)`,
        },
      ]
    : [];
  return budget.notRun
    .map(
      (g): GateFailure => ({
        kind: 'not-measured' as const,
        suite: g.suite,
        provider: g.provider,
        metric: 'cases',
        message: `stopped at the ${limitOf(budget)} budget with ${g.caseIds.length} call${g.caseIds.length === 1 ? '' : 's'} not made: the gate cannot pass cases it did not see (raise the budget, or choose a subset on purpose with --sample/--limit)`,
      }),
    )
    .concat(judged);
}

/** Coverage failures of the suite × provider pairs the budget cut short, which the stop explains. */
export function explainedByBudget(
  manifest: Pick<RunManifest, 'budget'>,
): (failure: Pick<GateFailure, 'kind' | 'suite' | 'provider'>) => boolean {
  const budget = manifest.budget;
  if (!budget?.stopped) return () => false;
  const cut = new Set(budget.notRun.map((g) => `${g.suite}\u0000${g.provider}`));
  return (f) => f.kind === 'not-measured' && cut.has(`${f.suite}\u0000${f.provider}`);
}

/** The limit the run stopped at: a merged run's shards each stopped at their own. */
function limitOf(budget: NonNullable<RunManifest['budget']>): string {
  return budget.shardLimitUsd !== undefined && (budget.shards ?? 1) > 1
    ? `$${budget.shardLimitUsd} per-shard`
    : `$${budget.maxCostUsd}`;
}
