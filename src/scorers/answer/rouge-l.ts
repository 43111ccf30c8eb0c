// ROUGE-L (Lin 2004): LCS-based F-measure over SQuAD-normalised tokens, max over references.
// R = LCS/|reference|, P = LCS/|prediction|, F = (1+β²)PR / (R + β²P). β = 1 (the harmonic
// mean, as most modern implementations report), not ROUGE-1.5.5's recall-leaning large β.
import { squadTokens } from './squad-normalize.js';

export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

export function rougeLTokens(predicted: readonly string[], reference: readonly string[], beta = 1): number {
  if (predicted.length === 0 || reference.length === 0) return predicted.length === reference.length ? 1 : 0;
  const lcs = lcsLength(predicted, reference);
  if (lcs === 0) return 0;
  const recall = lcs / reference.length;
  const precision = lcs / predicted.length;
  const b2 = beta * beta;
  return ((1 + b2) * precision * recall) / (recall + b2 * precision);
}

export interface RougeLOptions {
  beta?: number;
}

/** null when there is no reference to compare with. */
export function rougeL(
  prediction: string,
  references: readonly string[],
  options: RougeLOptions = {},
): number | null {
  if (references.length === 0) return null;
  const predicted = squadTokens(prediction);
  let best = 0;
  for (const reference of references)
    best = Math.max(best, rougeLTokens(predicted, squadTokens(reference), options.beta));
  return best;
}
