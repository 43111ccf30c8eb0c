// 100k-chunk scale benchmark: a seeded synthetic corpus of N one-chunk documents (English-like
// words), chunked, embedded with local/hash (512 dimensions) and indexed, then hybrid queries.
//   node bench/scale-bench.js --store hnsw [--chunks 100000]      in-process hnswlib (parallel build)
//   node bench/scale-bench.js --store pgvector [--chunks 20000]   pgvector in PGlite (in process)
// Prints one JSON line: build time (chunk + embed + index), hybrid query p50/p99 over 200
// queries, and this process's peak RSS. Run each store in its own process (npm run bench does),
// so the RSS is that store's. Targets (issue 13, hnsw): build < 90 s, p50 < 5 ms, RSS < 1 GB.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildPgvectorIndex } from '../dist/pgvector/build-pgvector-index.js';
import { parseDatabaseUrl } from '../dist/pgvector/database-url.js';
import { openSqlClient } from '../dist/pgvector/open-sql-client.js';
import { buildRagIndex, createRetriever, loadCorpus, localEmbedderFactory } from '../dist/rag/index.js';
import { createExactStore } from '../dist/rag/vector-stores/exact-store.js';
import { scaleCorpus } from './scale-corpus.js';

const argument = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const STORE = argument('--store', 'hnsw');
const CHUNKS = Number(argument('--chunks', STORE === 'hnsw' ? 100_000 : 20_000));
const QUERIES = 200;
// HNSW build beam (rag.hnsw.ef_construction); the default is the config's.
const EF_CONSTRUCTION = argument('--ef-construction', undefined);

/** CPU clock ticks of this process's main thread (Linux /proc), or null elsewhere. */
function mainThreadTicks() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'evalgate-scale-'));
try {
  const { jsonl, queries } = scaleCorpus(CHUNKS, QUERIES);
  const corpusPath = join(dir, 'corpus.jsonl');
  writeFileSync(corpusPath, jsonl);
  const chunking = { size: 220, overlap: 40, unit: 'tokens' };
  const embedder = localEmbedderFactory('local/hash');

  const started = performance.now();
  // CPU of every thread of the process (the HNSW shard workers are threads): on a shared machine
  // wall time includes waiting for a core, CPU time does not.
  const cpuStarted = process.cpuUsage();
  let index;
  let client;
  if (STORE === 'pgvector') {
    client = await openSqlClient(
      parseDatabaseUrl('pglite://memory', { file: '-', field: '-' }),
      'pglite://memory',
    );
    const opened = performance.now();
    ({ index } = await buildPgvectorIndex({
      corpusPath,
      chunking,
      embedder,
      client,
      databaseUrl: 'pglite://memory',
      tablePrefix: 'scale_',
      efSearch: 100,
      hnsw: { m: 16, efConstruction: 64 },
    }));
    console.error(`PGlite start ${Math.round(opened - started)} ms`);
  } else {
    index = await buildRagIndex({
      documents: loadCorpus(corpusPath).documents,
      chunking,
      embedder,
      store: { kind: 'hnsw', ...(EF_CONSTRUCTION ? { efConstruction: Number(EF_CONSTRUCTION) } : {}) },
    });
  }
  const buildMs = performance.now() - started;
  const buildCpu = process.cpuUsage(cpuStarted);

  const retriever = createRetriever({ index, mode: 'hybrid', k: 10 });
  for (const q of queries.slice(0, 20)) await retriever.retrieve(q); // warm-up
  const times = [];
  const queryCpuStarted = process.cpuUsage();
  const mainTicksStarted = mainThreadTicks();
  for (const q of queries) {
    const t = performance.now();
    await retriever.retrieve(q);
    times.push(performance.now() - t);
  }
  const queryCpu = process.cpuUsage(queryCpuStarted);
  const mainTicks = mainThreadTicks();
  times.sort((a, b) => a - b);
  // The index's peak: taken before the recall check below, which holds a second copy of every
  // vector for its exact search.
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

  // The store's recall@10 against exact search on 50 of the queries (not timed).
  let annRecallAt10 = null;
  if (index.vectors.vector) {
    // One preallocated matrix, as an eval run's ANN-recall line builds it (meter-ann-recall.ts).
    const dimension = index.embedder.dimension;
    const matrix = new Float32Array(index.vectors.size * dimension);
    const store = index.vectors;
    for (let from = 0; from < store.size; from += 1024) {
      const labels = Array.from({ length: Math.min(1024, store.size - from) }, (_, i) => from + i);
      const rows = store.vectorsOf ? store.vectorsOf(labels) : labels.map((l) => store.vector(l));
      rows.forEach((row, i) => matrix.set(row, (from + i) * dimension));
    }
    const exact = createExactStore({ dimension }, matrix);
    let sum = 0;
    let n = 0;
    for (const q of queries.slice(0, 50)) {
      const [vector] = await index.embedder.embed([q]);
      const truth = exact.search(vector, 10);
      if (truth.length === 0) continue;
      const got = new Set((await index.vectors.search(vector, 10)).map((h) => h.label));
      sum += truth.filter((h) => got.has(h.label)).length / truth.length;
      n++;
    }
    annRecallAt10 = n > 0 ? Math.round((sum / n) * 1000) / 1000 : null;
  }
  // The whole process's peak, recall check included: what an eval run with its ANN-recall line
  // (which builds the same exact copy) would reach.
  const peakRssWithRecallCheckMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(
    JSON.stringify({
      bench: 'scale',
      store: index.vectors.kind,
      chunks: index.chunks.length,
      buildMs: Math.round(buildMs),
      buildCpuMs: Math.round((buildCpu.user + buildCpu.system) / 1000),
      hybridQueryP50Ms: Math.round(at(0.5) * 100) / 100,
      hybridQueryP99Ms: Math.round(at(0.99) * 100) / 100,
      hybridQueryCpuMeanMs: Math.round(((queryCpu.user + queryCpu.system) / 1000 / QUERIES) * 100) / 100,
      // The main thread's share (the HNSW search thread runs beside it): what a query waits for
      // when a core is free for each thread. Clock ticks of 10 ms, summed over the 200 queries.
      hybridQueryMainThreadCpuMeanMs:
        mainTicks === null || mainTicksStarted === null
          ? null
          : Math.round(((mainTicks - mainTicksStarted) * 10 * 100) / QUERIES) / 100,
      loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
      annRecallAt10,
      ...(EF_CONSTRUCTION ? { efConstruction: Number(EF_CONSTRUCTION) } : {}),
      peakRssMb,
      peakRssWithRecallCheckMb,
    }),
  );
  if (STORE === 'hnsw') {
    const verdict = (ok) => (ok ? 'met' : 'MISSED');
    console.error(
      `targets (issue 13, in process): chunk + embed + build ${(buildMs / 1000).toFixed(1)} s wall ` +
        `(${((buildCpu.user + buildCpu.system) / 1e6).toFixed(1)} s CPU) < 90 s: ${verdict(buildMs < 90_000)}; ` +
        `hybrid p50 ${at(0.5).toFixed(2)} ms < 5 ms: ${verdict(at(0.5) < 5)} ` +
        `(CPU per query ${((queryCpu.user + queryCpu.system) / 1000 / QUERIES).toFixed(2)} ms, main thread ${mainTicks === null || mainTicksStarted === null ? '?' : (((mainTicks - mainTicksStarted) * 10) / QUERIES).toFixed(2)} ms); ` +
        `peak RSS ${peakRssMb} MB < 1024 MB: ${verdict(peakRssMb < 1024)} ` +
        `(${peakRssWithRecallCheckMb} MB with the recall check's exact copy: ${verdict(peakRssWithRecallCheckMb < 1024)}); ANN recall@10 ${annRecallAt10}; ` +
        `load average ${os.loadavg()[0].toFixed(1)}`,
    );
  }
  await client?.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
