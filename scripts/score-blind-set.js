// Scores one labelled blind file with one or more built checks, each at its own default threshold,
// and prints precision, recall, F1, AUROC with a 95 % bootstrap interval (2,000 resamples of the
// cases, seeded), and the paired AUROC difference between the first two checks. Used once per
// blind set, after the revision it measures was committed (docs/metrics.md).
// Run after `npm run build`: node scripts/score-blind-set.js <file.jsonl> <dist dir> [<dist dir> …]
// Several files joined by commas are scored as one pooled set (a.jsonl,b.jsonl).
import { resolve } from 'node:path';

const [file, ...dists] = process.argv.slice(2);
if (!file || dists.length === 0) {
  console.error('usage: node scripts/score-blind-set.js <file.jsonl>[,<file.jsonl>…] <dist dir> [<dist dir> …]');
  process.exit(2);
}
const ROOT = new URL('..', import.meta.url).pathname;
const RESAMPLES = 2000;

const runs = [];
for (const dist of dists) {
  const d = resolve(dist);
  const { loadHallucinationDevSet } = await import(`${d}/detection/hallucination-dev-set.js`);
  const { scoreDevCases, measureSlice } = await import(`${d}/detection/score-dev-set.js`);
  const { auroc } = await import(`${d}/detection/detection-metrics.js`);
  const { CHECK_VERSION, DEFAULT_HALLUCINATION_THRESHOLD } = await import(
    `${d}/scorers/hallucination/support-model.js`
  );
  const files = file.split(',');
  const cases = (await Promise.all(files.map((f) => loadHallucinationDevSet(resolve(f), `${ROOT}rag/corpus`)))).flat();
  const scored = scoreDevCases(cases);
  const m = measureSlice(scored, DEFAULT_HALLUCINATION_THRESHOLD);
  const items = scored.map((s) => ({ positive: s.case.hallucinated, score: s.score }));
  runs.push({ version: CHECK_VERSION, threshold: DEFAULT_HALLUCINATION_THRESHOLD, m, items, auroc });
}

const { createRng } = await import(`${resolve(dists[0])}/core/rng.js`);
const rng = createRng(20261206);
const n = runs[0].items.length;
const samples = runs.map(() => []);
const diffs = [];
for (let b = 0; b < RESAMPLES; b++) {
  const pick = Array.from({ length: n }, () => rng.int(n));
  const values = runs.map((r) => r.auroc(pick.map((i) => r.items[i])));
  values.forEach((v, k) => {
    if (v !== null) samples[k].push(v);
  });
  if (runs.length > 1 && values[0] !== null && values[1] !== null) diffs.push(values[0] - values[1]);
}
const interval = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor(0.025 * (s.length - 1))], s[Math.ceil(0.975 * (s.length - 1))]];
};
const f3 = (x) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(3));
console.log(`${file}: ${n} cases, ${runs[0].m.positives} hallucinated`);
console.log('| check | threshold | flagged | precision | recall | F1 | AUROC (95 % interval) | Brier |');
console.log('|---|---|---|---|---|---|---|---|');
runs.forEach((r, k) => {
  const [lo, hi] = interval(samples[k]);
  console.log(
    `| ${r.version} | ${r.threshold} | ${f3(r.m.flaggedRate)} | ${f3(r.m.precision)} | ${f3(r.m.recall)} | ${f3(r.m.f1)} | ${f3(r.m.auroc)} (${f3(lo)}–${f3(hi)}) | ${f3(r.m.brier)} |`,
  );
  console.log(`  ${r.version}: tp ${r.m.tp}, fp ${r.m.fp}, fn ${r.m.fn}`);
});
if (diffs.length > 0) {
  const [lo, hi] = interval(diffs);
  console.log(
    `AUROC ${runs[0].version} − ${runs[1].version}: ${f3(runs[0].m.auroc - runs[1].m.auroc)} (paired 95 % interval ${f3(lo)}–${f3(hi)})`,
  );
}
