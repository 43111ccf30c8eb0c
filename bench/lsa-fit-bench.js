// LSA fit time at 5k documents / 40k distinct terms (the target: < 3 s). A synthetic
// corpus: Zipf-distributed words from a 40k-word vocabulary, 150 words per document, seeded.
// Prints one JSON line (fit wall and CPU time next to the target, each stage's time, the load
// average). Run after `npm run build`:  node bench/lsa-fit-bench.js [--docs 5000] [--stages]
// (--stages also prints the per-stage table on stderr).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fitLsaEmbedderState } from '../dist/rag/embedders/lsa-embedder.js';
import { contentTerms } from '../dist/text/analyze.js';
import { zipfCorpus } from './zipf-corpus.js';

const argument = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DOCS = argument('--docs', 5000);
const VOCABULARY = argument('--vocabulary', 40_000);
const WORDS_PER_DOC = 150;

const texts = zipfCorpus({ documents: DOCS, vocabularySize: VOCABULARY, wordsPerDocument: WORDS_PER_DOC });
const distinct = new Set(texts.flatMap((t) => contentTerms(t))).size;

// CPU and wall time of each stage of the fit, as the fit reports each stage's end.
const stages = [];
let lastCpu = process.cpuUsage();
let lastWall = performance.now();
const onStage = (name) => {
  const cpuNow = process.cpuUsage();
  const wallNow = performance.now();
  stages.push({
    stage: name,
    cpuMs: Math.round((cpuNow.user - lastCpu.user + cpuNow.system - lastCpu.system) / 1000),
    wallMs: Math.round(wallNow - lastWall),
  });
  lastCpu = cpuNow;
  lastWall = wallNow;
};

const t0 = performance.now();
const cpu0 = process.cpuUsage();
lastCpu = cpu0;
lastWall = t0;
const state = fitLsaEmbedderState(texts, { onStage });
const fitMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const TARGET_MS = 3000;
console.log(
  JSON.stringify({
    bench: 'lsa-fit',
    documents: DOCS,
    distinctTerms: distinct,
    keptTerms: state.model.terms.length,
    rank: state.model.rank,
    fitMs: Math.round(fitMs),
    // On a busy machine wall time includes waiting for a core; CPU time does not.
    fitCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    targetMs: TARGET_MS,
    met: fitMs < TARGET_MS,
    loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
    stages,
  }),
);
if (process.argv.includes('--stages'))
  for (const { stage, cpuMs, wallMs } of stages)
    console.error(
      `${stage.padEnd(42)} cpu ${String(cpuMs).padStart(6)} ms   wall ${String(wallMs).padStart(6)} ms`,
    );
