// Approximate cosine search over hnswlib-node (HNSW graphs, native). Cosine space returns
// distance = 1 - cos, so score = 1 - distance. A store is one or more graphs ("shards") over
// contiguous label ranges, searched together and merged; large corpora are built as several
// shards in parallel (build-hnsw-store.ts). With several graphs and a second core, the first half
// of the graphs is held and searched by a worker thread while this thread searches the rest
// (hnsw-shard-thread.ts): the same searches, so the same hits; the wall time saved depends on
// the graphs' size (measured at 100k chunks in docs/performance.md; nothing at 10k-20k). Such a
// store also offers a split-phase search (the retriever runs BM25 while the thread searches) and
// fetches many vectors in one round trip (`vectorsOf`, for MMR). The native addon is loaded on
// first use so commands that never touch an index do not pay for it.
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { HnswIndex, HnswlibModule } from './hnswlib-types.js';
import { RuntimeFailure } from '../../core/errors.js';
import type { LexicalShare } from '../lexical-share.js';
import { mergeTopK } from '../merge-top-k.js';
import { compareScored } from '../top-k.js';
import type { Scored } from '../top-k.js';
import type { InProcessVectorStore, VectorHit } from '../vector-store.js';
import { checkDimension } from './exact-store.js';
import { requireHnswlib } from './hnswlib-loader.js';
import { openHnswShardThread } from './hnsw-shard-thread.js';
import type { HnswShardThread, ThreadLexical } from './hnsw-shard-thread.js';

export const HNSW_META_FILE = 'hnsw.json';

/**
 * Query-time beam width, per graph. Measured recall@10 against exact search (M=16,
 * efConstruction=200): one graph of 10k hash-embedded chunks (512 dims) 0.984 at ef=128 and
 * 0.995 at ef=200; the same corpus as two shards 0.994 / 0.999; 5k random 64-dim Gaussian
 * vectors 0.985 / 0.996. At 100k chunks (four shards of 25k, the scale bench's corpus and 200
 * of its queries): recall@10 0.989 / 0.976 / 0.965 / 0.939 at ef 200 / 128 / 96 / 64, for a
 * search of the hybrid pool (k = 50) costing 6.5 / 4.7 / 3.3 / 2.5 ms of CPU at load 14 (two
 * larger shards were no better: 0.976 at ef 200 for 4.1 ms). 200 stays the default: 128 would
 * take ~30 % off the largest part of a hybrid query, but recall@50 (the hybrid pool's depth) falls
 * from 0.973 to 0.949 at 100k, it was measured on hash vectors only, and a changed default would
 * invalidate every accepted serving baseline. Lower it per project with `rag.hnsw.ef_search`.
 */
export const DEFAULT_EF_SEARCH = 200;

/**
 * Build-time beam. Insertion cost grows with it and dominates a 100k-chunk build, but a lower
 * beam builds a worse graph: at efSearch 200, recall@10 on the scale bench's 20k hash-embedded
 * chunks was 0.996 at 200, 0.994 at 100 and 0.984 at 64 (build CPU 21.5 / 13.6 / 12.9 s); at
 * 100k chunks 0.978 at 200 and 0.972 at 100 (build CPU 156 / 122 s; docs/performance.md,
 * "100k chunks"). So 200 stays.
 */
export const DEFAULT_EF_CONSTRUCTION = 200;

export interface HnswParams {
  /** Graph degree; 16 is hnswlib's recommended default for 100-1000 dims. */
  m?: number;
  /** Build-time beam (default DEFAULT_EF_CONSTRUCTION): the graph's quality, and most of the build cost. */
  efConstruction?: number;
  efSearch?: number;
  /** Seeds the level assignment, so the same inputs build the same graph. */
  seed?: number;
}

export interface HnswStoreOptions extends HnswParams {
  dimension: number;
  /** Initial capacity; the graph grows by doubling when it fills up. */
  maxElements?: number;
}

export interface HnswShard {
  index: HnswIndex;
  /** The first label in this graph; labels are contiguous from here. */
  from: number;
}

interface HnswMeta {
  dimension: number;
  shards: { file: string; from: number; count: number }[];
}

export function hnswlib(): HnswlibModule {
  return requireHnswlib();
}

/** A single in-memory graph, filled with `add`. */
export function createHnswStore(options: HnswStoreOptions): InProcessVectorStore {
  const { dimension, m = 16, efConstruction = DEFAULT_EF_CONSTRUCTION, seed = 42 } = options;
  const index = new (hnswlib().HierarchicalNSW)('cosine', dimension);
  index.initIndex({
    maxElements: Math.max(1, options.maxElements ?? 1024),
    m,
    efConstruction,
    randomSeed: seed,
  });
  return createShardedHnswStore([{ index, from: 0 }], dimension, options.efSearch ?? DEFAULT_EF_SEARCH);
}

export async function loadHnswStore(
  dir: string,
  options: { dimension: number; efSearch?: number; searchThread?: boolean },
): Promise<InProcessVectorStore> {
  const metaFile = join(dir, HNSW_META_FILE);
  let meta: HnswMeta;
  try {
    meta = JSON.parse(await readFile(metaFile, 'utf8')) as HnswMeta;
  } catch (error) {
    throw new RuntimeFailure('INDEX_CORRUPT', `${metaFile}: cannot read (${(error as Error).message})`);
  }
  if (meta.dimension !== options.dimension) {
    throw new RuntimeFailure(
      'INDEX_CORRUPT',
      `${metaFile}: expected ${options.dimension} dimensions, found ${meta.dimension}`,
    );
  }
  const files = meta.shards.map(({ file, from, count }) => ({ file: join(dir, file), from, count }));
  const split = threadShardCount(files.length, options.searchThread);
  // The thread reads its graphs while this thread reads the others.
  const thread =
    split > 0 ? openHnswShardThread({ dimension: meta.dimension, shards: files.slice(0, split) }) : undefined;
  const shards = files.slice(split).map(({ file, from, count }) => {
    const index = new (hnswlib().HierarchicalNSW)('cosine', options.dimension);
    try {
      index.readIndexSync(file);
    } catch (error) {
      thread?.then(
        (t) => t.close(),
        () => {},
      );
      throw new RuntimeFailure(
        'INDEX_CORRUPT',
        `${file}: cannot read HNSW graph (${(error as Error).message})`,
      );
    }
    if (index.getCurrentCount() !== count) {
      thread?.then(
        (t) => t.close(),
        () => {},
      );
      throw new RuntimeFailure('INDEX_CORRUPT', `${file}: expected ${count} vectors`);
    }
    return { index, from };
  });
  const searchThread = await thread;
  if (searchThread) {
    const bad = files.findIndex((f, i) => i < split && searchThread.counts[i] !== f.count);
    if (bad >= 0) {
      searchThread.close();
      throw new RuntimeFailure('INDEX_CORRUPT', `${files[bad].file}: expected ${files[bad].count} vectors`);
    }
  }
  return createShardedHnswStore(
    shards,
    options.dimension,
    options.efSearch ?? DEFAULT_EF_SEARCH,
    searchThread,
  );
}

/**
 * How many of a store's graphs (the first ones) a search thread holds: half, rounded up, when
 * there are several graphs and a second core to search them on; `wanted` forces it on or off.
 */
export function threadShardCount(shards: number, wanted?: boolean): number {
  const use = wanted ?? availableParallelism() > 1;
  return use && shards > 1 ? Math.ceil(shards / 2) : 0;
}

// A store dropped without close() still ends its thread.
const threads = new FinalizationRegistry<HnswShardThread>((thread) => thread.close());

/**
 * `shards` are searched on this thread; `thread` holds the graphs before them (labels from 0),
 * searched at the same time on a worker thread.
 */
export function createShardedHnswStore(
  shards: HnswShard[],
  dimension: number,
  efSearch: number,
  thread?: HnswShardThread,
): InProcessVectorStore {
  const efs = shards.map(() => -1);
  const threadCount = thread ? thread.counts.reduce((sum, n) => sum + n, 0) : 0;
  const total = (): number => shards.reduce((sum, s) => sum + s.index.getCurrentCount(), threadCount);
  const shardOf = (label: number): HnswShard | undefined => {
    for (let i = shards.length - 1; i >= 0; i--) if (label >= shards[i].from) return shards[i];
    if (thread && label >= 0 && label < threadCount) return undefined;
    throw new RangeError(`no vector with label ${label}`);
  };
  const store: InProcessVectorStore = {
    kind: 'hnsw',
    get size() {
      return total();
    },
    add(vectors) {
      // New vectors go to the last graph (always on this thread), keeping labels contiguous.
      const last = shards[shards.length - 1];
      const { index } = last;
      const needed = index.getCurrentCount() + vectors.length;
      if (needed > index.getMaxElements()) index.resizeIndex(Math.max(needed, index.getMaxElements() * 2));
      let label = last.from + index.getCurrentCount();
      const row = new Array<number>(dimension);
      for (const vector of vectors) {
        checkDimension(vector, dimension);
        for (let j = 0; j < dimension; j++) row[j] = vector[j];
        index.addPoint(row, label++);
      }
    },
    search(vector, k): VectorHit[] {
      return begin(vector, k)();
    },
    vector(label) {
      const shard = shardOf(label);
      return shard ? Float32Array.from(shard.index.getPoint(label)) : thread!.point(label);
    },
    vectorsOf(labels) {
      const out = new Array<Float32Array>(labels.length);
      const remote: number[] = [];
      for (let i = 0; i < labels.length; i++) if (!shardOf(labels[i])) remote.push(i);
      // The thread's vectors in one round trip (MMR used to make one per candidate), fetched
      // while this thread reads its own: reading a vector out of hnswlib costs ~0.1 ms.
      const collect = remote.length > 0 ? thread!.startPoints(remote.map((i) => labels[i])) : undefined;
      try {
        labels.forEach((label, i) => {
          const shard = shardOf(label);
          if (shard) out[i] = Float32Array.from(shard.index.getPoint(label));
        });
      } finally {
        if (collect) {
          const points = collect();
          remote.forEach((i, j) => {
            out[i] = points[j];
          });
        }
      }
      return out;
    },
    async save(dir) {
      const meta: HnswMeta = { dimension, shards: [] };
      if (thread) {
        const files = thread.counts.map((count, i) => {
          meta.shards.push({ file: `hnsw-${i}.bin`, from: thread.froms[i], count });
          return join(dir, `hnsw-${i}.bin`);
        });
        thread.save(files);
      }
      const offset = meta.shards.length;
      for (let i = 0; i < shards.length; i++) {
        const file = `hnsw-${offset + i}.bin`;
        await shards[i].index.writeIndex(join(dir, file));
        meta.shards.push({ file, from: shards[i].from, count: shards[i].index.getCurrentCount() });
      }
      await writeFile(join(dir, HNSW_META_FILE), `${JSON.stringify(meta)}\n`);
    },
  };
  if (thread) {
    // Only a store with a thread gains from the split: the caller's work between the two calls
    // runs while the thread searches its graphs.
    store.startSearch = begin;
    threads.register(store, thread);
  }
  return store;

  function begin(vector: Float32Array, k: number, lexical?: LexicalShare): () => VectorHit[] {
    checkDimension(vector, dimension);
    // A hybrid query's BM25 side is split only when both threads search as many graphs (the
    // thread's half of the documents then evens the load; with an odd count the thread already
    // has the larger share of the graphs).
    const range: ThreadLexical | undefined =
      thread &&
      k > 0 &&
      lexical &&
      lexical.terms.length > 0 &&
      thread.counts.length === shards.length &&
      thread.canRank(lexical.terms.length, lexical.k, lexical.postings)
        ? {
            postings: lexical.postings,
            terms: lexical.terms,
            weights: lexical.weights,
            k: lexical.k,
            from: 0,
            to: Math.floor(lexical.size / 2),
          }
        : undefined;
    // The thread's graphs first, so both threads search at once.
    const collect = thread && k > 0 ? thread.startSearch(vector, k, efSearch, range) : undefined;
    if (range && lexical) lexical.taken = true;
    return () => {
      const hits: VectorHit[] = [];
      let local: Scored[] | undefined;
      try {
        // This thread's half of the BM25 documents, while the thread ranks the other.
        if (range && lexical) local = lexical.searchRange(range.to, lexical.size);
        const query = Array.from(vector);
        shards.forEach((shard, i) => {
          const n = Math.min(k, shard.index.getCurrentCount());
          if (n <= 0) return;
          // The beam must be at least as wide as the number of results asked for.
          const ef = Math.max(efSearch, n);
          if (ef !== efs[i]) {
            shard.index.setEf(ef);
            efs[i] = ef;
          }
          const { distances, neighbors } = shard.index.searchKnn(query, n);
          for (let h = 0; h < neighbors.length; h++)
            hits.push({ label: neighbors[h], score: 1 - distances[h] });
        });
      } finally {
        // Taken even when a search here failed, so the thread's reply never lingers.
        if (collect) for (const hit of collect()) hits.push(hit);
      }
      // Both ranges' exact top k, merged: the whole collection's top k (merge-top-k.ts).
      if (range && lexical && local) lexical.hits = mergeTopK(range.hits ?? [], local, lexical.k);
      // A total order (score, then label): the merge does not depend on which thread found what.
      return hits.sort(compareScored).slice(0, k);
    };
  }
}
