// ROC AUC as the Mann–Whitney U statistic: the probability that a random positive scores higher
// than a random negative, ties counting 1/2 (computed from mid-ranks, O(n log n)). Multiclass is
// one-vs-rest per label, macro-averaged over the labels that have both positives and negatives.

/** Binary AUC; null without at least one positive and one negative. */
export function binaryRocAuc(scores: readonly number[], positives: readonly boolean[]): number | null {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positiveCount = 0;
  for (const p of positives) if (p) positiveCount++;
  const negativeCount = positives.length - positiveCount;
  if (positiveCount === 0 || negativeCount === 0) return null;
  let positiveRankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const midRank = (i + j + 2) / 2; // ranks are 1-based; tied items share the average rank
    for (let t = i; t <= j; t++) if (positives[order[t]]) positiveRankSum += midRank;
    i = j + 1;
  }
  const u = positiveRankSum - (positiveCount * (positiveCount + 1)) / 2;
  return u / (positiveCount * negativeCount);
}

export interface ScoredClassificationItem {
  gold: string;
  /** Score per label (see classScores); a missing label scores 0. */
  scores: Readonly<Record<string, number>>;
}

export interface MulticlassAuc {
  /** null when no label has both positives and negatives. */
  macro: number | null;
  perClass: Record<string, number | null>;
}

export function rocAuc(options: {
  items: readonly ScoredClassificationItem[];
  labels: readonly string[];
}): MulticlassAuc {
  return oneVsRest(options, binaryRocAuc);
}

export function oneVsRest(
  options: { items: readonly ScoredClassificationItem[]; labels: readonly string[] },
  metric: (scores: number[], positives: boolean[]) => number | null,
): MulticlassAuc {
  const perClass: Record<string, number | null> = {};
  const defined: number[] = [];
  for (const label of options.labels) {
    const value = metric(
      options.items.map((item) => item.scores[label] ?? 0),
      options.items.map((item) => item.gold === label),
    );
    perClass[label] = value;
    if (value !== null) defined.push(value);
  }
  return {
    macro: defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length,
    perClass,
  };
}
