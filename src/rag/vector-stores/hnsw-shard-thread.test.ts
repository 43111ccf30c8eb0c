import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import type { InProcessVectorStore } from '../vector-store.js';
import { buildHnswStore } from './build-hnsw-store.js';
import { openHnswShardThread } from './hnsw-shard-thread.js';
import {
  DEFAULT_EF_SEARCH,
  createShardedHnswStore,
  hnswlib,
  loadHnswStore,
  threadShardCount,
} from './hnsw-store.js';

const DIM = 16;
const dir = mkdtempSync(join(tmpdir(), 'evalgate-hnsw-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rng = createRng(77);
const COUNT = 1500;
// Coarse values (multiples of 1/4 in a few dimensions), so many vectors coincide and scores tie:
// the merge across threads must still give one order.
const flat = new Float32Array(COUNT * DIM);
for (let i = 0; i < COUNT; i++)
  for (let j = 0; j < DIM; j++) flat[i * DIM + j] = j < 4 ? Math.floor(rng.next() * 4) / 4 + 0.25 : 0;
const queries = Array.from({ length: 60 }, (_, q) =>
  q < 30
    ? flat.slice(q * 37 * DIM, (q * 37 + 1) * DIM)
    : Float32Array.from({ length: DIM }, () => rng.next() - 0.5),
);

function same(a: InProcessVectorStore, b: InProcessVectorStore, k: number): void {
  for (const q of queries) expect(a.search(q, k)).toEqual(b.search(q, k));
}

describe('HNSW graphs searched on a worker thread', () => {
  const build = (searchThread: boolean, shardSize = 400) =>
    buildHnswStore({ dimension: DIM, vectors: flat, seed: 5, shardSize, searchThread });
  // Built once (four graphs each): the same graphs, searched on one thread or on two.
  let local: InProcessVectorStore;
  let threaded: InProcessVectorStore;
  beforeAll(async () => {
    [local, threaded] = await Promise.all([build(false), build(true)]);
  });

  it('gives the same hits, scores and order as searching every graph on this thread', () => {
    expect(threaded.size).toBe(COUNT);
    for (const k of [1, 7, 50]) same(local, threaded, k);
    // More than a graph holds: every vector of every graph, merged.
    expect(threaded.search(queries[0], 2000)).toEqual(local.search(queries[0], 2000));
    // Ties exist (coinciding vectors), and are broken by label.
    const hits = threaded.search(queries[0], 50);
    const tied = hits.filter((h, i) => i > 0 && h.score === hits[i - 1].score);
    expect(tied.length).toBeGreaterThan(0);
    hits.forEach((h, i) => {
      if (i > 0 && h.score === hits[i - 1].score) expect(h.label).toBeGreaterThan(hits[i - 1].label);
    });
    expect(threaded.search(queries[0], 0)).toEqual([]);
  });

  it('offers a split-phase search only with a thread, with the same hits as search', () => {
    expect(local.startSearch).toBeUndefined();
    // Past every stored vector too: the shared slot holding k is an Int32 (2^31 would wrap).
    for (const k of [1, 7, 50, 2 ** 31, Number.POSITIVE_INFINITY]) {
      for (const q of queries) {
        const finish = threaded.startSearch!(q, k);
        // Other work on this thread in between (BM25, in the retriever).
        const busy = local.search(q, k);
        expect(finish()).toEqual(busy);
      }
    }
    expect(threaded.startSearch!(queries[0], 0)()).toEqual([]);
    expect(() => threaded.startSearch!(new Float32Array(3), 5)).toThrow(RangeError);
  });

  it('drops the reply of a split-phase search that is never finished, and stays usable', () => {
    const abandoned = threaded.startSearch!(queries[1], 10);
    // The next call takes the thread's pending reply first; it is never mistaken for its own.
    expect(threaded.search(queries[2], 10)).toEqual(local.search(queries[2], 10));
    expect(() => abandoned()).toThrow(/already taken or dropped/);
    const finish = threaded.startSearch!(queries[3], 10);
    expect(Array.from(threaded.vector!(0))).toEqual(Array.from(local.vector!(0)));
    expect(() => finish()).toThrow(/already taken or dropped/);
    expect(threaded.search(queries[4], 10)).toEqual(local.search(queries[4], 10));
  });

  it('returns stored vectors from either thread, and rejects unknown labels', () => {
    for (const label of [0, 399, 400, 799, 800, 1499])
      expect(Array.from(threaded.vector!(label))).toEqual(Array.from(local.vector!(label)));
    expect(() => threaded.vector!(-1)).toThrow(RangeError);
    expect(() => threaded.vector!(COUNT)).toThrow();
  });

  it('saves and loads (threaded or not) to the same results', async () => {
    const saved = join(dir, 'saved');
    rmSync(saved, { recursive: true, force: true });
    mkdirSync(saved);
    await threaded.save(saved);
    expect(readdirSync(saved).sort()).toEqual([
      'hnsw-0.bin',
      'hnsw-1.bin',
      'hnsw-2.bin',
      'hnsw-3.bin',
      'hnsw.json',
    ]);
    const loadedThreaded = await loadHnswStore(saved, { dimension: DIM, searchThread: true });
    const loadedLocal = await loadHnswStore(saved, { dimension: DIM, searchThread: false });
    same(threaded, loadedThreaded, 10);
    same(threaded, loadedLocal, 10);
    expect(loadedThreaded.size).toBe(COUNT);
  });

  it('returns many stored vectors at once, with one round trip to the thread', async () => {
    const labels = [1499, 0, 812, 374, 375, 0, 1200, 20];
    expect(threaded.vectorsOf!(labels).map((v) => Array.from(v))).toEqual(
      labels.map((l) => Array.from(local.vector!(l))),
    );
    expect(local.vectorsOf!(labels).map((v) => Array.from(v))).toEqual(
      labels.map((l) => Array.from(local.vector!(l))),
    );
    expect(threaded.vectorsOf!([])).toEqual([]);
    expect(() => threaded.vectorsOf!([3, COUNT])).toThrow();
    expect(() => threaded.vectorsOf!([3, -1])).toThrow(RangeError);
    // Counted on a store over a thread whose calls are logged.
    const saved = join(dir, 'saved');
    const thread = await openHnswShardThread({
      dimension: DIM,
      shards: [0, 1].map((i) => ({ file: join(saved, `hnsw-${i}.bin`), from: i * 375 })),
    });
    const calls: string[] = [];
    const logged = {
      ...thread,
      point: (label: number) => {
        calls.push('point');
        return thread.point(label);
      },
      startPoints: (ls: readonly number[]) => {
        calls.push(`points ${ls.length}`);
        return thread.startPoints(ls);
      },
    };
    const graphs = [2, 3].map((i) => {
      const index = new (hnswlib().HierarchicalNSW)('cosine', DIM);
      index.readIndexSync(join(saved, `hnsw-${i}.bin`));
      return { index, from: i * 375 };
    });
    const store = createShardedHnswStore(graphs, DIM, DEFAULT_EF_SEARCH, logged);
    expect(store.vectorsOf!(labels).map((v) => Array.from(v))).toEqual(
      labels.map((l) => Array.from(local.vector!(l))),
    );
    expect(calls).toEqual(['points 5']);
    // A label the thread does not hold is an error from the thread, and the thread keeps answering.
    expect(() => thread.startPoints([0, 900])()).toThrow(/no vector with label 900/);
    expect(store.vectorsOf!([1, 1400]).map((v) => Array.from(v))).toEqual(
      [1, 1400].map((l) => Array.from(local.vector!(l))),
    );
    thread.close();
  });

  it('splits only stores of several graphs: the first half, rounded up, goes to the thread', () => {
    expect(threadShardCount(1, true)).toBe(0);
    expect(threadShardCount(2, true)).toBe(1);
    expect(threadShardCount(3, true)).toBe(2);
    expect(threadShardCount(4, true)).toBe(2);
    expect(threadShardCount(4, false)).toBe(0);
  });

  it('reports a graph file it cannot read as a corrupt index, and ends the thread when closed', async () => {
    await expect(
      openHnswShardThread({ dimension: DIM, shards: [{ file: join(dir, 'missing.bin'), from: 0 }] }),
    ).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    const saved = join(dir, 'saved');
    const thread = await openHnswShardThread({
      dimension: DIM,
      shards: [{ file: join(saved, 'hnsw-0.bin'), from: 0 }],
    });
    expect(thread.counts).toEqual([375]);
    expect(thread.startSearch(queries[0], 3, 50)()).toHaveLength(3);
    // An error in the thread comes back as one, and the thread keeps answering.
    expect(() => thread.point(5000)).toThrow(/search thread: no vector with label 5000/);
    expect(thread.point(3)).toHaveLength(DIM);
    thread.close();
    expect(() => thread.startSearch(queries[0], 3, 50)).toThrow(/closed/);
  });

  it('a thread that ends mid-call is reported at once (not after a long wait), and the process lives on', async () => {
    const thread = await openHnswShardThread({
      dimension: DIM,
      shards: [{ file: join(dir, 'saved', 'hnsw-0.bin'), from: 0 }],
    });
    thread.crashForTest();
    const started = performance.now();
    expect(() => thread.startSearch(queries[0], 3, 50)()).toThrow(/search thread ended|closed/);
    expect(performance.now() - started).toBeLessThan(5000);
    // Not used again: a late reply must never be taken for another call's.
    expect(() => thread.startSearch(queries[0], 3, 50)).toThrow(/search thread ended, and is not used again/);
    await new Promise((r) => setTimeout(r, 50));
  });

  it('a store whose thread dies reports it from the split-phase search, then refuses further searches', async () => {
    const saved = join(dir, 'saved');
    const thread = await openHnswShardThread({
      dimension: DIM,
      shards: [0, 1].map((i) => ({ file: join(saved, `hnsw-${i}.bin`), from: i * 375 })),
    });
    const graphs = [2, 3].map((i) => {
      const index = new (hnswlib().HierarchicalNSW)('cosine', DIM);
      index.readIndexSync(join(saved, `hnsw-${i}.bin`));
      return { index, from: i * 375 };
    });
    const store = createShardedHnswStore(graphs, DIM, DEFAULT_EF_SEARCH, thread);
    expect(store.startSearch!(queries[0], 5)()).toEqual(local.search(queries[0], 5));
    thread.crashForTest();
    const finish = store.startSearch!(queries[1], 5);
    expect(() => finish()).toThrow(expect.objectContaining({ code: 'VECTOR_SEARCH_FAILED' }));
    expect(() => store.startSearch!(queries[1], 5)).toThrow(
      expect.objectContaining({ code: 'INDEX_CLOSED' }),
    );
    expect(() => store.search(queries[1], 5)).toThrow(/search thread ended, and is not used again/);
    await new Promise((r) => setTimeout(r, 50));
  });

  it('returns a reply too large for the shared buffer as a message, with the same hits', async () => {
    const file = { file: join(dir, 'saved', 'hnsw-0.bin'), from: 0 };
    const [small, wide] = await Promise.all([
      openHnswShardThread({ dimension: DIM, shards: [file], sharedHits: 4 }),
      openHnswShardThread({ dimension: DIM, shards: [file] }),
    ]);
    for (const k of [3, 4, 5, 50, 375, 400]) {
      const hits = small.startSearch(queries[5], k, 50)();
      expect(hits).toEqual(wide.startSearch(queries[5], k, 50)());
      expect(hits).toHaveLength(Math.min(k, 375));
    }
    small.close();
    wide.close();
  });
});
