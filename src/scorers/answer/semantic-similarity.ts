// Semantic similarity: cosine between precomputed output and reference embeddings, max over references.
import { cosineSimilarity } from '../cosine-similarity.js';

/** null when the output vector or every reference vector is absent (or incomparable). */
export function semanticSimilarity(
  output: Float32Array | undefined,
  references: readonly Float32Array[] | undefined,
): number | null {
  if (!output || !references || references.length === 0) return null;
  let best: number | null = null;
  for (const reference of references) {
    const similarity = cosineSimilarity(output, reference);
    if (similarity !== null && (best === null || similarity > best)) best = similarity;
  }
  return best;
}
