// Fits the offline hallucination check (src/scorers/hallucination/support-model.ts): the claim model
// and the response calibration (src/detection/fit-support-model.ts says how) on the perturbed tuning
// split and the thirty-nine realistic fit files, and the default threshold on out-of-fold scores
// (src/detection/cross-fitted-threshold.ts). Prints the leave-one-set-out measurement that
// docs/metrics.md quotes: each realistic file scored by a fit made without it, at a threshold the
// same rule picks from the other files alone (nested, so the threshold never saw the file).
// Run after `npm run build`: node scripts/fit-support-model.js [--write] [--at <threshold>]
import { featureCases, fitCheck } from '../dist/detection/fit-support-model.js';
import { loadHallucinationDevSet } from '../dist/detection/hallucination-dev-set.js';
import { crossFittedThreshold, outOfFoldScores, restatementScore } from '../dist/detection/cross-fitted-threshold.js';
import { thresholdMetrics } from '../dist/detection/detection-metrics.js';
import { leaveOneSetOut } from '../dist/detection/leave-one-set-out.js';
import { FIT_FILES, fitSetOf } from '../dist/detection/load-dev-set.js';

const ROOT = new URL('..', import.meta.url).pathname;
const cases = [];
for (const file of FIT_FILES) {
  const loaded = await loadHallucinationDevSet(`${ROOT}${file}`, `${ROOT}rag/corpus`);
  cases.push(...loaded.filter((c) => c.part === 'realistic' || c.split === 'tune'));
}
const featured = featureCases(cases);
const setOf = (c) => fitSetOf(c.case);
const fitted = fitCheck(featured);
fitted.threshold = crossFittedThreshold(featured, setOf, fitted);
const round2 = (v) => Math.round(v * 100) / 100;
const model = Object.fromEntries(Object.entries(fitted.model).map(([k, v]) => [k, round2(v)]));
const calibration = Object.fromEntries(Object.entries(fitted.calibration).map(([k, v]) => [k, round2(v)]));
console.log(`fitted on ${featured.length} cases:`);
for (const [k, v] of Object.entries(model)) console.log(`  ${k}: ${v},`);
console.log('response calibration:', JSON.stringify(calibration));
console.log(
  `default threshold (out-of-fold recall ≥ 0.9 pooled over the realistic files, no lower than the first step above a word-for-word restatement, ${restatementScore(fitted).toFixed(3)}): ${fitted.threshold}`,
);

const f3 = (x) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(3));
// --at T: another operating point, read off the realistic files' out-of-fold scores (each file
// scored by a fit made without it, the scores the default threshold is chosen on).
const at = process.argv.indexOf('--at');
if (at > 0) {
  const t = Number(process.argv[at + 1]);
  const scores = outOfFoldScores(featured, setOf);
  const m = thresholdMetrics(scores, t);
  const flagged = scores.filter((s) => s.score >= t).length / scores.length;
  console.log(
    `\nat ${t}, out of fold over ${scores.length} realistic answers: flagged ${f3(flagged)}, precision ${f3(m.precision)}, recall ${f3(m.recall)}, F1 ${f3(m.f1)}`,
  );
}
const { perSet, pooled } = leaveOneSetOut(featured, setOf, (fitting) => crossFittedThreshold(fitting, setOf));
console.log('\nleave one set out (each file scored by a fit and a threshold made without it):');
console.log('| file | cases | hallucinated | threshold | precision | recall | F1 | AUROC |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of [...perSet, pooled])
  console.log(
    `| ${r.set} | ${r.n} | ${r.positives} | ${f3(r.threshold)} | ${f3(r.precision)} | ${f3(r.recall)} | ${f3(r.f1)} | ${f3(r.auroc)} |`,
  );

// --write puts the coefficients into support-model.ts (rebuild and re-measure afterwards).
if (process.argv.includes('--write')) {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const file = `${ROOT}src/scorers/hallucination/support-model.ts`;
  let source = readFileSync(file, 'utf8');
  // Each block's own keys: both have an intercept.
  const [head, tail] = source.split('export const RESPONSE_CALIBRATION');
  let [modelPart, calibrationPart] = [head, tail];
  for (const [k, v] of Object.entries(model))
    modelPart = modelPart.replace(new RegExp(`(\\n  ${k}: )-?[0-9.]+,`), `$1${v},`);
  for (const [k, v] of Object.entries(calibration))
    calibrationPart = calibrationPart.replace(new RegExp(`(\\n  ${k}: )-?[0-9.]+,`), `$1${v},`);
  source = `${modelPart}export const RESPONSE_CALIBRATION${calibrationPart}`;
  source = source.replace(/(DEFAULT_HALLUCINATION_THRESHOLD = )[0-9.]+;/, `$1${fitted.threshold};`);
  writeFileSync(file, source);
  console.log(`wrote ${file}`);
}
