import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import type { Rng } from '../../core/rng.js';
import type { InProcessVectorStore as VectorStore } from '../vector-store.js';
import { buildHnswStore } from './build-hnsw-store.js';
import { createExactStore } from './exact-store.js';
import { DEFAULT_EF_SEARCH, createHnswStore, loadHnswStore } from './hnsw-store.js';

const DIM = 64;
const dir = mkdtempSync(join(tmpdir(), 'evalgate-hnsw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gaussianVectors(rng: Rng, count: number): Float32Array[] {
  return Array.from({ length: count }, () => {
    const v = new Float32Array(DIM);
    for (let j = 0; j < DIM; j++)
      v[j] = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    return v;
  });
}

function recallAt10(approx: VectorStore, exact: VectorStore, queries: Float32Array[]): number {
  let found = 0;
  for (const q of queries) {
    const truth = new Set(exact.search(q, 10).map((h) => h.label));
    found += approx.search(q, 10).filter((h) => truth.has(h.label)).length;
  }
  return found / (queries.length * 10);
}

const rng = createRng(2024);
const data = gaussianVectors(rng, 5000);
const queries = gaussianVectors(rng, 200);
const exact = createExactStore({ dimension: DIM });
exact.add(data);

describe('HNSW store', () => {
  const hnsw = createHnswStore({ dimension: DIM, seed: 1, maxElements: 1000 });
  hnsw.add(data); // grows past maxElements by resizing

  it(`reaches recall@10 >= 0.99 against exact search at the default efSearch (${DEFAULT_EF_SEARCH})`, () => {
    expect(hnsw.size).toBe(5000);
    expect(recallAt10(hnsw, exact, queries)).toBeGreaterThanOrEqual(0.99);
  });

  it('scores with cosine similarity, best first', () => {
    const hits = hnsw.search(data[42], 5);
    expect(hits[0].label).toBe(42);
    expect(hits[0].score).toBeCloseTo(1, 5);
    const exactHits = exact.search(data[42], 5);
    hits.forEach((h, i) => expect(h.score).toBeCloseTo(exactHits[i].score, 5));
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('saves and loads to the same results', async () => {
    await hnsw.save(dir);
    const loaded = await loadHnswStore(dir, { dimension: DIM });
    expect(loaded.size).toBe(5000);
    for (const q of queries.slice(0, 20)) expect(loaded.search(q, 10)).toEqual(hnsw.search(q, 10));
    expect(Array.from(loaded.vector!(7))).toEqual(Array.from(hnsw.vector!(7)));
  });

  it('builds shards in parallel workers, deterministically, with the same recall', async () => {
    const flat = new Float32Array(data.length * DIM);
    data.forEach((v, i) => flat.set(v, i * DIM));
    const sharded = await buildHnswStore({ dimension: DIM, vectors: flat, seed: 1, shardSize: 2000 });
    expect(sharded.size).toBe(5000);
    expect(recallAt10(sharded, exact, queries)).toBeGreaterThanOrEqual(0.99);
    const again = await buildHnswStore({
      dimension: DIM,
      vectors: flat,
      seed: 1,
      shardSize: 2000,
      workers: 1,
    });
    for (const q of queries.slice(0, 20)) expect(again.search(q, 10)).toEqual(sharded.search(q, 10));
    // Every label maps back to its own vector across shard boundaries.
    for (const label of [0, 1999, 2000, 4999]) expect(sharded.search(data[label], 1)[0].label).toBe(label);
  });

  it('takes the matrix handed over by a function, building the same shards as from the array', async () => {
    const flat = new Float32Array(600 * DIM);
    data.slice(0, 600).forEach((v, i) => flat.set(v, i * DIM));
    const options = { dimension: DIM, seed: 3, shardSize: 200 };
    const fromArray = await buildHnswStore({ ...options, vectors: flat });
    let calls = 0;
    const handedOver = await buildHnswStore({
      ...options,
      vectors: () => {
        calls++;
        return flat.slice();
      },
    });
    expect(calls).toBe(1);
    expect(handedOver.size).toBe(600);
    for (const q of queries.slice(0, 10)) expect(handedOver.search(q, 10)).toEqual(fromArray.search(q, 10));
  });

  it('returns fewer hits when asked for more than it holds', () => {
    const small = createHnswStore({ dimension: DIM, maxElements: 3 });
    small.add(data.slice(0, 3));
    expect(small.search(queries[0], 10)).toHaveLength(3);
    expect(() => small.search(new Float32Array(3), 1)).toThrow(RangeError);
  });
});
