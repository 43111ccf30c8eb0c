// `--sample n`: a seeded random sample of n cases, stratified by suite. Each suite gets its
// share of n in proportion to its size (largest remainders, ties to the earlier suite), so a
// small suite is not left out by chance; within a suite the cases are drawn with the run's seed.
import { createRng, shuffled } from '../core/rng.js';
import {
  type CaseGroup,
  flattenGroups,
  groupJobs,
  groupsBySuite,
  type SelectableJob,
} from './case-groups.js';

export function sampleJobs<J extends SelectableJob>(jobs: readonly J[], n: number, seed: number): J[] {
  const suites = groupsBySuite(groupJobs(jobs));
  const quotas = allocate(
    suites.map((s) => s.length),
    n,
  );
  const kept: CaseGroup<J>[] = [];
  suites.forEach((groups, i) => {
    const rng = createRng(seed).fork(`sample:${groups[0].suite}`);
    const chosen = new Set(shuffled(groups, rng).slice(0, quotas[i]));
    // Plan order, not draw order, so the report lists cases as the file does.
    kept.push(...groups.filter((g) => chosen.has(g)));
  });
  return flattenGroups(kept);
}

/** Hamilton's method: floor of each proportional share, then the largest remainders. */
export function allocate(sizes: readonly number[], n: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (n >= total) return sizes.slice();
  const exact = sizes.map((s) => (s * n) / total);
  const quotas = exact.map(Math.floor);
  let left = n - quotas.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (quotas[i] < sizes[i]) {
      quotas[i]++;
      left--;
    }
  }
  return quotas;
}
