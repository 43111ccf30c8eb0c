// Builds an HNSW store from all vectors at once. hnswlib-node inserts on one thread, and one
// 10k x 512 graph takes ~5 s, so large inputs are cut into contiguous shards built in parallel
// worker threads (each writes its graph to a temp file; a search thread reads the first half of
// them and the main thread the rest, hnsw-shard-thread.ts).
// The shard count depends only on the number of vectors, never on the machine, so results are
// the same everywhere; the number of workers only changes how fast they are built.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RuntimeFailure } from '../../core/errors.js';
import type { InProcessVectorStore } from '../vector-store.js';
import {
  DEFAULT_EF_CONSTRUCTION,
  DEFAULT_EF_SEARCH,
  createHnswStore,
  createShardedHnswStore,
  hnswlib,
  threadShardCount,
} from './hnsw-store.js';
import { openHnswShardThread } from './hnsw-shard-thread.js';
import type { HnswParams, HnswShard } from './hnsw-store.js';

/** Vectors per shard before a corpus is split; query cost grows with the shard count, so few. */
export const HNSW_SHARD_SIZE = 8192;
export const HNSW_MAX_SHARDS = 4;

export interface BuildHnswStoreOptions extends HnswParams {
  dimension: number;
  /**
   * Row-major, `count × dimension`. Or a function that hands the matrix over: the build then
   * holds its only reference and drops it once every shard has its copy, so the matrix is not
   * still resident (200 MB at 100k × 512) when the built graphs are read back.
   */
  vectors: Float32Array | (() => Float32Array);
  /** Parallel workers; default min(shards, available cores). Does not change the result. */
  workers?: number;
  /** Override of HNSW_SHARD_SIZE (tests). */
  shardSize?: number;
  /** Search half the graphs on a worker thread; default when there is more than one core. */
  searchThread?: boolean;
}

export function hnswShardCount(count: number, shardSize = HNSW_SHARD_SIZE): number {
  return Math.max(1, Math.min(HNSW_MAX_SHARDS, Math.ceil(count / shardSize)));
}

export async function buildHnswStore(options: BuildHnswStoreOptions): Promise<InProcessVectorStore> {
  const { dimension, m = 16, efConstruction = DEFAULT_EF_CONSTRUCTION, seed = 42 } = options;
  const efSearch = options.efSearch ?? DEFAULT_EF_SEARCH;
  let vectors: Float32Array | undefined =
    typeof options.vectors === 'function' ? options.vectors() : options.vectors;
  const count = vectors.length / dimension;
  const shards = hnswShardCount(count, options.shardSize);
  if (shards === 1) {
    const store = createHnswStore({
      dimension,
      m,
      efConstruction,
      seed,
      efSearch,
      maxElements: Math.max(1, count),
    });
    const rows: Float32Array[] = [];
    const all = vectors;
    for (let i = 0; i < count; i++) rows.push(all.subarray(i * dimension, (i + 1) * dimension));
    store.add(rows);
    return store;
  }
  const ranges = Array.from({ length: shards }, (_, i) => ({
    from: Math.floor((i * count) / shards),
    to: Math.floor(((i + 1) * count) / shards),
  }));
  const dir = await mkdtemp(join(tmpdir(), 'evalgate-hnsw-'));
  try {
    const files = ranges.map((_, i) => join(dir, `shard-${i}.bin`));
    let cut = 0;
    const jobs = ranges.map((range, i) => () => {
      // Each shard gets its own copy (transferred to its worker), cut when its build starts.
      const slice = (vectors as Float32Array).slice(range.from * dimension, range.to * dimension);
      if (++cut === shards) vectors = undefined;
      return buildShardInWorker({
        modulePath: createRequire(import.meta.url).resolve('hnswlib-node'),
        dimension,
        from: range.from,
        vectors: slice,
        m,
        efConstruction,
        seed: seed + i,
        file: files[i],
      });
    });
    await runLimited(jobs, Math.max(1, options.workers ?? Math.min(shards, availableParallelism())));
    // The first graphs go to a search thread (which reads them itself), the rest to this one.
    const split = threadShardCount(shards, options.searchThread);
    const thread =
      split > 0
        ? openHnswShardThread({
            dimension,
            shards: ranges.slice(0, split).map((r, i) => ({ file: files[i], from: r.from })),
          })
        : undefined;
    let graphs: HnswShard[];
    try {
      graphs = ranges.slice(split).map((range, i) => {
        const index = new (hnswlib().HierarchicalNSW)('cosine', dimension);
        index.readIndexSync(files[split + i]);
        return { index, from: range.from };
      });
    } catch (error) {
      // The thread is still reading the same folder: end it once it is up (and hear its failure).
      await thread?.then(
        (t) => t.close(),
        () => {},
      );
      throw error;
    }
    return createShardedHnswStore(graphs, dimension, efSearch, await thread);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface ShardJob {
  modulePath: string;
  dimension: number;
  from: number;
  vectors: Float32Array;
  m: number;
  efConstruction: number;
  seed: number;
  file: string;
}

// Plain JavaScript evaluated in the worker, so it runs the same from TypeScript sources (tests)
// and from the compiled package.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { HierarchicalNSW } = require(workerData.modulePath);
const { dimension, from, vectors, m, efConstruction, seed, file } = workerData;
const count = vectors.length / dimension;
const index = new HierarchicalNSW('cosine', dimension);
index.initIndex(Math.max(1, count), m, efConstruction, seed);
const row = new Array(dimension);
for (let i = 0; i < count; i++) {
  for (let j = 0; j < dimension; j++) row[j] = vectors[i * dimension + j];
  index.addPoint(row, from + i);
}
index.writeIndexSync(file);
parentPort.postMessage('done');
`;

function buildShardInWorker(job: ShardJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: job,
      transferList: [job.vectors.buffer as ArrayBuffer],
    });
    worker.once('message', () => resolve());
    worker.once('error', (error) =>
      reject(new RuntimeFailure('INDEX_BUILD_FAILED', `HNSW shard build failed: ${error.message}`)),
    );
    worker.once('exit', (code) => {
      if (code !== 0)
        reject(new RuntimeFailure('INDEX_BUILD_FAILED', `HNSW shard worker exited with code ${code}`));
    });
  });
}

async function runLimited(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, jobs.length) }, async () => {
    while (next < jobs.length) await jobs[next++]();
  });
  await Promise.all(lanes);
}
