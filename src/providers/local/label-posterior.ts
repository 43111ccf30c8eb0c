// Turns per-label log-scores into a Classification: a softmax gives the probabilities, and the
// label is the first one (in the suite's label order) with the highest reported probability,
// so ties, and near-ties lost to float rounding, go to the same label on every machine.
import type { Classification } from './classifier.js';

const DIGITS = 1e6;

export function labelPosterior(labels: readonly string[], logScores: readonly number[]): Classification {
  if (labels.length === 0) return { label: '', confidence: 0, probabilities: {} };
  const max = Math.max(...logScores);
  // Every label impossible (-Infinity) or no evidence at all: fall back to uniform.
  const weights = max === -Infinity ? logScores.map(() => 1) : logScores.map((s) => Math.exp(s - max));
  const total = weights.reduce((a, b) => a + b, 0);
  const probabilities: Record<string, number> = {};
  let best = 0;
  const rounded = weights.map((w) => Math.round((w / total) * DIGITS) / DIGITS);
  labels.forEach((label, i) => {
    probabilities[label] = rounded[i];
    if (rounded[i] > rounded[best]) best = i;
  });
  return { label: labels[best], confidence: rounded[best], probabilities };
}
