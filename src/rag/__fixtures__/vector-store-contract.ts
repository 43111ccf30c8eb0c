// The contract every vector store passes (exact, hnswlib, pgvector): cosine ranking of
// normalised vectors with ties by label, k beyond the size, dimension checks, and recall@10
// against exact search on random data. Called from each store's test file.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import type { VectorStore } from '../vector-store.js';
import { createExactStore } from '../vector-stores/exact-store.js';

export interface VectorStoreContractOptions {
  /** A new, empty store of `dimension`. */
  create(dimension: number): Promise<VectorStore>;
  /** Smallest recall@10 accepted on 2,000 random 32-dimensional vectors (1 for exact search). */
  minRecall: number;
}

function gaussian(seed: number, count: number, dimension: number): Float32Array[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const v = new Float32Array(dimension);
    for (let j = 0; j < dimension; j++)
      v[j] = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    return v;
  });
}

export function vectorStoreContract(name: string, options: VectorStoreContractOptions): void {
  describe(`${name}: vector store contract`, () => {
    it('ranks by cosine, normalising inputs, ties by label', async () => {
      const store = await options.create(2);
      await store.add([
        Float32Array.from([2, 0]),
        Float32Array.from([0, 1]),
        Float32Array.from([1, 1]),
        Float32Array.from([3, 0]),
      ]);
      expect(store.size).toBe(4);
      const hits = await store.search(Float32Array.from([1, 0]), 3);
      expect(hits.map((h) => h.label)).toEqual([0, 3, 2]);
      expect(hits[0].score).toBeCloseTo(1, 5);
      expect(hits[2].score).toBeCloseTo(Math.SQRT1_2, 5);
      expect(await store.search(Float32Array.from([0, 2]), 1)).toEqual([
        { label: 1, score: expect.closeTo(1, 5) },
      ]);
    });

    it('returns every vector when k exceeds the size, and nothing for k = 0', async () => {
      const store = await options.create(3);
      await store.add([Float32Array.from([1, 0, 0]), Float32Array.from([0, 1, 0])]);
      expect(await store.search(Float32Array.from([1, 1, 0]), 10)).toHaveLength(2);
      expect(await store.search(Float32Array.from([1, 1, 0]), 0)).toEqual([]);
    });

    it('rejects a vector of the wrong dimension', async () => {
      const store = await options.create(3);
      await expect(async () => store.add([Float32Array.from([1, 0])])).rejects.toThrow(/dimension|3/);
      await store.add([Float32Array.from([1, 0, 0])]);
      await expect(async () => store.search(Float32Array.from([1, 0]), 1)).rejects.toThrow(/dimension|3/);
    });

    it(`finds the exact top 10 with recall >= ${options.minRecall} on random vectors`, async () => {
      const data = gaussian(11, 2000, 32);
      const queries = gaussian(12, 50, 32);
      const store = await options.create(32);
      await store.add(data);
      const exact = createExactStore({ dimension: 32 });
      exact.add(data);
      let found = 0;
      for (const q of queries) {
        const truth = new Set(exact.search(q, 10).map((h) => h.label));
        const hits = await store.search(q, 10);
        expect(hits).toHaveLength(10);
        found += hits.filter((h) => truth.has(h.label)).length;
      }
      expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(options.minRecall);
    });
  });
}
