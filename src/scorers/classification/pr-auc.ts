// PR AUC as step-wise average precision (no interpolation): AP = Σ_n (R_n − R_{n−1}) · P_n over
// the distinct score thresholds, highest first. Without tied scores this is exactly the
// trec_eval-style mean of the precision at each positive's rank; tied scores are taken as one
// threshold, so the result never depends on how ties happen to be ordered. Without a negative
// every ranking scores 1, so like ROC AUC it is then not assessed (null). Multiclass is
// one-vs-rest, macro-averaged over the labels that have both positives and negatives.
import { oneVsRest, type MulticlassAuc, type ScoredClassificationItem } from './roc-auc.js';

/** null without at least one positive and one negative. */
export function binaryAveragePrecision(
  scores: readonly number[],
  positives: readonly boolean[],
): number | null {
  let totalPositives = 0;
  for (const p of positives) if (p) totalPositives++;
  if (totalPositives === 0 || totalPositives === positives.length) return null;
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let ap = 0;
  let truePositives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    let newPositives = 0;
    while (j < order.length && scores[order[j]] === scores[order[i]]) {
      if (positives[order[j]]) newPositives++;
      j++;
    }
    truePositives += newPositives;
    // recall rises by newPositives / totalPositives at precision truePositives / j.
    if (newPositives > 0) ap += (newPositives / totalPositives) * (truePositives / j);
    i = j;
  }
  return ap;
}

export function prAuc(options: {
  items: readonly ScoredClassificationItem[];
  labels: readonly string[];
}): MulticlassAuc {
  return oneVsRest(options, binaryAveragePrecision);
}
