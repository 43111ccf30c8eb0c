// SQuAD token F1 over normalised tokens (bag-of-tokens overlap), max over references.
import { squadTokens } from './squad-normalize.js';

/** F1 of two token lists; when either is empty, 1 if both are empty else 0 (as SQuAD v2.0). */
export function tokenListF1(predicted: readonly string[], gold: readonly string[]): number {
  if (predicted.length === 0 || gold.length === 0) return predicted.length === gold.length ? 1 : 0;
  const goldCounts = new Map<string, number>();
  for (const token of gold) goldCounts.set(token, (goldCounts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predicted) {
    const left = goldCounts.get(token);
    if (left) {
      common++;
      goldCounts.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / predicted.length;
  const recall = common / gold.length;
  return (2 * precision * recall) / (precision + recall);
}

/** null when there is no reference to compare with. */
export function tokenF1(prediction: string, references: readonly string[]): number | null {
  if (references.length === 0) return null;
  const predicted = squadTokens(prediction);
  let best = 0;
  for (const reference of references) best = Math.max(best, tokenListF1(predicted, squadTokens(reference)));
  return best;
}
