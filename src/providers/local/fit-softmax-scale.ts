// Calibrates a classifier's softmax sharpness without looking at the test set: each few-shot
// example is scored by a model trained on the others (leave-one-out), and the scale that
// minimises the mean negative log-likelihood of their true labels is kept (temperature
// scaling, Guo et al. 2017, fitted on held-out examples instead of a validation split).

export interface HeldOutScores {
  /** One raw score per label (e.g. cosine similarity to each label's centroid). */
  scores: readonly number[];
  /** Index of the example's true label in `scores`. */
  truth: number;
}

export const SCALE_GRID: readonly number[] = Array.from({ length: 160 }, (_, i) => (i + 1) * 0.25);

/** The grid scale with the smallest held-out NLL; the first of equals, so the result is stable. */
export function fitSoftmaxScale(
  heldOut: readonly HeldOutScores[],
  grid: readonly number[] = SCALE_GRID,
): number | null {
  if (heldOut.length === 0 || grid.length === 0) return null;
  let best: number | null = null;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (const scale of grid) {
    const loss = meanNegativeLogLikelihood(heldOut, scale);
    if (loss < bestLoss - 1e-12) {
      best = scale;
      bestLoss = loss;
    }
  }
  return best;
}

export function meanNegativeLogLikelihood(heldOut: readonly HeldOutScores[], scale: number): number {
  let total = 0;
  for (const { scores, truth } of heldOut) {
    const max = Math.max(...scores) * scale;
    let sum = 0;
    for (const s of scores) sum += Math.exp(s * scale - max);
    // −log softmax(truth) = log Σ exp(s·scale) − truth·scale, computed stably.
    total += Math.log(sum) + max - scores[truth] * scale;
  }
  return total / heldOut.length;
}
