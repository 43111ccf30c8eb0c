// Brute-force cosine search: the oracle for HNSW tests and the right choice for small corpora,
// where scanning a few thousand vectors takes well under a millisecond and recall is exactly 1.
import { join } from 'node:path';
import { RuntimeFailure } from '../../core/errors.js';
import { readColumns, writeColumns } from '../binary-columns.js';
import { topK } from '../top-k.js';
import type { InProcessVectorStore, VectorHit } from '../vector-store.js';

export const EXACT_VECTORS_FILE = 'vectors.bin';

export interface ExactStoreOptions {
  dimension: number;
}

export function createExactStore(options: ExactStoreOptions, initial?: Float32Array): InProcessVectorStore {
  const { dimension } = options;
  let matrix = initial ?? new Float32Array(dimension * 256);
  let size = initial ? initial.length / dimension : 0;

  const scores = (query: Float32Array): Float32Array => {
    const out = new Float32Array(size);
    for (let row = 0; row < size; row++) {
      const offset = row * dimension;
      let dot = 0;
      for (let j = 0; j < dimension; j++) dot += matrix[offset + j] * query[j];
      out[row] = dot;
    }
    return out;
  };

  return {
    kind: 'exact',
    get size() {
      return size;
    },
    add(vectors) {
      const needed = (size + vectors.length) * dimension;
      if (needed > matrix.length) {
        const grown = new Float32Array(Math.max(needed, matrix.length * 2));
        grown.set(matrix.subarray(0, size * dimension));
        matrix = grown;
      }
      for (const vector of vectors) {
        checkDimension(vector, dimension);
        matrix.set(normalized(vector), size * dimension);
        size++;
      }
    },
    search(vector, k): VectorHit[] {
      checkDimension(vector, dimension);
      const s = scores(normalized(vector));
      return topK(size, Math.min(k, size), (i) => s[i]);
    },
    vector(label) {
      return matrix.slice(label * dimension, (label + 1) * dimension);
    },
    async save(dir) {
      await writeColumns(
        join(dir, EXACT_VECTORS_FILE),
        { dimension, size },
        { vectors: matrix.subarray(0, size * dimension) },
      );
    },
  };
}

export async function loadExactStore(dir: string, options: ExactStoreOptions): Promise<InProcessVectorStore> {
  const file = join(dir, EXACT_VECTORS_FILE);
  const { meta, columns } = await readColumns<{ dimension: number; size: number }>(file);
  const vectors = columns.vectors;
  if (
    meta.dimension !== options.dimension ||
    !(vectors instanceof Float32Array) ||
    vectors.length !== meta.size * meta.dimension
  ) {
    throw new RuntimeFailure(
      'INDEX_CORRUPT',
      `${file}: expected ${options.dimension}-dimensional float32 vectors`,
    );
  }
  return createExactStore(options, vectors);
}

/** Unit length, so a dot product is the cosine; the zero vector stays zero (similarity 0 to all). */
export function normalized(vector: Float32Array): Float32Array {
  let norm = 0;
  for (let j = 0; j < vector.length; j++) norm += vector[j] * vector[j];
  if (norm === 0 || Math.abs(norm - 1) < 1e-6) return vector;
  const out = new Float32Array(vector.length);
  const scale = 1 / Math.sqrt(norm);
  for (let j = 0; j < vector.length; j++) out[j] = vector[j] * scale;
  return out;
}

export function checkDimension(vector: Float32Array, dimension: number): void {
  if (vector.length !== dimension)
    throw new RangeError(`expected a ${dimension}-dimensional vector, got ${vector.length}`);
}
