// Turns per-label log-scores into a Classification: a softmax gives the probabilities, and the
// label is the highest score. Scores within float noise of each other (1e-12, relative) count as
// a tie, won by the first label in the suite's label order, so summation order cannot decide a
// label on one machine differently from another; any real difference, however small, wins.
import type { Classification } from './classifier.js';

const DIGITS = 1e6;
const TIE_TOLERANCE = 1e-12;

export function labelPosterior(labels: readonly string[], logScores: readonly number[]): Classification {
  if (labels.length === 0) return { label: '', confidence: 0, probabilities: {} };
  const max = Math.max(...logScores);
  // Every label impossible (-Infinity) or no evidence at all: fall back to uniform.
  const weights = max === -Infinity ? logScores.map(() => 1) : logScores.map((s) => Math.exp(s - max));
  const total = weights.reduce((a, b) => a + b, 0);
  const probabilities: Record<string, number> = {};
  const rounded = weights.map((w) => Math.round((w / total) * DIGITS) / DIGITS);
  labels.forEach((label, i) => (probabilities[label] = rounded[i]));
  let best = 0;
  for (let i = 1; i < labels.length; i++) if (clearlyHigher(logScores[i], logScores[best])) best = i;
  return { label: labels[best], confidence: rounded[best], probabilities };
}

function clearlyHigher(a: number, b: number): boolean {
  if (a === b) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a > b;
  return a - b > TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}
