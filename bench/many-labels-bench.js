// The statistics phase of a classify suite with many labels: summarizeSuite on synthetic
// predictions with a probability per label (one-vs-rest ROC and PR AUC, macro-F1, ECE, each with
// 2,000 bootstrap resamples). Prints one JSON line. Run after `npm run build`:
//   node bench/many-labels-bench.js --labels 77 --cases 3000
import { performance } from 'node:perf_hooks';
import { summarizeSuite } from '../dist/aggregate/summarize-suite.js';
import { columnsFromResults } from '../dist/columns/result-columns.js';
import { createRng } from '../dist/core/rng.js';

function argNumber(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const LABELS = argNumber('--labels', 77);
const CASES = argNumber('--cases', 3000);
const RESAMPLES = argNumber('--resamples', 2000);
// `logit` (default): a multinomial-logit model, right about two times in three, whose positives
// spread over the whole score range (as a real intent classifier's do: some gold labels get
// almost no probability). `separable`: the data of earlier sessions, where every gold label
// outscores every other label (AUC ≈ 1, macro-F1 1): kept only to compare with those numbers.
const MODEL = process.argv.includes('--model') ? process.argv[process.argv.indexOf('--model') + 1] : 'logit';
if (MODEL !== 'logit' && MODEL !== 'separable')
  throw new Error(`--model must be logit or separable, got ${MODEL}`);
const labels = Array.from({ length: LABELS }, (_, i) => `intent_${i}`);
const rng = createRng(77);
// Gumbel noise plus a gold bonus of ln(2(L − 1)): the gold label is the arg-max with probability
// e^μ / (e^μ + L − 1) = 2/3, and the softmax gives every label a probability.
const GOLD_BONUS = Math.log(2 * (LABELS - 1));
const gumbel = () => -Math.log(-Math.log(Math.min(Math.max(rng.next(), 1e-12), 1 - 1e-12)));
let results = [];
for (let i = 0; i < CASES; i++) {
  const gold = labels[i % LABELS];
  let raw;
  if (MODEL === 'separable') raw = labels.map((l) => rng.next() + (l === gold ? 1.2 : 0));
  else {
    const logits = labels.map((l) => gumbel() + (l === gold ? GOLD_BONUS : 0));
    const top = Math.max(...logits);
    raw = logits.map((x) => Math.exp(x - top));
  }
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
// The statistics phase starts from the typed columns an eval fills while results stream in, so
// building them is timed apart (columnsMs), not as part of the target.
const columnsStart = performance.now();
const columns = columnsFromResults(results, { sort: false });
const columnsMs = performance.now() - columnsStart;
// An eval does not hold its results either: let them go before the timed phase.
results = null;
const start = performance.now();
const cpuStart = process.cpuUsage();
const summary = summarizeSuite({
  suite: 'intent',
  task: 'classify',
  provider: 'p',
  model: 'm',
  promptVersion: null,
  labels,
  columns,
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
    model: MODEL,
    resamples: RESAMPLES,
    ms: Math.round(ms),
    columnsMs: Math.round(columnsMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    rocAuc: summary.metrics['classification.roc_auc'],
    prAuc: summary.metrics['classification.pr_auc'],
    macroF1: summary.metrics['classification.macro_f1'],
    ece: summary.metrics['calibration.ece'],
  }),
);
