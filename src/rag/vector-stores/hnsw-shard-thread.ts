// A worker thread that holds some of a sharded HNSW store's graphs (read from their files, so the
// graphs live once in the process, in that thread) and searches them while the main thread
// searches the others: a 100k-chunk store is four graphs, and one query's four beam searches are
// most of a hybrid query's CPU. Calls are synchronous, so the store port stays synchronous: the
// request goes over a MessagePort, the caller blocks in Atomics.wait until the reply is posted,
// then takes it with receiveMessageOnPort. The worker runs the same hnswlib calls on the same
// graphs as the main thread would, so results are identical; only the thread differs.
// Beside a search, the thread can rank a range of a hybrid query's BM25 documents (the
// retriever's lexical side, lexical-share.ts): the postings are shared memory, attached once, and
// the scorer is bm25-top-k.ts's own code (its source text), so the ranking is the same.
import { createRequire } from 'node:module';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { RuntimeFailure } from '../../core/errors.js';
import type { SharedPostings } from '../lexical-share.js';
import type { Scored } from '../top-k.js';
import type { VectorHit } from '../vector-store.js';
import {
  DEAD,
  EF,
  FLAGS,
  HITS,
  K,
  LEX_FROM,
  LEX_HITS,
  LEX_K,
  LEX_TERMS,
  LEX_TO,
  SHARED_HITS,
  SHARED_TERMS,
  WORKER_SOURCE,
} from './hnsw-shard-worker-source.js';

export interface ShardFile {
  file: string;
  /** The first label in this graph. */
  from: number;
}

/** A BM25 range ranked on the thread beside a search; the search's finish function sets `hits`. */
export interface ThreadLexical {
  postings: SharedPostings;
  terms: Int32Array;
  weights: Float64Array;
  k: number;
  from: number;
  to: number;
  /** The exact top k of documents from ≤ d < to, best first (set when the search finishes). */
  hits?: Scored[];
}

export interface HnswShardThread {
  /** Vectors in each of the thread's graphs, in the order given. */
  readonly counts: readonly number[];
  /** The first label of each of the thread's graphs. */
  readonly froms: readonly number[];
  /**
   * Starts a search of every graph the thread holds (k per graph, beam max(efSearch, k)); the
   * returned function blocks until the hits are back. One search or call at a time: a search
   * whose function is never called has its reply dropped by the next call.
   */
  startSearch(query: Float32Array, k: number, efSearch: number, lexical?: ThreadLexical): () => VectorHit[];
  /**
   * Whether startSearch can take this BM25 range: its terms and k fit the shared buffers, and the
   * thread holds these postings (attached here on first use). A thread that could not attach them
   * (its scorer failed to load) is never offered BM25 again: the caller ranks on its own thread.
   */
  canRank(terms: number, k: number, postings: SharedPostings): boolean;
  /** The stored vector of a label held by the thread. */
  point(label: number): Float32Array;
  /**
   * Starts fetching the stored vectors of labels held by the thread (one round trip); the
   * returned function blocks until they are back.
   */
  startPoints(labels: readonly number[]): () => Float32Array[];
  /** Writes graph i to files[i]. */
  save(files: readonly string[]): void;
  /** Ends the thread (its graphs are freed with it). */
  close(): void;
  /** For tests: makes the thread end as a crash would. */
  crashForTest(): void;
}

/**
 * A reply slower than this means the thread is stuck (a 25k-graph search takes milliseconds; a
 * thread that ends says so at once, see DEAD). The caller's event loop is blocked meanwhile, so
 * this bounds how long a request's own timeout can be held off.
 */
const REPLY_TIMEOUT_MS = 10_000;

export async function openHnswShardThread(options: {
  dimension: number;
  shards: readonly ShardFile[];
  /** For tests: hits the shared reply buffer holds (default SHARED_HITS). */
  sharedHits?: number;
}): Promise<HnswShardThread> {
  const { dimension, shards } = options;
  const capacity = options.sharedHits ?? SHARED_HITS;
  const { port1, port2 } = new MessageChannel();
  const flags = new Int32Array(new SharedArrayBuffer(FLAGS * 4));
  Atomics.store(flags, LEX_TERMS, -1);
  const lexTerms = new Int32Array(new SharedArrayBuffer(SHARED_TERMS * 4));
  const lexWeights = new Float64Array(new SharedArrayBuffer(SHARED_TERMS * 8));
  const lexHits = new Float64Array(new SharedArrayBuffer(capacity * 2 * 8));
  const sharedQuery = new Float32Array(new SharedArrayBuffer(dimension * 4));
  const sharedHits = new Float64Array(new SharedArrayBuffer(capacity * 2 * 8));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      modulePath: createRequire(import.meta.url).resolve('hnswlib-node'),
      dimension,
      shards,
      port: port2,
      signal: flags.buffer,
      query: sharedQuery.buffer,
      hits: sharedHits.buffer,
      lexTerms: lexTerms.buffer,
      lexWeights: lexWeights.buffer,
      lexHits: lexHits.buffer,
    },
    transferList: [port2],
  });
  const counts = await new Promise<number[]>((resolve, reject) => {
    worker.once('message', (message: { counts: number[] }) => resolve(message.counts));
    worker.once('error', (error) =>
      reject(
        new RuntimeFailure('INDEX_CORRUPT', `cannot read HNSW graph in search thread: ${error.message}`),
      ),
    );
    worker.once('exit', (code) =>
      reject(new RuntimeFailure('INDEX_CORRUPT', `HNSW search thread exited (${code})`)),
    );
  });
  worker.removeAllListeners();
  // A thread that fails later is reported through the shared flags (and the next call's error);
  // an unheard 'error' event would otherwise end the whole process.
  worker.on('error', () => {});
  // Idle, the thread must not keep the process alive.
  worker.unref();
  port1.unref();
  /** The reply still owed by the thread, when a caller started a search and never finished it. */
  let owed: number | undefined;
  let closed = false;
  // Why the thread is no longer used, for the next caller (the failure may have been an abandoned call's).
  let closedBecause = 'the HNSW search thread was closed';

  const signal = (): void => {
    Atomics.add(flags, 0, 1);
    Atomics.notify(flags, 0);
  };
  /**
   * Posts one request (`write` puts it in the shared buffers or on the port) and returns the
   * function that waits for its reply: the hits in the shared buffer, or -1 for a message.
   */
  const send = (write: () => void): (() => number) => {
    // An abandoned split-phase search: its reply is taken and dropped, so it is never read as
    // this call's. (The thread answers in order, one request at a time.)
    if (owed !== undefined && !closed) {
      try {
        if (awaitReply(owed) < 0) receiveMessageOnPort(port1 as MessagePort);
      } catch {
        // A failure belongs to the abandoned call; a dead thread is seen below as closed.
      }
    }
    if (closed) throw new RuntimeFailure('INDEX_CLOSED', closedBecause);
    const expected = Atomics.load(flags, 1) + 1;
    // Owed only once the request is out: a write that throws (a message that cannot be posted)
    // sent nothing, and a reply waited for would never come.
    write();
    owed = expected;
    signal();
    return () => {
      if (owed !== expected) throw new Error('HNSW search thread: this reply was already taken or dropped');
      return awaitReply(expected);
    };
  };
  const readMessage = (): Record<string, unknown> => {
    const reply = receiveMessageOnPort(port1 as MessagePort)?.message as Record<string, unknown>;
    if (typeof reply?.error === 'string')
      throw new RuntimeFailure('VECTOR_SEARCH_FAILED', `HNSW search thread: ${reply.error}`);
    return reply;
  };
  const request = (message: object): Record<string, unknown> => {
    send(() => port1.postMessage(message))();
    return readMessage();
  };
  /** The thread is not used again (a late reply would be taken for the next call's). */
  const fail = (why: string): never => {
    closed = true;
    closedBecause = `the HNSW search thread ${why}, and is not used again`;
    void worker.terminate();
    throw new RuntimeFailure('VECTOR_SEARCH_FAILED', `the HNSW search thread ${why}`);
  };
  const awaitReply = (expected: number): number => {
    try {
      const started = performance.now();
      while (Atomics.load(flags, 1) < expected) {
        if (Atomics.load(flags, DEAD) === 1) fail('ended');
        if (performance.now() - started > REPLY_TIMEOUT_MS) fail('stopped answering');
        Atomics.wait(flags, 1, expected - 1, 100);
      }
      return Atomics.load(flags, HITS);
    } finally {
      owed = undefined;
    }
  };

  const threadTotal = counts.reduce((a, b) => a + b, 0);
  /** The postings the thread holds (sent once; the arrays are shared, not copied). */
  let attached: SharedPostings | undefined;
  let cannotRank = false;
  const canRank = (terms: number, k: number, postings: SharedPostings): boolean => {
    if (cannotRank || terms > SHARED_TERMS || k > capacity) return false;
    if (postings === attached) return true;
    try {
      request({ op: 'bm25', postings });
      attached = postings;
      return true;
    } catch {
      // The scorer runs from its source text in the thread: a build step that rewrites it (name
      // helpers, coverage counters) breaks it there. BM25 then stays on the caller's thread; a
      // thread that died fails the dense search on its own.
      cannotRank = true;
      return false;
    }
  };
  return {
    counts,
    froms: shards.map((s) => s.from),
    canRank,
    startSearch(query, k, efSearch, lexical) {
      // The shared slot is an Int32: a k past the thread's vectors (Infinity, 2^31) would wrap.
      const wanted = Math.min(k, threadTotal);
      if (lexical) {
        if (!canRank(lexical.terms.length, lexical.k, lexical.postings))
          throw new RangeError('BM25 range not taken by the search thread (ask canRank first)');
      }
      const collect = send(() => {
        sharedQuery.set(query);
        Atomics.store(flags, K, wanted);
        Atomics.store(flags, EF, efSearch);
        if (lexical) {
          lexTerms.set(lexical.terms);
          lexWeights.set(lexical.weights);
          Atomics.store(flags, LEX_K, lexical.k);
          Atomics.store(flags, LEX_FROM, lexical.from);
          Atomics.store(flags, LEX_TO, lexical.to);
          Atomics.store(flags, LEX_TERMS, lexical.terms.length);
        } else Atomics.store(flags, LEX_TERMS, -1);
      });
      return () => {
        const count = collect();
        // A message is an error (thrown here) or more hits than the shared buffer holds.
        const message = count < 0 ? (readMessage() as { labels: number[]; scores: number[] }) : undefined;
        if (lexical) {
          const n = Atomics.load(flags, LEX_HITS);
          const hits: Scored[] = new Array(n);
          for (let i = 0; i < n; i++) hits[i] = { label: lexHits[i], score: lexHits[capacity + i] };
          lexical.hits = hits;
        }
        if (message) return message.labels.map((label, i) => ({ label, score: message.scores[i] }));
        const hits: VectorHit[] = new Array(count);
        for (let i = 0; i < count; i++) hits[i] = { label: sharedHits[i], score: sharedHits[capacity + i] };
        return hits;
      };
    },
    point(label) {
      return Float32Array.from((request({ op: 'point', label }) as { point: number[] }).point);
    },
    startPoints(labels) {
      const collect = send(() => port1.postMessage({ op: 'points', labels: [...labels] }));
      return () => {
        collect();
        const { matrix } = readMessage() as { matrix: Float32Array };
        return labels.map((_, i) => matrix.subarray(i * dimension, (i + 1) * dimension));
      };
    },
    save(files) {
      request({ op: 'save', files: [...files] });
    },
    close() {
      if (closed) return;
      port1.postMessage({ op: 'close' });
      signal();
      closed = true;
    },
    crashForTest() {
      port1.postMessage({ op: 'exit-for-test' });
      signal();
    },
  };
}
