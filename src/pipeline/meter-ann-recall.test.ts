import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import type { VectorStore } from '../rag/vector-store.js';
import { createExactStore } from '../rag/vector-stores/exact-store.js';
import { meterAnnRecall } from './meter-ann-recall.js';

const DIM = 8;
const COUNT = 5000; // more than one batch of the oracle's copy (1,024)
const rng = createRng(3);
const exact = createExactStore({ dimension: DIM });
exact.add(Array.from({ length: COUNT }, () => Float32Array.from({ length: DIM }, () => rng.next() - 0.5)));

/** An "hnsw" store answering with the exact store minus its best hit, logging vector reads. */
function store(calls: string[], batched: boolean): VectorStore {
  return {
    kind: 'hnsw',
    size: COUNT,
    add: () => {},
    save: async () => {},
    search: (v, k) => exact.search(v, k + 1).slice(1),
    vector: (label) => {
      calls.push('vector');
      return exact.vector!(label);
    },
    ...(batched
      ? {
          vectorsOf: (labels: readonly number[]) => {
            calls.push(`vectorsOf ${labels[0]}+${labels.length}`);
            return labels.map((l) => exact.vector!(l));
          },
        }
      : {}),
  };
}

describe('meterAnnRecall over an in-process HNSW store', () => {
  it('copies the vectors for its exact oracle in batches where the store can, with the same recall', async () => {
    const reports = [];
    for (const batched of [true, false]) {
      const calls: string[] = [];
      const metered = meterAnnRecall(store(calls, batched), 5, () => undefined, 1)!;
      for (let q = 0; q < 4; q++) await metered.store.search(exact.vector!(q * 100), 5);
      reports.push(metered.report());
      if (batched)
        expect(calls).toEqual([
          'vectorsOf 0+1024',
          'vectorsOf 1024+1024',
          'vectorsOf 2048+1024',
          'vectorsOf 3072+1024',
          'vectorsOf 4096+904',
        ]);
      else expect(calls).toHaveLength(COUNT);
    }
    // Each query's own vector is its best hit, which the store drops: 4 of the exact top 5.
    expect(reports[0]).toMatchObject({ sampledSearches: 4, recallAtK: 0.8 });
    expect(reports[1]).toEqual(reports[0]);
  });
});
