// `--limit n`: the first n cases of each suite, in file order (as Inspect AI's --limit applies
// per task), so a quick run still touches every suite.
import { flattenGroups, groupJobs, groupsBySuite, type SelectableJob } from './case-groups.js';

export function limitJobs<J extends SelectableJob>(jobs: readonly J[], n: number): J[] {
  return flattenGroups(groupsBySuite(groupJobs(jobs)).flatMap((groups) => groups.slice(0, n)));
}
