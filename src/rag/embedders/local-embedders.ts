// The offline embedders a config can name in `rag.embedder`, as a typed map from id to factory.
// `rag.embedding_dimension` is the vector size for `local/hash` and the latent rank for
// `local/lsa` (whose vectors carry 256 hashed lexical dimensions on top).
import { InputError } from '../../core/errors.js';
import type { EmbedderFactory } from '../embedder-factory.js';
import { createHashEmbedderFactory } from './hash-embedder.js';
import { DEFAULT_LSA_RANK, createLsaEmbedderFactory } from './lsa-embedder.js';

interface LocalEmbedderEntry {
  /** What `rag.embedding_dimension` means for this embedder, its default and its bounds. */
  dimension: { meaning: string; default: number; min: number; max: number };
  create(dimension: number, options: LocalEmbedderOptions): EmbedderFactory;
}

export const LOCAL_EMBEDDERS = {
  'local/hash': {
    dimension: { meaning: 'a vector size', default: 512, min: 8, max: 8192 },
    create: (dimension) => createHashEmbedderFactory({ dimension }),
  },
  'local/lsa': {
    // Past ~1k latent dimensions LSA is back to word matching, and the stored projection grows with it.
    dimension: { meaning: 'a latent rank', default: DEFAULT_LSA_RANK, min: 1, max: 1024 },
    create: (rank, options) => createLsaEmbedderFactory({ rank, maxTerms: options.lsaMaxTerms }),
  },
} satisfies Record<string, LocalEmbedderEntry>;

export type LocalEmbedderId = keyof typeof LOCAL_EMBEDDERS;

export function isLocalEmbedderId(id: string): id is LocalEmbedderId {
  return Object.hasOwn(LOCAL_EMBEDDERS, id);
}

export interface LocalEmbedderOptions {
  /** `rag.embedding_dimension`; the embedder's default when unset. */
  dimension?: number;
  /** `rag.lsa_max_terms`: local/lsa's vocabulary cap; its default when unset. */
  lsaMaxTerms?: number;
  /** Named in the error when the dimension is out of range. */
  configFile?: string;
}

/** The factory for a local embedder id, or undefined when the id names no local embedder. */
export function localEmbedderFactory(
  id: string,
  options: LocalEmbedderOptions = {},
): EmbedderFactory | undefined {
  if (!isLocalEmbedderId(id)) return undefined;
  const entry: LocalEmbedderEntry = LOCAL_EMBEDDERS[id];
  const { meaning, min, max } = entry.dimension;
  const dimension = options.dimension ?? entry.dimension.default;
  if (!Number.isInteger(dimension) || dimension < min || dimension > max) {
    throw new InputError({
      code: 'EMBEDDER_INVALID',
      file: options.configFile,
      field: 'rag.embedding_dimension',
      message: `${id} takes ${meaning} from ${min} to ${max}, got ${dimension}`,
    });
  }
  return entry.create(dimension, options);
}
