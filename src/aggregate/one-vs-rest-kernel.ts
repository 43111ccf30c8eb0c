// The inner loop of the one-vs-rest bootstrap (one-vs-rest-replicates.ts): for one block of
// packed resamples, every label's ROC AUC and average precision on every resample of the block.
// A label costs one read per case its walk visits, and each read is a row of ROW packed floats
// (ROW · lanes resamples) summed into ROW local accumulators: contiguous bytes and independent
// additions, where a float per case made each read a lone random access. Per tie group holding
// a positive, the lane totals are unpacked once and the ROC pairs and precision term added lane
// by lane, with the same operations on the same integers as weightedRocAuc and
// weightedAveragePrecision, so every result is bit-identical to them.
import type { LabelLayout } from './one-vs-rest-layout.js';

/** Packed floats per case in a block: eight sums stay in registers in the summing loop. */
export const ROW = 8;

export interface ReplicateOutput {
  rocAuc: Float64Array;
  averagePrecision: Float64Array;
}

/**
 * Computes resamples first … first + used − 1 from `packed` (case c's row at c · ROW; lane k of
 * float w is resample first + w · lanes + k) into `out`. `chunk` cases at a time summed packed
 * keep every lane below laneSize.
 */
export type OneVsRestKernel = (
  packed: Float64Array,
  used: number,
  first: number,
  out: ReplicateOutput,
  chunk: number,
) => void;

export function createOneVsRestKernel(
  layouts: readonly LabelLayout[],
  present: Uint32Array,
  lanes: number,
  laneSize: number,
): OneVsRestKernel {
  const width = ROW * lanes;
  const lane = () => new Float64Array(width);
  const zeros = lane();
  const total = lane();
  const positive = lane();
  const negative = lane();
  // One group's sums: negatives in the stretch before it, negatives tied with it, its positives.
  const stretch = lane();
  const tied = lane();
  const group = lane();
  const negativeBefore = lane();
  const positiveBefore = lane();
  const numerator = lane();
  const ap = lane();
  const rocSum = lane();
  const rocCount = lane();
  const apSum = lane();
  const apCount = lane();
  // The lower half is walked upwards, but its precision terms are added top-down: kept here.
  const maxLower = layouts.reduce((m, l) => Math.max(m, l.lower.beforeEnd.length), 0);
  const lowerTerms = new Float64Array(maxLower * width);

  return (packed, used, first, out, chunk) => {
    // An empty range (no tied negatives, adjacent positives) reads as the shared zeros.
    const sum = (list: Uint32Array, from: number, to: number, into: Float64Array): Float64Array =>
      from === to ? zeros : sumRows(packed, list, from, to, chunk, lanes, laneSize, into);
    const all = sum(present, 0, present.length, total);
    rocSum.fill(0);
    rocCount.fill(0);
    apSum.fill(0);
    apCount.fill(0);
    for (const { lower, upper } of layouts) {
      const lowerPositives = sum(lower.positives, 0, lower.positives.length, positive);
      const upperPositives = sum(upper.positives, 0, upper.positives.length, group);
      for (let b = 0; b < used; b++) {
        positive[b] = lowerPositives[b] + upperPositives[b];
        negative[b] = all[b] - positive[b];
      }
      numerator.fill(0);
      ap.fill(0);
      // Upper half, walked down from the top: the sums before a group are the weights above
      // it, so the weights below are the totals minus those, minus the group itself. Its
      // precision terms come first top-down, so they go straight into the sum.
      negativeBefore.fill(0);
      positiveBefore.fill(0);
      for (let g = 0, j = 0, q = 0; g < upper.beforeEnd.length; g++) {
        const stretchSum = sum(upper.negatives, j, upper.beforeEnd[g], stretch);
        const tiedSum = sum(upper.negatives, upper.beforeEnd[g], upper.tiedEnd[g], tied);
        const groupSum = sum(upper.positives, q, upper.positiveEnd[g], group);
        j = upper.tiedEnd[g];
        q = upper.positiveEnd[g];
        for (let b = 0; b < used; b++) {
          const above = negativeBefore[b] + stretchSum[b];
          const pos = groupSum[b];
          const tie = tiedSum[b];
          // No positive drawn here: no ROC pairs and no precision term (adding 0 to the average
          // precision leaves it bit-identical, so skipping stands for "none").
          if (pos !== 0) {
            const below = negative[b] - above - tie;
            const positiveBelow = positive[b] - positiveBefore[b] - pos;
            // As weightedRocAuc: a positive beats the negatives below and ties half of those level.
            numerator[b] += pos * (below + tie / 2);
            // As weightedAveragePrecision: precision at this threshold, counted from the top.
            ap[b] += (pos / positive[b]) * ((positive[b] - positiveBelow) / (all[b] - below - positiveBelow));
          }
          negativeBefore[b] = above + tie;
          positiveBefore[b] += pos;
        }
      }
      // Lower half, walked up from the bottom: the sums before a group are the weights below it.
      negativeBefore.fill(0);
      positiveBefore.fill(0);
      for (let g = 0, j = 0, q = 0; g < lower.beforeEnd.length; g++) {
        const stretchSum = sum(lower.negatives, j, lower.beforeEnd[g], stretch);
        const tiedSum = sum(lower.negatives, lower.beforeEnd[g], lower.tiedEnd[g], tied);
        const groupSum = sum(lower.positives, q, lower.positiveEnd[g], group);
        j = lower.tiedEnd[g];
        q = lower.positiveEnd[g];
        const t = g * width;
        for (let b = 0; b < used; b++) {
          const below = negativeBefore[b] + stretchSum[b];
          const pos = groupSum[b];
          const tie = tiedSum[b];
          if (pos === 0) lowerTerms[t + b] = 0;
          else {
            const positiveBelow = positiveBefore[b];
            numerator[b] += pos * (below + tie / 2);
            lowerTerms[t + b] =
              (pos / positive[b]) * ((positive[b] - positiveBelow) / (all[b] - below - positiveBelow));
          }
          negativeBefore[b] = below + tie;
          positiveBefore[b] += pos;
        }
      }
      for (let g = lower.beforeEnd.length - 1; g >= 0; g--) {
        const t = g * width;
        for (let b = 0; b < used; b++) ap[b] += lowerTerms[t + b];
      }
      for (let b = 0; b < used; b++) {
        const denominator = positive[b] * negative[b];
        if (denominator !== 0) {
          rocSum[b] += numerator[b] / denominator;
          rocCount[b]++;
        }
        // Without a negative every ranking has AP 1: not assessed, as in weightedAveragePrecision.
        if (positive[b] === 0 || negative[b] === 0) continue;
        apSum[b] += ap[b];
        apCount[b]++;
      }
    }
    for (let b = 0; b < used; b++) {
      out.rocAuc[first + b] = rocCount[b] === 0 ? Number.NaN : rocSum[b] / rocCount[b];
      out.averagePrecision[first + b] = apCount[b] === 0 ? Number.NaN : apSum[b] / apCount[b];
    }
  };
}

/**
 * Writes lane k of packed float w of Σ rows[list[from … to)] to into[w · lanes + k]; returns into. `chunk`
 * cases at a time, so no lane of a packed partial sum reaches laneSize and carries into the
 * next; the sums are integers below 2^53, exact in any order.
 */
function sumRows(
  packed: Float64Array,
  list: Uint32Array,
  from: number,
  to: number,
  chunk: number,
  lanes: number,
  laneSize: number,
  into: Float64Array,
): Float64Array {
  if (to === from + 1) {
    // One case (a lone positive, a single negative between two): its row, unpacked.
    const row = list[from] * ROW;
    for (let w = 0; w < ROW; w++) unpackInto(packed[row + w], into, w * lanes, lanes, laneSize);
    return into;
  }
  into.fill(0);
  for (let j = from; j < to; ) {
    const stop = Math.min(to, j + chunk);
    // ROW (8) accumulators, one per packed float of the row: independent additions.
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    let a5 = 0;
    let a6 = 0;
    let a7 = 0;
    for (; j < stop; j++) {
      const row = list[j] * ROW;
      a0 += packed[row];
      a1 += packed[row + 1];
      a2 += packed[row + 2];
      a3 += packed[row + 3];
      a4 += packed[row + 4];
      a5 += packed[row + 5];
      a6 += packed[row + 6];
      a7 += packed[row + 7];
    }
    unpack(a0, into, 0, lanes, laneSize);
    unpack(a1, into, lanes, lanes, laneSize);
    unpack(a2, into, 2 * lanes, lanes, laneSize);
    unpack(a3, into, 3 * lanes, lanes, laneSize);
    unpack(a4, into, 4 * lanes, lanes, laneSize);
    unpack(a5, into, 5 * lanes, lanes, laneSize);
    unpack(a6, into, 6 * lanes, lanes, laneSize);
    unpack(a7, into, 7 * lanes, lanes, laneSize);
  }
  return into;
}

/** Writes lane k of the packed float x to into[at + k] (every lane, zeros too). */
function unpackInto(x: number, into: Float64Array, at: number, lanes: number, laneSize: number): void {
  const inverse = 1 / laneSize; // exact: a power of two
  for (let k = 0; k < lanes; k++) {
    const high = Math.floor(x * inverse);
    into[at + k] = x - high * laneSize;
    x = high;
  }
}

/** Adds lane k of the packed sum x to into[at + k]. */
function unpack(x: number, into: Float64Array, at: number, lanes: number, laneSize: number): void {
  const inverse = 1 / laneSize; // exact: a power of two
  for (let k = 0; k < lanes && x !== 0; k++) {
    const high = Math.floor(x * inverse);
    into[at + k] += x - high * laneSize;
    x = high;
  }
}
