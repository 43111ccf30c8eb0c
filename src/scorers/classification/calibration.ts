// Calibration of confidences (Guo et al. 2017): a reliability diagram over M equal-width bins
// B_m = ((m−1)/M, m/M] (a confidence of exactly 0 goes to the first bin), and the expected
// calibration error ECE = Σ_m (|B_m| / N) · |acc(B_m) − conf(B_m)|.

export interface CalibrationItem {
  /** Confidence in the predicted label, in [0, 1]. */
  confidence: number;
  correct: boolean;
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  /** null for an empty bin. */
  accuracy: number | null;
  confidence: number | null;
}

export interface CalibrationReport {
  n: number;
  bins: ReliabilityBin[];
  /** null when there are no items with a finite confidence. */
  ece: number | null;
}

export function calibration(options: {
  items: readonly CalibrationItem[];
  bins?: number;
}): CalibrationReport {
  const m = options.bins ?? 10;
  const counts = new Array<number>(m).fill(0);
  const correct = new Array<number>(m).fill(0);
  const confidenceSum = new Array<number>(m).fill(0);
  let n = 0;
  for (const item of options.items) {
    if (!Number.isFinite(item.confidence)) continue;
    const confidence = Math.min(1, Math.max(0, item.confidence));
    // The epsilon keeps bin edges in their own bin despite float error (0.7 · 10 = 7.000000000000001).
    const bin = Math.min(m - 1, Math.max(0, Math.ceil(confidence * m - 1e-9) - 1));
    counts[bin]++;
    confidenceSum[bin] += confidence;
    if (item.correct) correct[bin]++;
    n++;
  }
  const bins: ReliabilityBin[] = counts.map((count, b) => ({
    lower: b / m,
    upper: (b + 1) / m,
    count,
    accuracy: count === 0 ? null : correct[b] / count,
    confidence: count === 0 ? null : confidenceSum[b] / count,
  }));
  if (n === 0) return { n, bins, ece: null };
  let ece = 0;
  for (const bin of bins) {
    if (bin.count > 0) ece += (bin.count / n) * Math.abs((bin.accuracy ?? 0) - (bin.confidence ?? 0));
  }
  return { n, bins, ece };
}
