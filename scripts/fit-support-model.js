// Fits the offline hallucination check's logistic model (src/scorers/hallucination/support-model.ts)
// on the tuning splits of the dev set (never on the realistic test part), and prints the coefficients to paste there.
// Labels are per response, features per claim, so the fit alternates: score every claim with the
// current model, take each response's least-supported claim, refit on those (a few rounds).
// Run after `npm run build`: node scripts/fit-support-model.js
import { loadHallucinationDevSet } from '../dist/detection/hallucination-dev-set.js';
import { analyzeAnswer } from '../dist/scorers/hallucination/answer-sentences.js';
import { checkAnswerSupport } from '../dist/scorers/hallucination/answer-support.js';
import { SUPPORT_MODEL } from '../dist/scorers/hallucination/support-model.js';

const ROOT = new URL('..', import.meta.url).pathname;
// Only cases marked split "tune": the perturbed tuning split and the two hand-written tuning files.
const load = (file) => loadHallucinationDevSet(`${ROOT}test_cases/${file}`, `${ROOT}rag/corpus`);
const cases = [
  ...(await load('hallucination-dev-perturbed.jsonl')),
  ...(await load('hallucination-dev-realistic-tune.jsonl')),
  ...(await load('hallucination-dev-realistic-tune2.jsonl')),
].filter((c) => c.split === 'tune');
const NAMES = Object.keys(SUPPORT_MODEL).filter((k) => k !== 'intercept');
const L2 = 0.1;

function fit(rows) {
  // Newton–Raphson on the L2-penalised log-likelihood (intercept not penalised).
  const d = NAMES.length + 1;
  let w = new Array(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Array(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array(d).fill(0));
    for (const { x, y } of rows) {
      const z = x.reduce((s, v, i) => s + v * w[i], 0);
      const p = 1 / (1 + Math.exp(-z));
      for (let i = 0; i < d; i++) {
        grad[i] += (p - y) * x[i];
        for (let j = 0; j < d; j++) hess[i][j] += p * (1 - p) * x[i] * x[j];
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i] += L2 * w[i];
      hess[i][i] += L2;
    }
    const step = solve(hess, grad);
    w = w.map((v, i) => v - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

function solve(a, b) {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c][c] === 0) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

let model = { ...SUPPORT_MODEL };
for (let round = 0; round < 6; round++) {
  const rows = [];
  for (const c of cases) {
    const analysis = analyzeAnswer(c.answer);
    if (analysis.declined || analysis.sentences.length === 0) continue;
    const support = checkAnswerSupport({ sentences: analysis.sentences, passages: c.passages, question: c.question, model });
    const worst = support.sentences.flatMap((s) => s.claims).reduce((a, b) => (b.score > a.score ? b : a));
    rows.push({ x: [1, ...NAMES.map((n) => worst.features[n])], y: c.hallucinated ? 1 : 0 });
  }
  const w = fit(rows);
  model = Object.fromEntries([['intercept', w[0]], ...NAMES.map((n, i) => [n, w[i + 1]])]);
}
const round2 = (v) => Math.round(v * 100) / 100;
for (const [k, v] of Object.entries(model)) model[k] = round2(v);
console.log(`fitted on ${cases.length} tuning cases:`);
for (const [k, v] of Object.entries(model)) console.log(`  ${k}: ${v},`);

// The default threshold favours recall (a missed hallucination costs more than a second look):
// the highest threshold, in steps of 0.05, that still flags ≥ 90 % of the tuning hallucinations.
const scored = cases.map((c) => {
  const analysis = analyzeAnswer(c.answer);
  if (analysis.declined || analysis.sentences.length === 0) return { y: c.hallucinated, score: 0 };
  const support = checkAnswerSupport({ sentences: analysis.sentences, passages: c.passages, question: c.question, model });
  return { y: c.hallucinated, score: support.score };
});
const positives = scored.filter((s) => s.y);
let threshold = 0.05;
for (let t = 0.95; t >= 0.05; t -= 0.05) {
  const recall = positives.filter((s) => s.score >= t).length / positives.length;
  if (recall >= 0.9) {
    threshold = Math.round(t * 100) / 100;
    break;
  }
}
console.log(`default threshold (tuning recall ≥ 0.9): ${threshold}`);

// --write puts the coefficients into support-model.ts (rebuild and re-measure afterwards).
if (process.argv.includes('--write')) {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const file = `${ROOT}src/scorers/hallucination/support-model.ts`;
  let source = readFileSync(file, 'utf8');
  for (const [k, v] of Object.entries(model))
    source = source.replace(new RegExp(`(\\n  ${k}: )-?[0-9.]+,`), `$1${v},`);
  source = source.replace(/(DEFAULT_HALLUCINATION_THRESHOLD = )[0-9.]+;/, `$1${threshold};`);
  writeFileSync(file, source);
  console.log(`wrote ${file}`);
}
