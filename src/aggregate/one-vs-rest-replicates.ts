// Bootstrap replicates of the macro one-vs-rest ROC AUC and average precision for many labels,
// equal to the bit to weightedMacro(weightedRocAuc / weightedAveragePrecision) on every
// resample, at a fraction of the cost. Three things make it fast:
// - both metrics come from one pass per label: each needs only the weight of the negatives
//   ranked below each positive, and the widest stretch of negatives between two positives (or
//   beyond the last one) is never read: its weight is the total minus the rest;
// - the pass sums only negatives, in stretches between the label's positives (no branch per
//   case), and tie groups are laid out once;
// - a resample's draw counts add up to n, so any partial sum fits in bitLength(n) bits, and K
//   resamples' counts are packed into one float (count_r · 2^(bits·r)): one addition sums K
//   resamples at once, exactly, while the packed total stays below 2^53.
// All sums are integers (or halves) below 2^53, so they are exact in any order; the average
// precision terms are added in the same top-down order as weightedAveragePrecision.
import type { PresortedLabel } from '../scorers/classification/weighted-one-vs-rest.js';
import type { DrawCounts, Resampler } from '../stats/resampler.js';

/**
 * One half of a label's cases, walked from one end: stretches of negatives, each followed by a
 * tie group that holds a positive. A label is split at its widest stretch of negatives between
 * two positive groups (or at either end): the lower half is walked upwards, the upper half
 * downwards, and the widest stretch is never read (its weight is the total minus the rest).
 */
interface HalfLayout {
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

interface LabelLayout {
  /** Positive groups (tie groups holding a positive) of the label. */
  groups: number;
  /** Groups 0 … k − 1, ascending score. */
  lower: HalfLayout;
  /** Groups groups − 1 … k, descending score. */
  upper: HalfLayout;
}

export interface OneVsRestReplicates {
  /** Macro ROC AUC per resample; NaN where no label has both classes drawn. */
  rocAuc: Float64Array;
  /** Macro average precision per resample; NaN where no label has both classes drawn. */
  averagePrecision: Float64Array;
}

/** Largest number of bits a packed lane may use: K lanes must fit in a double's 53. */
const MANTISSA_BITS = 53;

/** Replicates for every resample of `resampler`; `presorted` as from presortOneVsRest. */
export function oneVsRestReplicates(
  presorted: readonly PresortedLabel[],
  resampler: Resampler,
): OneVsRestReplicates {
  const replicates = createOneVsRestReplicates(presorted, resampler);
  resampler.forEachCounts(replicates.visit);
  return replicates.result();
}

/**
 * The same, fed one resample at a time, so a caller computing other statistics from the same
 * draws walks them once: visit every resample in order (as forEachCounts does), then result().
 */
export function createOneVsRestReplicates(
  presorted: readonly PresortedLabel[],
  resampler: Pick<Resampler, 'n' | 'resamples'>,
): { visit: (r: number, counts: DrawCounts) => void; result: () => OneVsRestReplicates } {
  const { n, resamples } = resampler;
  const layouts = presorted.map(layoutOf);
  // Every scored case, whichever label's order: the weight all labels' cases add up to.
  const present = presorted[0]?.order ?? new Uint32Array(0);
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const lanes = Math.max(1, Math.min(Math.floor(MANTISSA_BITS / bits), 16));
  const scale = Float64Array.from({ length: lanes }, (_, k) => 2 ** (bits * k));
  const out: OneVsRestReplicates = {
    rocAuc: new Float64Array(resamples),
    averagePrecision: new Float64Array(resamples),
  };
  const maxGroups = layouts.reduce((m, l) => Math.max(m, l.groups), 0);
  const kernel = createKernel(layouts, present, lanes, bits, maxGroups);
  const packed = new Float64Array(n);
  let first = 0;
  let seen = 0;
  const visit = (r: number, counts: DrawCounts): void => {
    if (r !== seen) throw new RangeError(`resamples must be visited in order: expected ${seen}, got ${r}`);
    seen++;
    const lane = r - first;
    if (lane === 0) packed.fill(0);
    const s = scale[lane];
    for (let i = 0; i < n; i++) packed[i] += counts[i] * s;
    if (lane === lanes - 1 || r === resamples - 1) {
      kernel(packed, lane + 1, first, out);
      first = r + 1;
    }
  };
  const result = (): OneVsRestReplicates => {
    if (seen !== resamples) throw new RangeError(`visited ${seen} of ${resamples} resamples`);
    return out;
  };
  return { visit, result };
}

function createKernel(
  layouts: readonly LabelLayout[],
  present: Uint32Array,
  lanes: number,
  bits: number,
  maxGroups: number,
): (packed: Float64Array, used: number, first: number, out: OneVsRestReplicates) => void {
  const laneSize = 2 ** bits;
  const inverse = 2 ** -bits; // exact: a power of two
  /** Lane k of packed `x` into `into[k]`. */
  const unpack = (x: number, into: Float64Array): void => {
    for (let k = 0; k < lanes; k++) {
      const high = Math.floor(x * inverse);
      into[k] = x - high * laneSize;
      x = high;
    }
  };
  /** Adds lane k of packed `x` to `into[k]`. */
  const addUnpacked = (x: number, into: Float64Array): void => {
    for (let k = 0; k < lanes; k++) {
      const high = Math.floor(x * inverse);
      into[k] += x - high * laneSize;
      x = high;
    }
  };
  const total = new Float64Array(lanes);
  const positive = new Float64Array(lanes);
  const negative = new Float64Array(lanes);
  const negativeBefore = new Float64Array(lanes);
  const positiveBefore = new Float64Array(lanes);
  const tied = new Float64Array(lanes);
  const group = new Float64Array(lanes);
  const numerator = new Float64Array(lanes);
  const terms = new Float64Array(maxGroups * lanes);
  const rocSum = new Float64Array(lanes);
  const rocCount = new Float64Array(lanes);
  const apSum = new Float64Array(lanes);
  const apCount = new Float64Array(lanes);

  /**
   * Adds one half's ROC pairs to `numerator` and writes its precision terms by ascending group.
   * Stretches are summed packed (K resamples per addition) and unpacked once per group. Walking
   * down, the sums before a group are the weights above it: the weights below are the totals
   * minus those, minus the group itself.
   */
  const walk = (
    packed: Float64Array,
    used: number,
    half: HalfLayout,
    down: boolean,
    groups: number,
  ): void => {
    const { negatives, positives, beforeEnd, tiedEnd, positiveEnd } = half;
    negativeBefore.fill(0);
    positiveBefore.fill(0);
    let j = 0;
    let q = 0;
    for (let g = 0; g < beforeEnd.length; g++) {
      let stretch = 0;
      for (const end = beforeEnd[g]; j < end; j++) stretch += packed[negatives[j]];
      if (stretch !== 0) addUnpacked(stretch, negativeBefore);
      let tiedPacked = 0;
      for (const end = tiedEnd[g]; j < end; j++) tiedPacked += packed[negatives[j]];
      let groupPacked = 0;
      for (const end = positiveEnd[g]; q < end; q++) groupPacked += packed[positives[q]];
      const t = (down ? groups - 1 - g : g) * lanes;
      if (groupPacked === 0) {
        // No lane drew a positive here: no ROC pairs and no precision term (adding 0 to the
        // average precision leaves it bit-identical, so a 0 term stands for "none").
        for (let k = 0; k < lanes; k++) terms[t + k] = 0;
        if (tiedPacked !== 0) addUnpacked(tiedPacked, negativeBefore);
        continue;
      }
      unpack(groupPacked, group);
      if (tiedPacked !== 0) unpack(tiedPacked, tied);
      else tied.fill(0);
      for (let k = 0; k < used; k++) {
        const pos = group[k];
        if (pos === 0) {
          terms[t + k] = 0;
          continue;
        }
        const below = down ? negative[k] - negativeBefore[k] - tied[k] : negativeBefore[k];
        const positiveBelow = down ? positive[k] - positiveBefore[k] - pos : positiveBefore[k];
        // As weightedRocAuc: a positive beats the negatives below and ties half of those level.
        numerator[k] += pos * (below + tied[k] / 2);
        // As weightedAveragePrecision: precision at this threshold, counted from the top.
        const truePositive = positive[k] - positiveBelow;
        const seen = total[k] - below - positiveBelow;
        terms[t + k] = (pos / positive[k]) * (truePositive / seen);
      }
      for (let k = 0; k < lanes; k++) {
        negativeBefore[k] += tied[k];
        positiveBefore[k] += group[k];
      }
    }
  };

  return (packed, used, first, out) => {
    let all = 0;
    for (let i = 0; i < present.length; i++) all += packed[present[i]];
    unpack(all, total);
    rocSum.fill(0);
    rocCount.fill(0);
    apSum.fill(0);
    apCount.fill(0);
    for (const layout of layouts) {
      const { groups, lower, upper } = layout;
      let allPositive = 0;
      for (let q = 0; q < lower.positives.length; q++) allPositive += packed[lower.positives[q]];
      for (let q = 0; q < upper.positives.length; q++) allPositive += packed[upper.positives[q]];
      unpack(allPositive, positive);
      for (let k = 0; k < used; k++) negative[k] = total[k] - positive[k];
      numerator.fill(0);
      walk(packed, used, lower, false, groups);
      walk(packed, used, upper, true, groups);
      for (let k = 0; k < used; k++) {
        const denominator = positive[k] * negative[k];
        if (denominator !== 0) {
          rocSum[k] += numerator[k] / denominator;
          rocCount[k]++;
        }
        // Without a negative every ranking has AP 1: not assessed, as in weightedAveragePrecision.
        if (positive[k] === 0 || negative[k] === 0) continue;
        let ap = 0;
        for (let g = groups - 1; g >= 0; g--) ap += terms[g * lanes + k];
        apSum[k] += ap;
        apCount[k]++;
      }
    }
    for (let k = 0; k < used; k++) {
      out.rocAuc[first + k] = rocCount[k] === 0 ? Number.NaN : rocSum[k] / rocCount[k];
      out.averagePrecision[first + k] = apCount[k] === 0 ? Number.NaN : apSum[k] / apCount[k];
    }
  };
}

/** Splits a presorted label into tie groups holding positives and the negatives between them. */
function layoutOf(p: PresortedLabel): LabelLayout {
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
