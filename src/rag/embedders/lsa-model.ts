// Latent semantic analysis over a corpus (Deerwester et al. 1990): a TF-IDF chunk × term matrix,
// truncated by SVD to its `rank` strongest directions. Terms that occur in the same chunks share
// directions, so a text lands near chunks about the same topic even when they share no word —
// the signal BM25, which only matches words, cannot give. Texts are folded in the standard way:
// their TF-IDF vector times the right singular vectors (for a corpus chunk that is its row of UΣ).
import { contentTerms } from '../../text/analyze.js';
import { internTerms } from './interned-terms.js';
import type { InternedTerms } from './interned-terms.js';
import { truncatedSvd } from './truncated-svd.js';
import type { SparseRows } from './sparse-rows.js';

/** Plain data, stored with the index. */
export interface LsaModel {
  rank: number;
  /** The vocabulary: most frequent first (ties by term), so a capped vocabulary keeps the common words. */
  terms: string[];
  /** Smoothed IDF per term, ln((N + 1) / (df + 1)) + 1, as the hash embedder weighs features. */
  idf: Float32Array;
  /** Row-major terms × rank: each term's coordinates in the latent space. */
  projection: Float32Array;
}

export interface FitLsaModelOptions {
  rank: number;
  seed?: number;
  /** Subspace iterations of the randomized SVD (see truncated-svd.ts). */
  powerIterations?: number;
  /** Vocabulary cap; bounds the stored projection (terms × rank floats). */
  maxTerms?: number;
  /** Called as each stage ends, with its name (profiling only). */
  onStage?: (stage: string) => void;
}

/** 32k terms × 128 dimensions is 16 MB of projection: the most a saved index should carry. */
export const DEFAULT_MAX_TERMS = 32_768;

export function fitLsaModel(texts: readonly string[], options: FitLsaModelOptions): LsaModel {
  return fitLsaModelOnInterned(internTerms(texts.map((text) => contentTerms(text))), options);
}

/**
 * fitLsaModel on texts already analysed and numbered (interned-terms.ts), so a caller that needs
 * the terms for something else too (the lexical part's IDF) analyses each text once.
 */
export function fitLsaModelOnInterned(corpus: InternedTerms, options: FitLsaModelOptions): LsaModel {
  const { rank } = options;
  const { terms: names, tokens } = corpus;
  const n = tokens.length;
  const stage = options.onStage ?? (() => {});
  const df = new Uint32Array(names.length);
  const seenIn = new Int32Array(names.length).fill(-1);
  tokens.forEach((ids, d) => {
    for (const id of ids)
      if (seenIn[id] !== d) {
        seenIn[id] = d;
        df[id]++;
      }
  });
  const kept = Array.from(names.keys())
    .sort((a, b) => df[b] - df[a] || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0))
    .slice(0, options.maxTerms ?? DEFAULT_MAX_TERMS);
  const terms = kept.map((id) => names[id]);
  const idf = Float32Array.from(kept, (id) => Math.log((n + 1) / (df[id] + 1)) + 1);
  // column[id]: the term's position in the kept vocabulary, or -1 past the cap.
  const column = new Int32Array(names.length).fill(-1);
  kept.forEach((id, c) => {
    column[id] = c;
  });
  stage('vocabulary, document frequencies, cap');

  // The TF-IDF rows, as createTermWeigher weighs a text (same values, same order).
  const offsets = new Uint32Array(n + 1);
  const rows: { columns: Uint32Array; weights: Float64Array }[] = [];
  const tf = new Uint32Array(terms.length);
  for (let d = 0; d < n; d++) {
    const present: number[] = [];
    for (const id of tokens[d]) {
      const c = column[id];
      if (c < 0) continue;
      if (tf[c]++ === 0) present.push(c);
    }
    const columns = Uint32Array.from(present).sort();
    const weights = new Float64Array(columns.length);
    let norm = 0;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      const w = (1 + Math.log(tf[c])) * idf[c];
      tf[c] = 0;
      weights[i] = w;
      norm += w * w;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < weights.length; i++) weights[i] *= scale;
    rows.push({ columns, weights });
    offsets[d + 1] = offsets[d] + columns.length;
  }
  const indices = new Uint32Array(offsets[n]);
  const values = new Float64Array(offsets[n]);
  rows.forEach(({ columns, weights }, d) => {
    indices.set(columns, offsets[d]);
    values.set(weights, offsets[d]);
  });
  const matrix: SparseRows = { rows: n, cols: terms.length, offsets, indices, values };
  stage('TF-IDF matrix (CSR)');
  const svd = truncatedSvd(matrix, {
    rank,
    seed: options.seed ?? 42,
    powerIterations: options.powerIterations,
    onStage: options.onStage,
  });

  // Directions beyond the corpus's own rank (tiny corpora) stay 0, so the dimension never varies.
  const found = svd.singularValues.length;
  const projection = new Float32Array(terms.length * rank);
  for (let t = 0; t < terms.length; t++) {
    for (let j = 0; j < found; j++) projection[t * rank + j] = svd.right[t * found + j];
  }
  stage('projection (float32 copy)');
  return { rank, terms, idf, projection };
}

/** Writes the L2-normalised latent vector of `text` into `out` (length rank); all 0 when no term is known. */
export function createLsaProjector(model: LsaModel): (text: string, out: Float32Array) => void {
  const { rank, projection } = model;
  const weigh = createTermWeigher(model.terms, model.idf);
  const acc = new Float64Array(rank);
  return (text, out) => {
    const { ids, weights } = weigh(contentTerms(text));
    acc.fill(0);
    for (let i = 0; i < ids.length; i++) {
      const row = ids[i] * rank;
      const w = weights[i];
      for (let j = 0; j < rank; j++) acc[j] += w * projection[row + j];
    }
    let norm = 0;
    for (let j = 0; j < rank; j++) norm += acc[j] * acc[j];
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < rank; j++) out[j] = acc[j] * scale;
  };
}

/** Sublinear tf × IDF over the known terms, L2-normalised so long chunks do not dominate the SVD. */
function createTermWeigher(
  terms: readonly string[],
  idf: Float32Array,
): (docTerms: readonly string[]) => { ids: number[]; weights: number[] } {
  const ids = new Map(terms.map((term, i) => [term, i]));
  return (docTerms) => {
    const counts = new Map<number, number>();
    for (const term of docTerms) {
      const id = ids.get(term);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // Ascending term id: a stable order, and sequential reads of the projection.
    const sorted = Array.from(counts.keys()).sort((a, b) => a - b);
    const weights = sorted.map((id) => (1 + Math.log(counts.get(id)!)) * idf[id]);
    let norm = 0;
    for (const w of weights) norm += w * w;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return { ids: sorted, weights: weights.map((w) => w * scale) };
  };
}
