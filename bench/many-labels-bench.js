// The statistics phase of a classify suite with many labels: summarizeSuite on synthetic
// predictions with a probability per label (one-vs-rest ROC and PR AUC, macro-F1, ECE, each with
// 2,000 bootstrap resamples). Prints one JSON line. Run after `npm run build`:
//   node bench/many-labels-bench.js --labels 77 --cases 3000
import { performance } from 'node:perf_hooks';
import { summarizeSuite } from '../dist/aggregate/summarize-suite.js';
import { scoreRows } from '../dist/columns/column-rows.js';
import { columnsFromResults } from '../dist/columns/result-columns.js';
import { compareRuns } from '../dist/gate/compare-runs.js';
import { perCaseTable } from '../dist/run/per-case-table.js';
import { createRng } from '../dist/core/rng.js';

function argNumber(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const LABELS = argNumber('--labels', 77);
const CASES = argNumber('--cases', 3000);
const RESAMPLES = argNumber('--resamples', 2000);
// `logit` (default): a multinomial-logit model, right about two times in three (macro-F1 ≈ 0.67,
// ROC AUC ≈ 0.99, PR AUC ≈ 0.66): most of a label's positives rank near the top of its order,
// a few far below, as with a real intent classifier. `separable`: the data of earlier sessions, where every gold label
// outscores every other label (AUC ≈ 1, macro-F1 1): kept only to compare with those numbers.
// `chance`: scores unrelated to the gold label (AUC ≈ 0.5), the worst case for the AUC pass
// (positives everywhere in each label's order, so almost every case is read).
const MODEL = process.argv.includes('--model') ? process.argv[process.argv.indexOf('--model') + 1] : 'logit';
if (!['logit', 'separable', 'chance'].includes(MODEL))
  throw new Error(`--model must be logit, separable or chance, got ${MODEL}`);
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
    const bonus = MODEL === 'chance' ? 0 : GOLD_BONUS;
    const logits = labels.map((l) => gumbel() + (l === gold ? bonus : 0));
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

// The gate's paired comparisons on the same suite: the candidate loses 1 % of its right answers.
// Per-case metrics only (accuracy), so the number of labels does not enter; timed to check it
// does not become the next bottleneck at this size.
const baseline = perCaseTable(scoreRows(columns));
const accuracy = baseline.intent.p['classification.accuracy'];
const candidateAccuracy = Object.fromEntries(
  Object.entries(accuracy).map(([id, v], k) => [id, v === 1 && k % 100 === 0 ? 0 : v]),
);
const candidate = { intent: { p: { ...baseline.intent.p, 'classification.accuracy': candidateAccuracy } } };
const gateStart = performance.now();
const gateCpuStart = process.cpuUsage();
const comparisons = compareRuns({
  baseline,
  candidate,
  maxDrop: { 'classification.accuracy': 0.02 },
  confidence: 0.95,
  resamples: RESAMPLES,
  seed: 42,
});
const gateMs = performance.now() - gateStart;
const gateCpu = process.cpuUsage(gateCpuStart);

console.log(
  JSON.stringify({
    labels: LABELS,
    cases: CASES,
    model: MODEL,
    resamples: RESAMPLES,
    ms: Math.round(ms),
    columnsMs: Math.round(columnsMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    gateMs: Math.round(gateMs),
    gateCpuMs: Math.round((gateCpu.user + gateCpu.system) / 1000),
    gateComparisons: comparisons.map((c) => `${c.metric}: ${c.test}, n ${c.n}, regressed ${c.regressed}`),
    rocAuc: summary.metrics['classification.roc_auc'],
    prAuc: summary.metrics['classification.pr_auc'],
    macroF1: summary.metrics['classification.macro_f1'],
    ece: summary.metrics['calibration.ece'],
  }),
);
