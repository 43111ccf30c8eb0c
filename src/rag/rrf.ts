// Reciprocal-rank fusion (Cormack, Clarke & Büttcher 2009): score(d) = Σ_lists 1 / (rrfK + rank),
// rank 1-based, summed over the lists that contain d. Rank-based, so BM25 scores and cosines
// never need a common scale. Weighted RRF multiplies each list's terms by its weight.
import { compareScored } from './top-k.js';
import type { Scored } from './top-k.js';

/** Each list holds labels best-first; the fused list is best-first with ties by lower label. */
export function reciprocalRankFusion(
  lists: readonly (readonly number[])[],
  rrfK = 60,
  weights?: readonly number[],
): Scored[] {
  const scores = new Map<number, number>();
  lists.forEach((list, l) => {
    const weight = weights?.[l] ?? 1;
    list.forEach((label, i) => scores.set(label, (scores.get(label) ?? 0) + weight / (rrfK + i + 1)));
  });
  return Array.from(scores, ([label, score]) => ({ label, score })).sort(compareScored);
}
