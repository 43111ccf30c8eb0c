// The statistics phase of a classify suite with many labels: summarizeSuite on synthetic
// predictions with a probability per label (one-vs-rest ROC and PR AUC, macro-F1, ECE, each with
// 2,000 bootstrap resamples). Prints one JSON line. Run after `npm run build`:
//   node bench/many-labels-bench.js --labels 77 --cases 3000
import { performance } from 'node:perf_hooks';
import { summarizeSuite } from '../dist/aggregate/summarize-suite.js';
import { createRng } from '../dist/core/rng.js';

function argNumber(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const LABELS = argNumber('--labels', 77);
const CASES = argNumber('--cases', 3000);
const RESAMPLES = argNumber('--resamples', 2000);
const labels = Array.from({ length: LABELS }, (_, i) => `intent_${i}`);
const rng = createRng(77);
const results = [];
for (let i = 0; i < CASES; i++) {
  const gold = labels[i % LABELS];
  // A model that is right about two times in three, with probabilities over every label.
  const raw = labels.map((l) => rng.next() + (l === gold ? 1.2 : 0));
  const total = raw.reduce((a, b) => a + b, 0);
  const labelProbabilities = Object.fromEntries(labels.map((l, k) => [l, raw[k] / total]));
  const predicted = labels[raw.indexOf(Math.max(...raw))];
  results.push({
    suite: 'intent',
    task: 'classify',
    caseId: `c${i}`,
    baseId: `c${i}`,
    provider: 'p',
    repeat: 0,
    promptVersion: null,
    input: '',
    output: predicted,
    label: gold,
    predicted,
    confidence: labelProbabilities[predicted],
    labelProbabilities,
    costUsd: 0,
    latencyMs: 1,
    cached: false,
    attempts: 1,
    attribution: predicted === gold ? 'pass' : 'wrong-label',
    scores: { 'classification.accuracy': predicted === gold ? 1 : 0 },
    tags: [],
  });
}
const start = performance.now();
const cpuStart = process.cpuUsage();
const summary = summarizeSuite({
  suite: 'intent',
  task: 'classify',
  provider: 'p',
  model: 'm',
  promptVersion: null,
  labels,
  results,
  resamples: RESAMPLES,
  confidence: 0.95,
  seed: 42,
});
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({
    labels: LABELS,
    cases: CASES,
    resamples: RESAMPLES,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    rocAuc: summary.metrics['classification.roc_auc'],
    prAuc: summary.metrics['classification.pr_auc'],
    macroF1: summary.metrics['classification.macro_f1'],
    ece: summary.metrics['calibration.ece'],
  }),
);
