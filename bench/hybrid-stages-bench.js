// Where a hybrid query's time goes at scale: the scale bench's corpus and queries (scale-corpus.js),
// and for each query each stage of the retriever timed on its own (CPU of the whole process and
// wall time): embedding the query (local/hash), the vector store's search of the 50-candidate
// pool, the BM25 analyzer alone, BM25 top-k (analysis included), and the fusion. Then the whole
// retriever again, with the CPU time of each thread of the process read from /proc (Linux), so the
// part on the critical path (the main thread) is visible under load, when wall time is mostly
// waiting for a core. Per query it also reads the main and search threads' CPU time (schedstat)
// and prints their p50 and that of the larger of the two (the critical path once BM25 overlaps
// the thread's search), and the same for hybrid + MMR queries (mmrPerQueryMs).
//   node bench/hybrid-stages-bench.js [--chunks 100000] [--index DIR] [--rounds 3]
// --index DIR reuses (or, when absent, builds and saves) the index there, so repeated runs skip
// the build. Prints one JSON line.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  buildRagIndex,
  createRetriever,
  loadCorpus,
  loadRagIndex,
  localEmbedderFactory,
  reciprocalRankFusion,
  saveRagIndex,
} from '../dist/rag/index.js';
import { BM25_ANALYZERS } from '../dist/text/bm25-analyzers.js';
import { scaleCorpus } from './scale-corpus.js';

const argument = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const CHUNKS = Number(argument('--chunks', 100_000));
const ROUNDS = Number(argument('--rounds', 3));
const POOL = 50; // the hybrid pool at k = 10: max(50, 4k)
const { jsonl, queries } = scaleCorpus(CHUNKS, 200);
const factory = localEmbedderFactory('local/hash');

const indexDir = argument('--index', undefined) ?? join(tmpdir(), `evalgate-stages-${process.pid}`);
const keep = process.argv.includes('--index');
let index;
if (existsSync(join(indexDir, 'manifest.json'))) {
  const manifest = JSON.parse(readFileSync(join(indexDir, 'manifest.json'), 'utf8'));
  if (manifest.chunkCount !== CHUNKS)
    throw new Error(`${indexDir} holds ${manifest.chunkCount} chunks, not ${CHUNKS}`);
  index = await loadRagIndex(indexDir, manifest, { embedder: factory });
} else {
  mkdirSync(indexDir, { recursive: true });
  const corpusPath = join(indexDir, 'corpus.jsonl');
  writeFileSync(corpusPath, jsonl);
  index = await buildRagIndex({
    documents: loadCorpus(corpusPath).documents,
    chunking: { size: 220, overlap: 40, unit: 'tokens' },
    embedder: factory,
    store: { kind: 'hnsw' },
  });
  const manifest = {
    key: 'hybrid-stages-bench',
    inputs: { embedder: { id: index.embedder.id, dimension: index.embedder.dimension, fitted: true } },
    storeKind: index.vectors.kind,
    documentCount: CHUNKS,
    chunkCount: index.chunks.length,
  };
  await saveRagIndex(index, indexDir, manifest);
}

const retriever = createRetriever({ index, mode: 'hybrid', k: 10 });
for (const q of queries.slice(0, 20)) await retriever.retrieve(q); // warm-up

const cpuNow = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const stageNames = ['embed', 'vectorSearch', 'bm25Analyze', 'bm25TopK', 'fusion'];
const wall = Object.fromEntries(stageNames.map((s) => [s, 0]));
const cpu = Object.fromEntries(stageNames.map((s) => [s, 0]));
const time = async (stage, fn) => {
  const c = cpuNow();
  const t = performance.now();
  const result = await fn();
  wall[stage] += performance.now() - t;
  cpu[stage] += cpuNow() - c;
  return result;
};
for (let r = 0; r < ROUNDS; r++) {
  for (const q of queries) {
    const [vector] = await time('embed', () => index.embedder.embed([q]));
    const dense = await time('vectorSearch', () => index.vectors.search(vector, POOL));
    await time('bm25Analyze', () => BM25_ANALYZERS.standard(q));
    const lexical = await time('bm25TopK', () => index.bm25.search(q, POOL));
    await time('fusion', () =>
      reciprocalRankFusion([dense.map((h) => h.label), lexical.map((h) => h.index)], 60, [1, 1]),
    );
  }
}

// The whole retriever, per-thread CPU from /proc/self/task (clock ticks, so summed over all queries).
const threadTicks = () => {
  const out = new Map();
  for (const task of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(task, Number(fields[11]) + Number(fields[12]));
    } catch {
      // the thread ended
    }
  }
  return out;
};
const tick = 1000 / 100; // ms per clock tick (USER_HZ = 100 on Linux)
// Per query, the CPU time (ns, from /proc/self/task/<tid>/schedstat) of the main thread and of the
// store's search thread (the busiest other thread over a warm-up pass). With the split-phase
// search the thread's work lies inside the main thread's span, so max(main, thread) per query is
// the query's critical path on an idle machine (wall time there, less the thread's wake-up).
const warmTicks = threadTicks();
for (const q of queries.slice(0, 50)) await retriever.retrieve(q);
const searchTask = [...threadTicks()]
  .filter(([task]) => task !== String(process.pid))
  .map(([task, ticks]) => [task, ticks - (warmTicks.get(task) ?? 0)])
  .sort((a, b) => b[1] - a[1])[0]?.[0];
// Caveat: the kernel updates a running thread's schedstat at scheduler events (a block, a
// preemption, a tick), so one query's reading is coarse; medians over many queries are what is read.
const runNs = (task) => {
  // One core: no search thread, all of the query's work is the main thread's.
  if (task === undefined) return 0;
  try {
    return Number(readFileSync(`/proc/self/task/${task}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
};
const perQuery = { main: [], thread: [], critical: [] };
const times = [];
const ticksBefore = threadTicks();
const cpuBefore = cpuNow();
for (let r = 0; r < ROUNDS; r++)
  for (const q of queries) {
    const main0 = runNs(process.pid);
    const thread0 = runNs(searchTask);
    const t = performance.now();
    await retriever.retrieve(q);
    times.push(performance.now() - t);
    const main = (runNs(process.pid) - main0) / 1e6;
    const thread = (runNs(searchTask) - thread0) / 1e6;
    perQuery.main.push(main);
    perQuery.thread.push(thread);
    perQuery.critical.push(Math.max(main, thread));
  }
const wholeCpu = cpuNow() - cpuBefore;
const ticksAfter = threadTicks();
const n = ROUNDS * queries.length;
const perThread = [...ticksAfter]
  .map(([task, ticks]) => ({ task, ms: ((ticks - (ticksBefore.get(task) ?? 0)) * tick) / n }))
  .filter((t) => t.ms > 0)
  .sort((a, b) => b.ms - a.ms);
times.sort((a, b) => a - b);

// The same with MMR (lambda 0.5) over the fused candidates, once over the queries: reading the
// candidates' stored vectors is most of an MMR query.
const mmrRetriever = createRetriever({ index, mode: 'hybrid', k: 10, mmr: { lambda: 0.5 } });
for (const q of queries.slice(0, 20)) await mmrRetriever.retrieve(q);
const mmr = { main: [], thread: [], wall: [] };
for (const q of queries) {
  const main0 = runNs(process.pid);
  const thread0 = runNs(searchTask);
  const t = performance.now();
  await mmrRetriever.retrieve(q);
  mmr.wall.push(performance.now() - t);
  mmr.main.push((runNs(process.pid) - main0) / 1e6);
  mmr.thread.push((runNs(searchTask) - thread0) / 1e6);
}
const round = (x) => Math.round(x * 1000) / 1000;
const quantiles = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (p) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
  return { p50: at(0.5), p90: at(0.9), mean: round(xs.reduce((a, b) => a + b, 0) / xs.length) };
};
console.log(
  JSON.stringify({
    bench: 'hybrid-stages',
    chunks: index.chunks.length,
    store: index.vectors.kind,
    queries: n,
    stagesCpuMs: Object.fromEntries(stageNames.map((s) => [s, round(cpu[s] / 1000 / n)])),
    stagesWallMs: Object.fromEntries(stageNames.map((s) => [s, round(wall[s] / n)])),
    retrieveCpuMs: round(wholeCpu / 1000 / n),
    retrieveP50Ms: round(times[Math.floor(n / 2)]),
    // Main thread first: [main, search thread, ...] (the process's own pid is the main thread).
    threadCpuMs: perThread.map((t) => ({
      thread: t.task === String(process.pid) ? 'main' : t.task,
      ms: round(t.ms),
    })),
    // Per query (schedstat, ns resolution): main thread, search thread, and max of the two.
    perQueryCpuMs: {
      main: quantiles(perQuery.main),
      searchThread: quantiles(perQuery.thread),
      criticalPath: quantiles(perQuery.critical),
    },
    mmrPerQueryMs: {
      wall: quantiles(mmr.wall),
      mainCpu: quantiles(mmr.main),
      searchThreadCpu: quantiles(mmr.thread),
    },
    loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
  }),
);
if (!keep) rmSync(indexDir, { recursive: true, force: true });
