// The unit every selection works on: one gold case of one suite, with all its counterfactual
// variants, providers and repeats. Selecting whole groups keeps a case's variants together (the
// bias audit pairs them) and sends every provider and repeat of a case to the same shard.

/**
 * What selection reads of a job: its suite, case ids and tags. A pipeline CaseJob is one; so is
 * the light per-variant item the pipeline selects from (pipeline/choose-cases.ts), which does not
 * hold the case.
 */
export interface SelectableJob {
  suite: { config: { name: string } };
  variant: { baseId: string; evalCase: { id: string; tags: readonly string[] } };
}

export interface CaseGroup<J extends SelectableJob = SelectableJob> {
  suite: string;
  baseId: string;
  jobs: J[];
}

/** Groups in plan order (suites in config order, cases in file order). */
export function groupJobs<J extends SelectableJob>(jobs: readonly J[]): CaseGroup<J>[] {
  const groups = new Map<string, CaseGroup<J>>();
  for (const job of jobs) {
    const suite = job.suite.config.name;
    const key = groupKey(suite, job.variant.baseId);
    let group = groups.get(key);
    if (!group) {
      group = { suite, baseId: job.variant.baseId, jobs: [] };
      groups.set(key, group);
    }
    group.jobs.push(job);
  }
  return [...groups.values()];
}

/** Groups of each suite, suites in plan order. */
export function groupsBySuite<G extends CaseGroup<SelectableJob>>(groups: readonly G[]): G[][] {
  const bySuite = new Map<string, G[]>();
  for (const g of groups) {
    const list = bySuite.get(g.suite) ?? [];
    list.push(g);
    bySuite.set(g.suite, list);
  }
  return [...bySuite.values()];
}

export function groupKey(suite: string, baseId: string): string {
  return `${suite}\u0000${baseId}`;
}

export function flattenGroups<J extends SelectableJob>(groups: readonly CaseGroup<J>[]): J[] {
  return groups.flatMap((g) => g.jobs);
}
