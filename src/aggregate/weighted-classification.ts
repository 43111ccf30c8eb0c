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
  const support = new Float64Array(L);
  const predictedCount = new Float64Array(L);
  const truePositive = new Float64Array(L);
  return (weights) => {
    support.fill(0);
    predictedCount.fill(0);
    truePositive.fill(0);
    for (let c = 0; c < gold.length; c++) {
      const w = weights[c];
      if (w === 0 || !usable[c]) continue;
      const g = gold[c];
      const p = predicted[c];
      if (g >= 0) support[g] += w;
      if (p >= 0) {
        predictedCount[p] += w;
        if (p === g) truePositive[p] += w;
      }
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
  const counts = new Float64Array(m);
  const correct = new Float64Array(m);
  const confidenceSum = new Float64Array(m);
  return (weights) => {
    counts.fill(0);
    correct.fill(0);
    confidenceSum.fill(0);
    let total = 0;
    for (let c = 0; c < n; c++) {
      const w = weights[c];
      const b = bin[c];
      if (w === 0 || b < 0) continue;
      counts[b] += w;
      confidenceSum[b] += w * clamped[c];
      if (options.correct[c]) correct[b] += w;
      total += w;
    }
    if (total === 0) return Number.NaN;
    let ece = 0;
    for (let b = 0; b < m; b++)
      if (counts[b] > 0)
        ece += (counts[b] / total) * Math.abs(correct[b] / counts[b] - confidenceSum[b] / counts[b]);
    return ece;
  };
}
