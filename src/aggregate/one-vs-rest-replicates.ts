// Bootstrap replicates of the macro one-vs-rest ROC AUC and average precision for many labels,
// equal to the bit to weightedMacro(weightedRocAuc / weightedAveragePrecision) on every
// resample, at a fraction of the cost. Three things make it fast:
// - both metrics come from one pass per label: each needs only the weight of the negatives
//   ranked below each positive, and the widest stretch of negatives between two positives (or
//   beyond the last one) is never read: its weight is the total minus the rest;
// - the pass sums only negatives, in stretches between the label's positives (no branch per
//   case), and tie groups are laid out once;
// - K resamples' draw counts are packed into one float (count_r · 2^(bits·r), K · bits ≤ 53), so
//   one addition sums K resamples at once. Cases are summed `chunk` at a time, with
//   chunk · (largest count) < 2^bits, and each chunk is unpacked into per-lane totals: no lane
//   ever carries into the next, so every sum is exact.
// All sums are integers (or halves) below 2^53, so they are exact in any order; the average
// precision terms are added in the same top-down order as weightedAveragePrecision.
import {
  type PresortedLabel,
  weightedAveragePrecision,
  weightedMacro,
  weightedRocAuc,
} from '../scorers/classification/weighted-one-vs-rest.js';
import type { DrawCounts, Resampler } from '../stats/resampler.js';
import { type HalfLayout, type LabelLayout, layoutOf } from './one-vs-rest-layout.js';

export interface OneVsRestReplicates {
  /** Macro ROC AUC per resample; NaN where no label has both classes drawn. */
  rocAuc: Float64Array;
  /** Macro average precision per resample; NaN where no label has both classes drawn. */
  averagePrecision: Float64Array;
}

/** Bits in a double's mantissa: K lanes of `bits` bits must fit. */
const MANTISSA_BITS = 53;
/** Lane width: 5 resamples per float; a chunk of cases is summed packed, then unpacked. */
const LANE_BITS = 10;

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
 * `laneBits` (tests only) narrows the lanes so the chunking and the fallback are exercised.
 */
export function createOneVsRestReplicates(
  presorted: readonly PresortedLabel[],
  resampler: Pick<Resampler, 'n' | 'resamples'>,
  laneBits = LANE_BITS,
): { visit: (r: number, counts: DrawCounts) => void; result: () => OneVsRestReplicates } {
  const { n, resamples } = resampler;
  const layouts = presorted.map(layoutOf);
  // Every scored case, whichever label's order: the weight all labels' cases add up to.
  const present = presorted[0]?.order ?? new Uint32Array(0);
  const bits = Math.max(1, Math.min(laneBits, Math.ceil(Math.log2(n + 1))));
  const laneSize = 2 ** bits;
  const lanes = Math.max(1, Math.min(Math.floor(MANTISSA_BITS / bits), 16));
  const scale = Float64Array.from({ length: lanes }, (_, k) => 2 ** (bits * k));
  const out: OneVsRestReplicates = {
    rocAuc: new Float64Array(resamples),
    averagePrecision: new Float64Array(resamples),
  };
  const maxGroups = layouts.reduce((m, l) => Math.max(m, l.groups), 0);
  const kernel = createKernel(layouts, present, lanes, bits, maxGroups);
  const packed = new Float64Array(n);
  // A resample with a case drawn laneSize times or more cannot be packed (astronomically rare
  // for a real n, but exactness cannot rest on odds): it is computed on its own instead.
  const fallback: { r: number; roc: number; ap: number }[] = [];
  let first = 0;
  let seen = 0;
  let maxCount = 0;
  const visit = (r: number, counts: DrawCounts): void => {
    if (r !== seen) throw new RangeError(`resamples must be visited in order: expected ${seen}, got ${r}`);
    seen++;
    const lane = r - first;
    if (lane === 0) {
      packed.fill(0);
      maxCount = 0;
    }
    let most = 0;
    for (let i = 0; i < n; i++) if (counts[i] > most) most = counts[i];
    if (most < laneSize) {
      maxCount = Math.max(maxCount, most);
      const s = scale[lane];
      for (let i = 0; i < n; i++) packed[i] += counts[i] * s;
    } else
      fallback.push({
        r,
        roc: weightedMacro(presorted, counts, weightedRocAuc) ?? Number.NaN,
        ap: weightedMacro(presorted, counts, weightedAveragePrecision) ?? Number.NaN,
      });
    if (lane === lanes - 1 || r === resamples - 1) {
      // Each lane of a sum of `chunk` cases stays below laneSize: chunk · maxCount < laneSize.
      kernel(packed, lane + 1, first, out, Math.max(1, Math.floor((laneSize - 1) / Math.max(1, maxCount))));
      for (const f of fallback) {
        out.rocAuc[f.r] = f.roc;
        out.averagePrecision[f.r] = f.ap;
      }
      fallback.length = 0;
      first = r + 1;
    }
  };
  const result = (): OneVsRestReplicates => {
    if (seen !== resamples) throw new RangeError(`visited ${seen} of ${resamples} resamples`);
    return out;
  };
  return { visit, result };
}

type Kernel = (
  packed: Float64Array,
  used: number,
  first: number,
  out: OneVsRestReplicates,
  chunk: number,
) => void;

function createKernel(
  layouts: readonly LabelLayout[],
  present: Uint32Array,
  lanes: number,
  bits: number,
  maxGroups: number,
): Kernel {
  const laneSize = 2 ** bits;
  const inverse = 2 ** -bits; // exact: a power of two
  let packed: Float64Array = new Float64Array(0);
  let chunk = 1;
  /**
   * Adds lane k of Σ packed[list[from … to)] to into[k]: `chunk` cases at a time, so no lane of
   * a packed partial sum reaches laneSize and carries into the next.
   */
  const addSum = (list: Uint32Array, from: number, to: number, into: Float64Array): void => {
    for (let j = from; j < to; ) {
      const stop = Math.min(to, j + chunk);
      let x = 0;
      for (; j < stop; j++) x += packed[list[j]];
      for (let k = 0; k < lanes && x !== 0; k++) {
        const high = Math.floor(x * inverse);
        into[k] += x - high * laneSize;
        x = high;
      }
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
   * Walking down, the sums before a group are the weights above it: the weights below are the
   * totals minus those, minus the group itself.
   */
  const walk = (used: number, half: HalfLayout, down: boolean, groups: number): void => {
    const { negatives, positives, beforeEnd, tiedEnd, positiveEnd } = half;
    negativeBefore.fill(0);
    positiveBefore.fill(0);
    let j = 0;
    let q = 0;
    for (let g = 0; g < beforeEnd.length; g++) {
      addSum(negatives, j, beforeEnd[g], negativeBefore);
      j = beforeEnd[g];
      for (let k = 0; k < lanes; k++) tied[k] = group[k] = 0;
      addSum(negatives, j, tiedEnd[g], tied);
      j = tiedEnd[g];
      addSum(positives, q, positiveEnd[g], group);
      q = positiveEnd[g];
      const t = (down ? groups - 1 - g : g) * lanes;
      for (let k = 0; k < used; k++) {
        const pos = group[k];
        // No positive drawn here: no ROC pairs and no precision term (adding 0 to the average
        // precision leaves it bit-identical, so a 0 term stands for "none").
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

  return (packedCounts, used, first, out, chunkSize) => {
    packed = packedCounts;
    chunk = chunkSize;
    total.fill(0);
    addSum(present, 0, present.length, total);
    rocSum.fill(0);
    rocCount.fill(0);
    apSum.fill(0);
    apCount.fill(0);
    for (const layout of layouts) {
      const { groups, lower, upper } = layout;
      positive.fill(0);
      addSum(lower.positives, 0, lower.positives.length, positive);
      addSum(upper.positives, 0, upper.positives.length, positive);
      for (let k = 0; k < used; k++) negative[k] = total[k] - positive[k];
      numerator.fill(0);
      walk(used, lower, false, groups);
      walk(used, upper, true, groups);
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
