// Per-tag sums of one metric over a set of rows of the column store, counted from the tag pool's
// ids: for each distinct tag the rows carry, the sum of the metric over the rows that carry it
// and have a finite value, and how many those are. What the tag breakdowns are computed from
// (subgroupsFromSums), without a per-case object or tag list: memory is a few numbers per
// distinct tag, whatever the number of rows. A tag repeated on one row counts once, as in
// `subgroups`, and values are added in row order, so the sums are bit for bit the same.
import type { ResultColumns } from '../columns/result-columns.js';

export interface TagSum {
  tag: string;
  /** Sum of the metric over the rows carrying the tag with a finite value (0 when none). */
  sum: number;
  /** How many rows that is (0 when the tag is only on rows without a value). */
  n: number;
}

/** Every distinct tag of `rows` (in order of first appearance) with its sum and count. */
export function tagSums(columns: ResultColumns, rows: ArrayLike<number>, metric: string): TagSum[] {
  const metricId = columns.strings.lookup(metric);
  const slotOf = new Map<number, number>();
  const ids: number[] = [];
  const sums: number[] = [];
  const counts: number[] = [];
  // The last row (index into rows) each tag was counted for: a tag twice on a row counts once.
  const lastRow: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    let value = Number.NaN;
    // The columns keep null and non-finite scores as NaN; a row has each metric at most once.
    if (metricId >= 0)
      for (let k = columns.scoreStart[i]; k < columns.scoreStart[i + 1]; k++)
        if (columns.scoreMetric[k] === metricId) value = columns.scoreValue[k];
    const scored = Number.isFinite(value);
    for (let k = columns.tagStart[i]; k < columns.tagStart[i + 1]; k++) {
      const id = columns.tagId[k];
      let slot = slotOf.get(id);
      if (slot === undefined) {
        slot = ids.length;
        slotOf.set(id, slot);
        ids.push(id);
        sums.push(0);
        counts.push(0);
        lastRow.push(-1);
      }
      if (lastRow[slot] === r) continue;
      lastRow[slot] = r;
      if (scored) {
        sums[slot] += value;
        counts[slot]++;
      }
    }
  }
  return ids.map((id, slot) => ({ tag: columns.strings.value(id), sum: sums[slot], n: counts[slot] }));
}
