// Break a per-case metric down by test-case tag: mean and count per tag, and the largest gap
// between two tags' means (flagged when it exceeds a threshold). Null values (metric does not
// apply) are left out; a case with several tags counts in each of them.

export interface SubgroupItem {
  tags: readonly string[];
  value: number | null;
}

export interface SubgroupStat {
  tag: string;
  mean: number;
  n: number;
}

export interface SubgroupGap {
  high: string;
  low: string;
  gap: number;
  flagged: boolean;
}

export interface SubgroupBreakdown {
  groups: SubgroupStat[];
  largestGap: SubgroupGap | null;
}

export interface SubgroupOptions {
  items: readonly SubgroupItem[];
  /** Tags with fewer scored cases are reported but not compared (default 1). */
  minCount?: number;
  /** Flag the largest gap when it is larger than this (default 0: any gap is flagged). */
  threshold?: number;
}

export function subgroups(options: SubgroupOptions): SubgroupBreakdown {
  const sums = new Map<string, { tag: string; sum: number; n: number }>();
  for (const item of options.items) {
    if (item.value === null || !Number.isFinite(item.value)) continue;
    for (const tag of new Set(item.tags)) {
      const entry = sums.get(tag) ?? { tag, sum: 0, n: 0 };
      entry.sum += item.value;
      entry.n++;
      sums.set(tag, entry);
    }
  }
  return subgroupsFromSums([...sums.values()], options);
}

/** A tag's sum of values and their count (n ≥ 1), however they were added up. */
export interface SubgroupSum {
  tag: string;
  sum: number;
  n: number;
}

/**
 * The breakdown from per-tag sums and counts: what `subgroups` computes once it has added the
 * items up. Callers that count from typed columns (the bias audit) pass their sums here, so the
 * means, the order and the gap are computed in one place.
 */
export function subgroupsFromSums(
  sums: readonly SubgroupSum[],
  options: Omit<SubgroupOptions, 'items'>,
): SubgroupBreakdown {
  const groups = sums
    .map(({ tag, sum, n }) => ({ tag, mean: sum / n, n }))
    .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const compared = groups.filter((g) => g.n >= (options.minCount ?? 1));
  if (compared.length < 2) return { groups, largestGap: null };
  let high = compared[0];
  let low = compared[0];
  for (const g of compared) {
    if (g.mean > high.mean) high = g;
    if (g.mean < low.mean) low = g;
  }
  const gap = high.mean - low.mean;
  return {
    groups,
    largestGap: { high: high.tag, low: low.tag, gap, flagged: gap > (options.threshold ?? 0) },
  };
}
