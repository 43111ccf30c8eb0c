// Bootstrap replicates of the macro one-vs-rest ROC AUC and average precision for many labels,
// equal to the bit to weightedMacro(weightedRocAuc / weightedAveragePrecision) on every
// resample, at a fraction of the cost. What makes it fast:
// - both metrics come from one pass per label: each needs only the weight of the negatives
//   ranked below each positive, and the widest stretch of negatives between two positives (or
//   beyond the last one) is never read: its weight is the total minus the rest;
// - K resamples' draw counts are packed into one float (count_r · 2^(bits·r), K · bits ≤ 53), so
//   one addition sums K resamples at once. Cases are summed `chunk` at a time, with
//   chunk · (largest count) < 2^bits, and each chunk is unpacked into per-lane totals: no lane
//   ever carries into the next, so every sum is exact;
// - resamples go through in blocks of 8 packed floats per case (8 · K resamples), stored case
//   by case: each case the label's order visits is one read of 64 contiguous bytes feeding 8
//   independent sums, where one float per case made every read a random access of its own
//   (one-vs-rest-kernel.ts).
// All sums are integers (or halves) below 2^53, so they are exact in any order; the average
// precision terms are added in the same top-down order as weightedAveragePrecision.
import {
  type PresortedLabel,
  weightedAveragePrecision,
  weightedMacro,
  weightedRocAuc,
} from '../scorers/classification/weighted-one-vs-rest.js';
import type { DrawCounts, Resampler } from '../stats/resampler.js';
import { layoutOf } from './one-vs-rest-layout.js';
import { createOneVsRestKernel, ROW } from './one-vs-rest-kernel.js';

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
  // Resamples per block: lane k of the case's float w holds resample first + w · lanes + k.
  const block = ROW * lanes;
  const scale = Float64Array.from({ length: lanes }, (_, k) => 2 ** (bits * k));
  const out: OneVsRestReplicates = {
    rocAuc: new Float64Array(resamples),
    averagePrecision: new Float64Array(resamples),
  };
  const kernel = createOneVsRestKernel(layouts, present, lanes, laneSize);
  const staging = new Float64Array(n * ROW);
  const packed = new Float64Array(n * ROW);
  // A resample with a case drawn laneSize times or more cannot be packed (astronomically rare
  // for a real n, but exactness cannot rest on odds): it is computed on its own instead.
  const fallback: { r: number; roc: number; ap: number }[] = [];
  let first = 0;
  let seen = 0;
  let maxCount = 0;
  const visit = (r: number, counts: DrawCounts): void => {
    if (r !== seen) throw new RangeError(`resamples must be visited in order: expected ${seen}, got ${r}`);
    seen++;
    const b = r - first;
    if (b === 0) {
      staging.fill(0);
      maxCount = 0;
    }
    let most = 0;
    for (let i = 0; i < n; i++) if (counts[i] > most) most = counts[i];
    if (most < laneSize) {
      maxCount = Math.max(maxCount, most);
      const s = scale[b % lanes];
      // Float w of every case, contiguous while the block fills; laid out by case for the kernel.
      const into = staging.subarray(Math.floor(b / lanes) * n);
      for (let i = 0; i < n; i++) into[i] += counts[i] * s;
    } else
      fallback.push({
        r,
        roc: weightedMacro(presorted, counts, weightedRocAuc) ?? Number.NaN,
        ap: weightedMacro(presorted, counts, weightedAveragePrecision) ?? Number.NaN,
      });
    if (b === block - 1 || r === resamples - 1) {
      for (let w = 0; w < ROW; w++) {
        const from = staging.subarray(w * n);
        for (let i = 0, at = w; i < n; i++, at += ROW) packed[at] = from[i];
      }
      // Each lane of a sum of `chunk` cases stays below laneSize: chunk · maxCount < laneSize.
      kernel(packed, b + 1, first, out, Math.max(1, Math.floor((laneSize - 1) / Math.max(1, maxCount))));
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
