// `--limit n`: the first n cases of each suite, in file order (as Inspect AI's --limit applies
// per task), so a quick run still touches every suite.
import type { CaseJob } from '../pipeline/run-case.js';
import { flattenGroups, groupJobs, groupsBySuite } from './case-groups.js';

export function limitJobs(jobs: readonly CaseJob[], n: number): CaseJob[] {
  return flattenGroups(groupsBySuite(groupJobs(jobs)).flatMap((groups) => groups.slice(0, n)));
}
