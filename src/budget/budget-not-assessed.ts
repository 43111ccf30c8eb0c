// The gate's account of a run that stopped at its spending limit: every suite × provider with
// calls left out is listed as not assessed, marked as a partial run (never a release), and the
// coverage checks that only failed because of the stop ("measured on only 60 of 206 cases", "did
// not run for this provider") give way to it: their cause is known, and it is not the config.
import type { GateFailure, NotAssessed, RunManifest } from '../run/types.js';

/** Case ids named in a line before "and N more". */
const NAMED = 5;

export function budgetNotAssessed(manifest: Pick<RunManifest, 'budget'>): NotAssessed[] {
  const budget = manifest.budget;
  if (!budget?.stopped) return [];
  return budget.notRun.map((g) => {
    const ids = [...new Set(g.caseIds)];
    const named = ids.slice(0, NAMED).join(', ');
    const more = ids.length > NAMED ? ` and ${ids.length - NAMED} more` : '';
    return {
      what: `cases of ${g.suite} / ${g.provider} not run`,
      why: `the run stopped before crossing its $${budget.maxCostUsd} budget: ${g.caseIds.length} call${g.caseIds.length === 1 ? '' : 's'} not made (${named}${more})`,
      partialRun: true as const,
    };
  });
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
