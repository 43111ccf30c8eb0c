// The offline embedder `local/lsa@<rank>`: a vector in two parts, 256 hashed lexical dimensions
// (the `local/hash` features: terms, bigrams, character n-grams) followed by `rank` latent
// dimensions from LSA fitted on the corpus at index-build time. The lexical part keeps exact
// wording and typos; the latent part adds what BM25 lacks — topical neighbours that share no
// word with the query — so hybrid retrieval fuses two lists that disagree for a reason. It
// embeds each chunk with its document title (as BM25 indexes it), since the title names the
// topic that later chunks of a document no longer repeat. Deterministic: the SVD is seeded.
import { RuntimeFailure } from '../../core/errors.js';
import { decodeColumns, encodeColumns } from '../binary-columns.js';
import type { ColumnFile } from '../binary-columns.js';
import type { Embedder } from '../embedder.js';
import type { EmbedderFactory } from '../embedder-factory.js';
import { contentTerms } from '../../text/analyze.js';
import { createHashEmbedder } from './hash-embedder.js';
import { fitHashEmbedderIdfOnInterned } from './hash-idf.js';
import type { HashEmbedderIdf } from './hash-idf.js';
import { internTerms } from './interned-terms.js';
import { DEFAULT_MAX_TERMS, createLsaProjector, fitLsaModelOnInterned } from './lsa-model.js';
import type { LsaModel } from './lsa-model.js';

export const DEFAULT_LSA_RANK = 128;
const LEXICAL_DIMENSION = 256;
/**
 * Share of the latent part in the cosine (0.8² = 64%; the lexical part gets 0.6² = 36%).
 * Latent-heavy because BM25 already covers exact wording in hybrid mode. Tuned on the sample
 * project: every weight from 0.6 to 1 made hybrid beat both single modes; 0.8 did best pooled.
 */
const LATENT_WEIGHT = 0.8;
const LEXICAL_WEIGHT = Math.sqrt(1 - LATENT_WEIGHT * LATENT_WEIGHT);
const STATE_VERSION = 1;
/** Bump when the features, weights or fitting change, so saved indexes are rebuilt (embedder-factory.ts). */
const LSA_EMBEDDER_ALGORITHM = 6;

/** What `fit` learns: the lexical part's IDF table and the latent model. */
export interface LsaEmbedderState {
  idf: HashEmbedderIdf;
  model: LsaModel;
}

export function createLsaEmbedder(state: LsaEmbedderState): Embedder {
  const { rank } = state.model;
  const dimension = LEXICAL_DIMENSION + rank;
  const lexical = createHashEmbedder({ dimension: LEXICAL_DIMENSION, idf: state.idf });
  const project = createLsaProjector(state.model);
  const latent = new Float32Array(rank);
  return {
    id: lsaEmbedderId(rank),
    dimension,
    embed: async (texts) => {
      const lexicalVectors = await lexical.embed(texts);
      const buffer = new Float32Array(texts.length * dimension);
      return texts.map((text, i) => {
        const out = buffer.subarray(i * dimension, (i + 1) * dimension);
        const words = lexicalVectors[i];
        for (let j = 0; j < LEXICAL_DIMENSION; j++) out[j] = words[j] * LEXICAL_WEIGHT;
        project(text, latent);
        for (let j = 0; j < rank; j++) out[LEXICAL_DIMENSION + j] = latent[j] * LATENT_WEIGHT;
        normalize(out);
        return out;
      });
    },
  };
}

export function fitLsaEmbedderState(
  texts: readonly string[],
  options: { rank?: number; seed?: number; maxTerms?: number; onStage?: (stage: string) => void } = {},
): LsaEmbedderState {
  const stage = options.onStage ?? (() => {});
  // Each text is analysed once, for both parts.
  const corpus = internTerms(texts.map((text) => contentTerms(text)));
  stage('text analysis (contentTerms), term ids');
  const idf = fitHashEmbedderIdfOnInterned(corpus);
  stage('lexical part: hashed-feature IDF');
  const model = fitLsaModelOnInterned(corpus, {
    rank: options.rank ?? DEFAULT_LSA_RANK,
    seed: options.seed,
    maxTerms: options.maxTerms,
    onStage: options.onStage,
  });
  return { idf, model };
}

export interface LsaEmbedderFactoryOptions {
  /** Latent dimensions (default 128); the vectors are 256 longer. */
  rank?: number;
  /**
   * Vocabulary cap (default 32,768): the latent part keeps the terms in the most chunks (ties by
   * term). Bounds the stored projection (terms × rank floats) and the fit's sparse products.
   */
  maxTerms?: number;
}

export function createLsaEmbedderFactory(options: LsaEmbedderFactoryOptions = {}): EmbedderFactory {
  const rank = options.rank ?? DEFAULT_LSA_RANK;
  if (!Number.isInteger(rank) || rank < 1)
    throw new RangeError(`LSA rank must be a positive integer, got ${rank}`);
  const maxTerms = options.maxTerms ?? DEFAULT_MAX_TERMS;
  if (!Number.isInteger(maxTerms) || maxTerms < 1)
    throw new RangeError(`LSA vocabulary cap must be a positive integer, got ${maxTerms}`);
  // A non-default cap fits other vectors, so it is part of the id (and so of the index key).
  const id = lsaEmbedderId(rank) + (maxTerms === DEFAULT_MAX_TERMS ? '' : `,max_terms=${maxTerms}`);
  return {
    id,
    dimension: LEXICAL_DIMENSION + rank,
    withTitle: true,
    algorithmVersion: LSA_EMBEDDER_ALGORITHM,
    fit: (texts) => encodeLsaEmbedderState(fitLsaEmbedderState(texts, { rank, maxTerms })),
    create: (state) => {
      if (!state)
        throw new RuntimeFailure(
          'INDEX_MISMATCH',
          `${id} is fitted to a corpus; build the index to create it`,
        );
      const decoded = decodeLsaEmbedderState(state);
      if (decoded.model.rank !== rank)
        throw new RuntimeFailure(
          'INDEX_MISMATCH',
          `the saved ${lsaEmbedderId(decoded.model.rank)} state cannot serve ${id}; rebuild the index`,
        );
      if (decoded.model.terms.length > maxTerms)
        throw new RuntimeFailure(
          'INDEX_MISMATCH',
          `the saved local/lsa state keeps ${decoded.model.terms.length} terms, more than ${id} allows; rebuild the index`,
        );
      return { ...createLsaEmbedder(decoded), id };
    },
  };
}

interface StateMeta {
  version: number;
  rank: number;
  documentCount: number;
  terms: string[];
}

export function encodeLsaEmbedderState(state: LsaEmbedderState): Uint8Array {
  const { idf, model } = state;
  const meta: StateMeta = {
    version: STATE_VERSION,
    rank: model.rank,
    documentCount: idf.documentCount,
    terms: model.terms,
  };
  return encodeColumns(meta, { df: idf.df, termIdf: model.idf, projection: model.projection });
}

export function decodeLsaEmbedderState(bytes: Uint8Array): LsaEmbedderState {
  const source = 'local/lsa embedder state';
  let decoded: ColumnFile<StateMeta>;
  try {
    decoded = decodeColumns<StateMeta>(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), source);
  } catch (error) {
    // A cut-off file fails inside the header JSON; report it as the damaged index it is.
    if (error instanceof RuntimeFailure) throw error;
    throw new RuntimeFailure(
      'INDEX_CORRUPT',
      `${source} is damaged (${(error as Error).message}); rebuild the index`,
    );
  }
  const { meta, columns } = decoded;
  const { df, termIdf, projection } = columns;
  const valid =
    meta !== null &&
    typeof meta === 'object' &&
    Array.isArray(meta.terms) &&
    meta.version === STATE_VERSION &&
    df instanceof Uint32Array &&
    termIdf instanceof Float32Array &&
    projection instanceof Float32Array &&
    termIdf.length === meta.terms.length &&
    projection.length === meta.terms.length * meta.rank;
  if (!valid)
    throw new RuntimeFailure(
      'INDEX_CORRUPT',
      `${source} is from another version or damaged; rebuild the index`,
    );
  return {
    idf: { documentCount: meta.documentCount, df },
    model: { rank: meta.rank, terms: meta.terms, idf: termIdf, projection },
  };
}

function lsaEmbedderId(rank: number): string {
  return `local/lsa@${rank}`;
}

function normalize(vector: Float32Array): void {
  let norm = 0;
  for (let j = 0; j < vector.length; j++) norm += vector[j] * vector[j];
  if (norm === 0) return;
  const scale = 1 / Math.sqrt(norm);
  for (let j = 0; j < vector.length; j++) vector[j] *= scale;
}
