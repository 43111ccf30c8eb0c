// The run's case selection (--shard, --limit, --sample, --filter, --case, --rerun-failed),
// chosen once from the whole plan, as a set of (suite, base case) keys. Selection works on whole
// cases (a case's variants, providers and repeats go together), so it is chosen from one light
// item per variant, holding ids and tags only, not from the plan's jobs and their cases.
import { groupKey, type SelectableJob } from '../selection/case-groups.js';
import { type JobSelection, selectJobs } from '../selection/select-jobs.js';
import type { PreparedSuite } from './prepared-suite.js';
import type { CaseJob } from './run-case.js';

export interface ChosenCases {
  /** Whether the job's case was chosen. */
  includes(job: CaseJob): boolean;
  /** How many jobs of the plan the chosen cases make. */
  jobs: number;
}

export function chooseCases(
  suites: readonly PreparedSuite[],
  repeat: number,
  selection: JobSelection,
  seed: number,
): ChosenCases {
  const items: (SelectableJob & { jobs: number })[] = [];
  for (const suite of suites) {
    // Jobs per variant, as planJobs makes them; a suite with none takes no part (as before,
    // when selection ran over the planned jobs themselves).
    const jobs = suite.config.task === 'retrieval' ? 1 : suite.models.length * Math.max(0, repeat);
    if (jobs === 0) continue;
    const ref = { config: { name: suite.config.name } };
    for (const v of suite.variants)
      items.push({
        suite: ref,
        variant: { baseId: v.baseId, evalCase: { id: v.evalCase.id, tags: v.evalCase.tags } },
        jobs,
      });
  }
  const keys = new Set<string>();
  let jobs = 0;
  for (const item of selectJobs(items, selection, seed)) {
    keys.add(groupKey(item.suite.config.name, item.variant.baseId));
    jobs += item.jobs;
  }
  return {
    includes: (job) => keys.has(groupKey(job.suite.config.name, job.variant.baseId)),
    jobs,
  };
}
