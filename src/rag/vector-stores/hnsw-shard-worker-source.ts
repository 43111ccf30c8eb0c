// The search thread's half of hnsw-shard-thread.ts: the layout of the flags both threads share,
// the sizes of the shared buffers, and the worker's own code as plain JavaScript text.
import { BM25_SCORER_SOURCE } from '../bm25-top-k.js';

// Shared flags: [0] requests posted, [1] replies posted, [2] 1 once the thread has ended,
// [3] a search's k, [4] its efSearch, [5] the hits written to the shared buffer (-1: the reply is
// a message on the port: an error, or more hits than the buffer holds), [6] the BM25 range's
// term count (-1: none), [7] its k, [8] and [9] its documents from and to, [10] its hits. A
// request is a message on the port when there is one (they are read first, in order), else the
// search in the shared buffers.
export const DEAD = 2;
export const K = 3;
export const EF = 4;
export const HITS = 5;
export const LEX_TERMS = 6;
export const LEX_K = 7;
export const LEX_FROM = 8;
export const LEX_TO = 9;
export const LEX_HITS = 10;
export const FLAGS = 11;
/** Query terms a BM25 range shares through memory (a longer query is ranked on the caller). */
export const SHARED_TERMS = 256;
/**
 * Hits the shared reply buffer holds (2 graphs × a pool of 50 are 100); a larger reply (a deep
 * search) comes as a message.
 */
export const SHARED_HITS = 1024;

// Plain JavaScript evaluated in the worker, so it runs the same from TypeScript sources (tests)
// and from the compiled package. A search goes through shared memory both ways (the query
// vector in, labels and scores out), not through a message: no copy, nothing serialized.
export const WORKER_SOURCE = `
const { workerData, parentPort, receiveMessageOnPort } = require('node:worker_threads');
const { HierarchicalNSW } = require(workerData.modulePath);
const { dimension, shards, port, signal } = workerData;
const flags = new Int32Array(signal);
const sharedQuery = new Float32Array(workerData.query);
const sharedHits = new Float64Array(workerData.hits);
const capacity = sharedHits.length / 2;
const lexTerms = new Int32Array(workerData.lexTerms);
const lexWeights = new Float64Array(workerData.lexWeights);
const lexHits = new Float64Array(workerData.lexHits);
const createBm25Scorer = (${BM25_SCORER_SOURCE});
let bm25 = null;
// Ranks documents [from, to) for the query in the shared term buffers; hits to lexHits.
const rankRange = () => {
  const n = Atomics.load(flags, ${LEX_TERMS});
  if (n < 0) return;
  Atomics.store(flags, ${LEX_TERMS}, -1);
  if (!bm25) throw new Error('no BM25 postings attached');
  const query = [];
  for (let i = 0; i < n; i++) query.push({ term: lexTerms[i], weight: lexWeights[i] });
  const range = { from: Atomics.load(flags, ${LEX_FROM}), to: Atomics.load(flags, ${LEX_TO}) };
  const hits = bm25.topK(query, Atomics.load(flags, ${LEX_K}), undefined, range);
  for (let h = 0; h < hits.length; h++) {
    lexHits[h] = hits[h].label;
    lexHits[capacity + h] = hits[h].score;
  }
  Atomics.store(flags, ${LEX_HITS}, hits.length);
};
// However the thread ends (crash, exit), the caller blocked in Atomics.wait learns it at once.
const ended = () => {
  Atomics.store(flags, ${DEAD}, 1);
  Atomics.notify(flags, 1);
};
process.on('exit', ended);
const graphs = shards.map(({ file, from }) => {
  const index = new HierarchicalNSW('cosine', dimension);
  index.readIndexSync(file);
  return { index, from, to: from + index.getCurrentCount(), ef: -1 };
});
parentPort.postMessage({ counts: graphs.map((g) => g.index.getCurrentCount()) });
// Searches every graph (k per graph, beam max(efSearch, k)); hits go to the shared buffer when
// they fit (returns their count), else to a message (returns -1).
const search = (query, k, efSearch) => {
  let bound = 0;
  for (const graph of graphs) bound += Math.max(0, Math.min(k, graph.to - graph.from));
  const shared = bound <= capacity;
  const labels = shared ? undefined : [];
  const scores = shared ? undefined : [];
  let count = 0;
  for (const graph of graphs) {
    const n = Math.min(k, graph.to - graph.from);
    if (n <= 0) continue;
    const ef = Math.max(efSearch, n);
    if (ef !== graph.ef) {
      graph.index.setEf(ef);
      graph.ef = ef;
    }
    const { distances, neighbors } = graph.index.searchKnn(query, n);
    for (let h = 0; h < neighbors.length; h++) {
      if (shared) {
        sharedHits[count] = neighbors[h];
        sharedHits[capacity + count] = 1 - distances[h];
      } else {
        labels.push(neighbors[h]);
        scores.push(1 - distances[h]);
      }
      count++;
    }
  }
  if (shared) return count;
  port.postMessage({ labels, scores });
  return -1;
};
const handle = (request) => {
  if (request.op === 'point') {
    const graph = graphs.find((g) => request.label >= g.from && request.label < g.to);
    if (!graph) throw new RangeError('no vector with label ' + request.label);
    return { point: graph.index.getPoint(request.label) };
  }
  if (request.op === 'points') {
    // One matrix, transferred (not copied) back.
    const matrix = new Float32Array(request.labels.length * dimension);
    request.labels.forEach((label, i) => {
      const graph = graphs.find((g) => label >= g.from && label < g.to);
      if (!graph) throw new RangeError('no vector with label ' + label);
      matrix.set(graph.index.getPoint(label), i * dimension);
    });
    return { matrix, transfer: [matrix.buffer] };
  }
  if (request.op === 'bm25') {
    const { offsets, docs, freqs, norms, k1 } = request.postings;
    bm25 = createBm25Scorer({ offsets, docs, freqs }, norms, k1);
    return {};
  }
  if (request.op === 'save') {
    graphs.forEach((g, i) => g.index.writeIndexSync(request.files[i]));
    return {};
  }
  // For tests: the thread ends as a crash would end it.
  if (request.op === 'exit-for-test') process.exit(1);
  throw new Error('unknown request ' + request.op);
};
let seen = 0;
try {
for (;;) {
  // One request per count, so none is missed when two are posted before this thread wakes.
  while (Atomics.load(flags, 0) === seen) Atomics.wait(flags, 0, seen);
  seen++;
  let hits = -1;
  const received = receiveMessageOnPort(port);
  if (received) {
    if (received.message.op === 'close') break;
    let reply;
    try {
      reply = handle(received.message);
    } catch (error) {
      reply = { error: String(error && error.message ? error.message : error) };
    }
    port.postMessage(reply, reply.transfer);
  } else {
    try {
      // The BM25 range first: if it fails, one error message is the reply.
      rankRange();
      hits = search(Array.from(sharedQuery), Atomics.load(flags, ${K}), Atomics.load(flags, ${EF}));
    } catch (error) {
      port.postMessage({ error: String(error && error.message ? error.message : error) });
    }
  }
  Atomics.store(flags, ${HITS}, hits);
  Atomics.add(flags, 1, 1);
  Atomics.notify(flags, 1);
}
} finally {
  ended();
}
port.close();
`;
