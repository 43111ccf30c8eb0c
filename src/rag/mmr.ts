// Maximal marginal relevance (Carbonell & Goldstein 1998): pick, one at a time, the candidate
// maximising λ·relevance − (1 − λ)·(max cosine to anything already picked), so near-duplicate
// chunks (overlapping windows, copied paragraphs) do not crowd out other evidence.
// Relevance is the first-stage score min-max scaled to [0, 1] over the candidates, which works
// the same for cosines, BM25 scores and fused RRF scores.
import type { Scored } from './top-k.js';

export interface MmrOptions {
  /** Best-first candidates from the first stage. */
  candidates: readonly Scored[];
  vectorOf: (label: number) => Float32Array;
  k: number;
  /** 1 = pure relevance (first-stage order), 0 = pure diversity. */
  lambda: number;
}

/** Returns the selected candidates (with their first-stage scores) in selection order. */
export function maximalMarginalRelevance({ candidates, vectorOf, k, lambda }: MmrOptions): Scored[] {
  if (lambda < 0 || lambda > 1 || Number.isNaN(lambda))
    throw new RangeError(`mmr lambda must be in [0, 1], got ${lambda}`);
  const n = candidates.length;
  const take = Math.min(k, n);
  if (take === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const c of candidates) {
    min = Math.min(min, c.score);
    max = Math.max(max, c.score);
  }
  const relevance = candidates.map((c) => (max > min ? (c.score - min) / (max - min) : 1));
  const vectors = candidates.map((c) => vectorOf(c.label));
  // Each vector's squared norm once, summed as cosine() used to sum it per pair (same bits).
  const squaredNorms = vectors.map(squaredNorm);
  const maxSimilarity = new Float64Array(n).fill(-Infinity);
  const picked = new Uint8Array(n);
  const selected: Scored[] = [];
  while (selected.length < take) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < n; i++) {
      if (picked[i]) continue;
      const redundancy = selected.length === 0 ? 0 : maxSimilarity[i];
      const value = lambda * relevance[i] - (1 - lambda) * redundancy;
      // Strictly greater: ties keep the earlier (higher-ranked) candidate.
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    picked[best] = 1;
    selected.push(candidates[best]);
    for (let i = 0; i < n; i++) {
      if (!picked[i])
        maxSimilarity[i] = Math.max(
          maxSimilarity[i],
          cosine(vectors[i], vectors[best], squaredNorms[i], squaredNorms[best]),
        );
    }
  }
  return selected;
}

function squaredNorm(a: Float32Array): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += a[j] * a[j];
  return sum;
}

function cosine(a: Float32Array, b: Float32Array, na: number, nb: number): number {
  let dot = 0;
  for (let j = 0; j < a.length; j++) dot += a[j] * b[j];
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
