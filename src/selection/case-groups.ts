// The unit every selection works on: one gold case of one suite, with all its counterfactual
// variants, providers and repeats. Selecting whole groups keeps a case's variants together (the
// bias audit pairs them) and sends every provider and repeat of a case to the same shard.
import type { CaseJob } from '../pipeline/run-case.js';

export interface CaseGroup {
  suite: string;
  baseId: string;
  jobs: CaseJob[];
}

/** Groups in plan order (suites in config order, cases in file order). */
export function groupJobs(jobs: readonly CaseJob[]): CaseGroup[] {
  const groups = new Map<string, CaseGroup>();
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
export function groupsBySuite(groups: readonly CaseGroup[]): CaseGroup[][] {
  const bySuite = new Map<string, CaseGroup[]>();
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

export function flattenGroups(groups: readonly CaseGroup[]): CaseJob[] {
  return groups.flatMap((g) => g.jobs);
}
