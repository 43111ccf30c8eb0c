// Where to send cases to a human: the lowest confidence threshold t at which the cases handled
// automatically (confidence ≥ t) reach the target precision, and the share of traffic that falls
// below t and goes to review. Lowest, because every case above it is one a human need not read.

export interface ReviewItem {
  confidence: number;
  correct: boolean;
}

export interface ReviewThreshold {
  threshold: number;
  /** Precision of the automatically handled cases. */
  precision: number;
  autoHandled: number;
  review: number;
  /** Share of all cases sent to review (confidence < threshold). */
  reviewShare: number;
}

/** null when no threshold reaches the target (or there are no items). */
export function reviewThreshold(options: {
  items: readonly ReviewItem[];
  targetPrecision: number;
}): ReviewThreshold | null {
  const items = options.items.filter((item) => Number.isFinite(item.confidence));
  const n = items.length;
  if (n === 0) return null;
  const sorted = items.slice().sort((a, b) => b.confidence - a.confidence);
  // Walk thresholds from the highest confidence down, accumulating the auto-handled set.
  let best: ReviewThreshold | null = null;
  let correct = 0;
  for (let i = 0; i < n; ) {
    const threshold = sorted[i].confidence;
    let j = i;
    while (j < n && sorted[j].confidence === threshold) {
      if (sorted[j].correct) correct++;
      j++;
    }
    const precision = correct / j;
    if (precision >= options.targetPrecision)
      best = { threshold, precision, autoHandled: j, review: n - j, reviewShare: (n - j) / n };
    i = j;
  }
  return best;
}
