// The offline embedder `local/hash@<dim>`: signed feature hashing (the hash's sign bit decides
// +/-, so colliding features cancel in expectation instead of piling up) of term, bigram and
// character-n-gram features, weighted by sublinear tf × IDF learned from the corpus. Each feature
// group is L2-normalised before mixing so long texts' many n-grams cannot drown the terms.
// Deterministic, dependency-free, and fast enough to embed ~10k chunks in well under a second.
import { RuntimeFailure } from '../../core/errors.js';
import type { Embedder } from '../embedder.js';
import type { EmbedderFactory } from '../embedder-factory.js';
import { FeatureCounter } from './feature-counter.js';
import { contentTerms } from '../../text/analyze.js';
import { FEATURE_GROUPS, countHashFeatures } from './hash-features.js';
import { fitHashEmbedderIdfOnInterned, idfSlot } from './hash-idf.js';
import type { HashEmbedderIdf } from './hash-idf.js';
import { internTerms } from './interned-terms.js';

export type { HashEmbedderIdf } from './hash-idf.js';

export interface HashEmbedderOptions {
  dimension?: number;
  idf?: HashEmbedderIdf;
}

/** Unigrams carry the topic; bigrams (phrases) and n-grams (inflections, typos) refine it. */
const GROUP_WEIGHTS = [1, 0.5, 0.6];
const STATE_VERSION = 1;
/** Bump when the features or weights change, so saved indexes are rebuilt (embedder-factory.ts). */
const HASH_EMBEDDER_ALGORITHM = 1;

export function createHashEmbedder(options: HashEmbedderOptions = {}): Embedder {
  const dimension = options.dimension ?? 512;
  if (!Number.isInteger(dimension) || dimension < 8)
    throw new RangeError(`hash embedder dimension must be an integer >= 8, got ${dimension}`);
  const weights = options.idf ? idfWeights(options.idf) : undefined;
  const shift = options.idf ? 32 - Math.log2(options.idf.df.length) : 0;
  const counter = new FeatureCounter();
  const acc = new Float64Array(FEATURE_GROUPS * dimension);

  const embedInto = (text: string, out: Float32Array): void => {
    countHashFeatures(text, counter);
    acc.fill(0);
    for (let i = 0; i < counter.size; i++) {
      const key = counter.key(i);
      const idf = weights ? weights[idfSlot(key, shift)] : 1;
      const w = (1 + Math.log(counter.count(i))) * idf;
      const bucket = (key >>> 1) % dimension;
      acc[counter.group(i) * dimension + bucket] += key & 1 ? -w : w;
    }
    for (let g = 0; g < FEATURE_GROUPS; g++) {
      const offset = g * dimension;
      let norm = 0;
      for (let j = 0; j < dimension; j++) norm += acc[offset + j] * acc[offset + j];
      if (norm === 0) continue;
      const scale = GROUP_WEIGHTS[g] / Math.sqrt(norm);
      for (let j = 0; j < dimension; j++) out[j] += acc[offset + j] * scale;
    }
    let norm = 0;
    for (let j = 0; j < dimension; j++) norm += out[j] * out[j];
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let j = 0; j < dimension; j++) out[j] *= scale;
    }
  };

  return {
    id: `local/hash@${dimension}`,
    dimension,
    embed: async (texts) => {
      // One backing buffer per batch: thousands of small allocations cost more than the math.
      const buffer = new Float32Array(texts.length * dimension);
      return texts.map((text, i) => {
        const out = buffer.subarray(i * dimension, (i + 1) * dimension);
        embedInto(text, out);
        return out;
      });
    },
  };
}

export function fitHashEmbedderIdf(texts: readonly string[]): HashEmbedderIdf {
  return fitHashEmbedderIdfOnInterned(internTerms(texts.map((text) => contentTerms(text))));
}

export interface HashEmbedderFactoryOptions {
  dimension?: number;
  /** Learn IDF weights from the corpus at build time (default true). */
  idf?: boolean;
}

export function createHashEmbedderFactory(options: HashEmbedderFactoryOptions = {}): EmbedderFactory {
  const dimension = options.dimension ?? 512;
  const factory: EmbedderFactory = {
    id: `local/hash@${dimension}`,
    dimension,
    algorithmVersion: HASH_EMBEDDER_ALGORITHM,
    create: (state) =>
      createHashEmbedder({ dimension, idf: state ? decodeHashEmbedderIdf(state) : undefined }),
  };
  if (options.idf === false) return factory;
  return { ...factory, fit: (texts) => encodeHashEmbedderIdf(fitHashEmbedderIdf(texts)) };
}

export function encodeHashEmbedderIdf(idf: HashEmbedderIdf): Uint8Array {
  const words = new Uint32Array(2 + idf.df.length);
  words[0] = STATE_VERSION;
  words[1] = idf.documentCount;
  words.set(idf.df, 2);
  return new Uint8Array(words.buffer);
}

export function decodeHashEmbedderIdf(bytes: Uint8Array): HashEmbedderIdf {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 2);
  if (words[0] !== STATE_VERSION || words.length < 3)
    throw new RuntimeFailure(
      'INDEX_CORRUPT',
      'unsupported or damaged hash embedder state; rebuild the index',
    );
  const df = words.subarray(2);
  if ((df.length & (df.length - 1)) !== 0)
    throw new RuntimeFailure(
      'INDEX_CORRUPT',
      'damaged hash embedder state (IDF table cut short); rebuild the index',
    );
  return { documentCount: words[1], df };
}

/** Smoothed IDF, ln((N + 1) / (df + 1)) + 1: unseen features get the largest weight, none get 0. */
function idfWeights(idf: HashEmbedderIdf): Float32Array {
  const { documentCount, df } = idf;
  if (df.length === 0 || (df.length & (df.length - 1)) !== 0)
    throw new RangeError('IDF table length must be a power of two');
  const weights = new Float32Array(df.length);
  for (let i = 0; i < df.length; i++) weights[i] = Math.log((documentCount + 1) / (df[i] + 1)) + 1;
  return weights;
}
