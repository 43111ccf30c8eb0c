// Cost of the statistics layer at benchmark size: `summarizeSuite` on 2,000 synthetic results
// with 10 per-case metrics and 2,000 bootstrap resamples, and `compareRuns` (paired tests,
// one-sided tests, Tarone family) on a baseline and a candidate of the same size. Prints one JSON line with the first
// (cold) call and the median of warm calls. Run after `npm run build`:
//   node bench/stats-bench.js [--cases 2000] [--resamples 2000]
import { performance } from 'node:perf_hooks';
import { summarizeSuite } from '../dist/aggregate/summarize-suite.js';
import { createRng } from '../dist/core/rng.js';
import { compareRuns } from '../dist/gate/compare-runs.js';
import { perCaseTable } from '../dist/run/per-case-table.js';

function argNumber(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const CASES = argNumber('--cases', 2000);
const RESAMPLES = argNumber('--resamples', 2000);
const WARM_RUNS = 3;

// Ten metrics of the kinds a qa/rag-qa suite produces: proportions and continuous scores.
const BINARY = ['answer.em', 'answer.declined', 'hallucination.rate', 'retrieval.hit_rate@5'];
const CONTINUOUS = [
  'answer.f1',
  'answer.rouge_l',
  'answer.semantic',
  'groundedness',
  'retrieval.ndcg@10',
  'retrieval.recall@5',
];
const METRICS = [...BINARY, ...CONTINUOUS];

function syntheticResults({ cases, seed, shift = 0 }) {
  const rng = createRng(seed);
  const results = [];
  for (let i = 0; i < cases; i++) {
    const scores = {};
    for (const m of BINARY) scores[m] = rng.next() < 0.7 + shift ? 1 : 0;
    for (const m of CONTINUOUS)
      scores[m] = Math.round(Math.min(1, Math.max(0, rng.next() * 0.6 + 0.3 + shift)) * 1e6) / 1e6;
    // A few nulls, as real scorers produce (e.g. retrieval metrics on unanswerable cases).
    if (i % 25 === 0) scores['retrieval.ndcg@10'] = null;
    results.push({
      suite: 'qa',
      task: 'qa',
      caseId: `case-${String(i).padStart(5, '0')}`,
      baseId: `case-${String(i).padStart(5, '0')}`,
      provider: 'openai/gpt-4o-mini',
      repeat: 0,
      promptVersion: 'bench@v1#00000000',
      input: 'q',
      output: 'a',
      references: ['a'],
      costUsd: 0.00002,
      latencyMs: 80 + rng.next() * 60,
      cached: false,
      attempts: 1,
      attribution: scores['answer.f1'] >= 0.5 ? 'pass' : 'generation-error',
      scores,
      tags: [i % 2 ? 'even' : 'odd'],
      usage: { inputTokens: 100, outputTokens: 10, estimated: false },
    });
  }
  return results;
}

function timed(fn) {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function coldAndWarm(fn) {
  const cold = timed(fn);
  const warm = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(timed(fn).ms);
  warm.sort((a, b) => a - b);
  return { coldMs: round(cold.ms), warmMs: round(warm[Math.floor(warm.length / 2)]), value: cold.value };
}

const baseline = syntheticResults({ cases: CASES, seed: 1 });
const candidate = syntheticResults({ cases: CASES, seed: 2, shift: -0.01 });

const summarize = coldAndWarm(() =>
  summarizeSuite({
    suite: 'qa',
    task: 'qa',
    provider: 'openai/gpt-4o-mini',
    model: 'gpt-4o-mini',
    promptVersion: 'bench@v1#00000000',
    results: candidate,
    resamples: RESAMPLES,
    confidence: 0.95,
    seed: 42,
  }),
);
const baseTable = perCaseTable(baseline);
const candTable = perCaseTable(candidate);
const compare = coldAndWarm(() =>
  compareRuns({
    baseline: baseTable,
    candidate: candTable,
    maxDrop: { 'answer.f1': 0.02, 'retrieval.ndcg@10': 0.02, 'hallucination.rate': 0.03, 'answer.em': 0.02 },
    confidence: 0.95,
    resamples: RESAMPLES,
    seed: 42,
  }),
);

console.log(
  JSON.stringify({
    bench: 'stats',
    cases: CASES,
    metrics: METRICS.length,
    resamples: RESAMPLES,
    summarizeSuite: {
      coldMs: summarize.coldMs,
      warmMs: summarize.warmMs,
      metricsSummarized: Object.keys(summarize.value.metrics).length,
    },
    compareRuns: { coldMs: compare.coldMs, warmMs: compare.warmMs, comparisons: compare.value.length },
  }),
);

function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
