// Each label's cases laid out for the one-vs-rest replicates (one-vs-rest-replicates.ts): the
// tie groups that hold a positive, the stretches of negatives between them, and the widest
// stretch (never read) splitting the label into a half walked up and a half walked down.
import type { PresortedLabel } from '../scorers/classification/weighted-one-vs-rest.js';

/**
 * One half of a label's cases, walked from one end: stretches of negatives, each followed by a
 * tie group that holds a positive. A label is split at its widest stretch of negatives between
 * two positive groups (or at either end): the lower half is walked upwards, the upper half
 * downwards, and the widest stretch is never read (its weight is the total minus the rest).
 */
export interface HalfLayout {
  /** Negative case indices in walking order. */
  negatives: Uint32Array;
  /** Positive case indices in walking order. */
  positives: Uint32Array;
  /** Per group: end (in `negatives`) of the negatives before the group. */
  beforeEnd: Uint32Array;
  /** Per group: end of the negatives tied with the group. */
  tiedEnd: Uint32Array;
  /** Per group: end (in `positives`) of the group's positives. */
  positiveEnd: Uint32Array;
}

export interface LabelLayout {
  /** Positive groups (tie groups holding a positive) of the label. */
  groups: number;
  /** Groups 0 … k − 1, ascending score. */
  lower: HalfLayout;
  /** Groups groups − 1 … k, descending score. */
  upper: HalfLayout;
}

/** Splits a presorted label into tie groups holding positives and the negatives between them. */
export function layoutOf(p: PresortedLabel): LabelLayout {
  // Ascending: stretches[g] are the negatives below group g (stretches[groups]: above the top).
  const stretches: number[][] = [[]];
  const tiedNegatives: number[][] = [];
  const groupPositives: number[][] = [];
  const m = p.order.length;
  for (let i = 0; i < m; ) {
    let j = i;
    let hasPositive = false;
    for (; j < m && p.scores[j] === p.scores[i]; j++) if (p.positive[j]) hasPositive = true;
    const stretch = stretches[stretches.length - 1];
    if (!hasPositive) {
      for (let x = i; x < j; x++) stretch.push(p.order[x]);
    } else {
      const tied: number[] = [];
      const positives: number[] = [];
      for (let x = i; x < j; x++) (p.positive[x] ? positives : tied).push(p.order[x]);
      tiedNegatives.push(tied);
      groupPositives.push(positives);
      stretches.push([]);
    }
    i = j;
  }
  const groups = groupPositives.length;
  // Skip the widest stretch: groups below it are walked up, groups above it walked down.
  let widest = 0;
  for (let s = 1; s < stretches.length; s++) if (stretches[s].length > stretches[widest].length) widest = s;
  const lowerGroups = Array.from({ length: widest }, (_, g) => g);
  const upperGroups = Array.from({ length: groups - widest }, (_, g) => groups - 1 - g);
  return {
    groups,
    lower: half(lowerGroups, (g) => stretches[g], tiedNegatives, groupPositives),
    // Walking down, the stretch before group g is the one above it, and ties are walked in reverse.
    upper: half(upperGroups, (g) => stretches[g + 1].slice().reverse(), tiedNegatives, groupPositives),
  };
}

function half(
  order: number[],
  before: (g: number) => number[],
  tiedNegatives: number[][],
  groupPositives: number[][],
): HalfLayout {
  const negatives: number[] = [];
  const positives: number[] = [];
  const beforeEnd: number[] = [];
  const tiedEnd: number[] = [];
  const positiveEnd: number[] = [];
  for (const g of order) {
    // A loop, not push(...x): a stretch may hold more cases than a call has room for arguments.
    for (const c of before(g)) negatives.push(c);
    beforeEnd.push(negatives.length);
    for (const c of tiedNegatives[g]) negatives.push(c);
    tiedEnd.push(negatives.length);
    for (const c of groupPositives[g]) positives.push(c);
    positiveEnd.push(positives.length);
  }
  return {
    negatives: Uint32Array.from(negatives),
    positives: Uint32Array.from(positives),
    beforeEnd: Uint32Array.from(beforeEnd),
    tiedEnd: Uint32Array.from(tiedEnd),
    positiveEnd: Uint32Array.from(positiveEnd),
  };
}
