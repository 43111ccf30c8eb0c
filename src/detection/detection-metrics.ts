// How well a detector's scores separate positives (here: hallucinated answers) from negatives:
// precision, recall and F1 at a threshold, and AUROC (the probability that a random positive
// scores above a random negative, ties counting half — the Mann–Whitney U statistic over n⁺·n⁻).

export interface LabelledScore {
  positive: boolean;
  score: number;
}

export interface ThresholdMetrics {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** null when nothing is flagged (precision undefined). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  flaggedRate: number;
}

/** Flagged = score ≥ threshold. */
export function thresholdMetrics(items: readonly LabelledScore[], threshold: number): ThresholdMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { positive, score } of items) {
    const flagged = score >= threshold;
    if (flagged && positive) tp++;
    else if (flagged) fp++;
    else if (positive) fn++;
    else tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : precision === null
        ? null
        : 0;
  return {
    threshold,
    tp,
    fp,
    fn,
    tn,
    precision,
    recall,
    f1,
    flaggedRate: items.length > 0 ? (tp + fp) / items.length : 0,
  };
}

/** AUROC via ranks (average ranks for ties); null without both classes. */
export function auroc(items: readonly LabelledScore[]): number | null {
  const positives = items.filter((i) => i.positive).length;
  const negatives = items.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].score === sorted[i].score) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (sorted[k].positive) rankSum += averageRank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
