// Macro-F1 and expected calibration error of a bootstrap resample given as per-case draw counts
// (a weight per case): one pass over the cases per resample, where rebuilding the drawn items
// and re-running classificationReport / calibration cost a list and a report per draw. With
// every weight 1 they equal those functions; macro-F1 exactly (integer counts), ECE up to float
// rounding (w · confidence instead of w repeated additions).

/** Case i: gold label index (−1: not a declared label or no usable case) and predicted index (−1: invalid). */
export function createWeightedMacroF1(options: {
  gold: Int32Array;
  predicted: Int32Array;
  /** Number of declared labels. */
  labels: number;
  /** Cases that count (usable classification items). */
  usable: Uint8Array;
}): (weights: ArrayLike<number>) => number {
  const { gold, predicted, usable } = options;
  const L = options.labels;
  // Slot L collects what does not count (an unusable case, a gold label outside the declared
  // set, an invalid prediction, a miss): the loop below then has no branch to mispredict, and a
  // weight added to slot L, or a weight of 0 added anywhere, changes none of the sums used.
  const n = gold.length;
  const goldSlot = new Int32Array(n).fill(L);
  const predictedSlot = new Int32Array(n).fill(L);
  const hitSlot = new Int32Array(n).fill(L);
  for (let c = 0; c < n; c++) {
    if (!usable[c]) continue;
    const g = gold[c];
    const p = predicted[c];
    if (g >= 0) goldSlot[c] = g;
    if (p >= 0) {
      predictedSlot[c] = p;
      if (p === g) hitSlot[c] = p;
    }
  }
  const support = new Float64Array(L + 1);
  const predictedCount = new Float64Array(L + 1);
  const truePositive = new Float64Array(L + 1);
  return (weights) => {
    support.fill(0);
    predictedCount.fill(0);
    truePositive.fill(0);
    for (let c = 0; c < n; c++) {
      const w = weights[c];
      support[goldSlot[c]] += w;
      predictedCount[predictedSlot[c]] += w;
      truePositive[hitSlot[c]] += w;
    }
    // Same zero-division conventions as classificationReport: a label with neither gold cases
    // nor predictions is left out of the mean.
    let sum = 0;
    let count = 0;
    for (let l = 0; l < L; l++) {
      if (support[l] === 0 && predictedCount[l] === 0) continue;
      const precision = predictedCount[l] === 0 ? 0 : truePositive[l] / predictedCount[l];
      const recall = support[l] === 0 ? 0 : truePositive[l] / support[l];
      sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      count++;
    }
    return count === 0 ? Number.NaN : sum / count;
  };
}

/** Case i: confidence (NaN: no calibration item) and whether the prediction was right. */
export function createWeightedEce(options: {
  confidence: Float64Array;
  correct: Uint8Array;
  bins?: number;
}): (weights: ArrayLike<number>) => number {
  const m = options.bins ?? 10;
  const n = options.confidence.length;
  // Bins as in calibration(): ((b−1)/M, b/M], with the same epsilon at the edges.
  const bin = new Int32Array(n).fill(-1);
  const clamped = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const x = options.confidence[c];
    if (!Number.isFinite(x)) continue;
    clamped[c] = Math.min(1, Math.max(0, x));
    bin[c] = Math.min(m - 1, Math.max(0, Math.ceil(clamped[c] * m - 1e-9) - 1));
  }
  // Bin m collects the cases without a confidence, so the loop has no branch: their weight
  // lands there (or is multiplied by 0), and adding 0 leaves every used sum as it was.
  const slot = new Int32Array(n);
  const counted = new Float64Array(n);
  const right = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    slot[c] = bin[c] < 0 ? m : bin[c];
    counted[c] = bin[c] < 0 ? 0 : 1;
    right[c] = bin[c] >= 0 && options.correct[c] ? 1 : 0;
  }
  const counts = new Float64Array(m + 1);
  const correct = new Float64Array(m + 1);
  const confidenceSum = new Float64Array(m + 1);
  return (weights) => {
    counts.fill(0);
    correct.fill(0);
    confidenceSum.fill(0);
    let total = 0;
    for (let c = 0; c < n; c++) {
      const w = weights[c];
      const b = slot[c];
      counts[b] += w;
      confidenceSum[b] += w * clamped[c];
      correct[b] += w * right[c];
      total += w * counted[c];
    }
    if (total === 0) return Number.NaN;
    let ece = 0;
    for (let b = 0; b < m; b++)
      if (counts[b] > 0)
        ece += (counts[b] / total) * Math.abs(correct[b] / counts[b] - confidenceSum[b] / counts[b]);
    return ece;
  };
}
