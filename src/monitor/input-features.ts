// Input-drift features computed per request at serve time (the log keeps no input text, so the
// monitor cannot compute them later) and for every eval input at `baseline accept`: the share
// of an input's content terms never seen in the corpus (out-of-vocabulary rate) and the cosine
// distance of its embedding from the centroid of the suite's eval inputs.
import type { Embedder } from '../rag/embedder.js';
import type { CorpusDocument } from '../rag/types.js';
import { contentTerms } from '../text/analyze.js';

export interface InputFeatures {
  oovRate: number | null;
  centroidDistance: number | null;
}

/** Every content term (lower-cased, stop words out, stemmed) of the corpus. */
export function corpusVocabulary(documents: readonly CorpusDocument[]): Set<string> {
  const vocabulary = new Set<string>();
  for (const d of documents) for (const t of contentTerms(`${d.title ?? ''} ${d.text}`)) vocabulary.add(t);
  return vocabulary;
}

/** Share of the text's content terms missing from the vocabulary; null without content terms. */
export function oovRate(text: string, vocabulary: ReadonlySet<string>): number | null {
  const terms = contentTerms(text);
  if (terms.length === 0) return null;
  let missing = 0;
  for (const t of terms) if (!vocabulary.has(t)) missing++;
  return missing / terms.length;
}

/** Mean of unit vectors, renormalised (the direction the eval inputs point in on average). */
export function centroidOf(vectors: readonly Float32Array[]): Float32Array {
  const c = new Float32Array(vectors[0]?.length ?? 0);
  for (const v of vectors) for (let i = 0; i < c.length; i++) c[i] += v[i];
  const norm = Math.hypot(...c);
  if (norm > 0) for (let i = 0; i < c.length; i++) c[i] /= norm;
  return c;
}

/** 1 − cosine similarity; both vectors unit length (embedders return L2-normalised vectors). */
export function cosineDistance(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return 1 - dot;
}

export async function inputFeatures(options: {
  texts: string[];
  vocabulary: ReadonlySet<string> | null;
  embedder: Embedder | null;
  centroid: Float32Array | null;
}): Promise<InputFeatures[]> {
  const { texts, vocabulary, embedder, centroid } = options;
  const vectors = embedder && centroid?.length ? await embedder.embed(texts) : null;
  return texts.map((text, i) => ({
    oovRate: vocabulary ? oovRate(text, vocabulary) : null,
    centroidDistance: vectors && centroid ? round(cosineDistance(vectors[i], centroid)) : null,
  }));
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
