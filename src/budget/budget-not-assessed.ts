// The gate's account of a run that stopped at its spending limit: every suite × provider with
// calls left out is listed as not assessed, marked as a partial run (never a release).
import type { NotAssessed, RunManifest } from '../run/types.js';

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
