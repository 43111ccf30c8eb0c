// How much of the matrix the local/lsa SVD captures, as the number of passes and the
// oversampling vary: Σ‖A v_j‖² over the 128 right vectors found, as a share of the same sum
// for a reference run with 8 passes. The matrix is the TF-IDF matrix of lsa-fit-bench.js's
// synthetic corpus (Zipf words, no topics: a flat spectrum, the hard case for few passes).
// Prints one JSON line. Run after `npm run build`:  node bench/lsa-svd-accuracy.js [--docs 2000]
import { internTerms } from '../dist/rag/embedders/interned-terms.js';
import { truncatedSvd } from '../dist/rag/embedders/truncated-svd.js';
import { contentTerms } from '../dist/text/analyze.js';
import { zipfCorpus } from './zipf-corpus.js';

const i = process.argv.indexOf('--docs');
const DOCS = i > 0 ? Number(process.argv[i + 1]) : 2000;
const VOCABULARY = 40_000;
const RANK = 128;

const texts = zipfCorpus({ documents: DOCS, vocabularySize: VOCABULARY });

// TF-IDF rows as lsa-model.ts weighs them (sublinear tf × smoothed IDF, L2-normalised), uncapped.
const { terms, tokens } = internTerms(texts.map((t) => contentTerms(t)));
const df = new Uint32Array(terms.length);
for (const ids of tokens) for (const t of new Set(ids)) df[t]++;
const offsets = new Uint32Array(DOCS + 1);
const indices = [];
const values = [];
tokens.forEach((ids, d) => {
  const tf = new Map();
  for (const t of ids) tf.set(t, (tf.get(t) ?? 0) + 1);
  const columns = [...tf.keys()].sort((a, b) => a - b);
  const weights = columns.map((c) => (1 + Math.log(tf.get(c))) * (Math.log((DOCS + 1) / (df[c] + 1)) + 1));
  const norm = Math.hypot(...weights);
  columns.forEach((c, j) => {
    indices.push(c);
    values.push(weights[j] / norm);
  });
  offsets[d + 1] = indices.length;
});
const matrix = {
  rows: DOCS,
  cols: terms.length,
  offsets,
  indices: Uint32Array.from(indices),
  values: Float64Array.from(values),
};

/** Σ_j ‖A v_j‖²: the energy the found right vectors capture (computed, not the SVD's own estimate). */
function captured(right) {
  let sum = 0;
  const av = new Float64Array(RANK);
  for (let r = 0; r < DOCS; r++) {
    av.fill(0);
    for (let p = offsets[r]; p < offsets[r + 1]; p++) {
      const c = matrix.indices[p];
      const v = matrix.values[p];
      for (let j = 0; j < RANK; j++) av[j] += v * right[c * RANK + j];
    }
    for (let j = 0; j < RANK; j++) sum += av[j] * av[j];
  }
  return sum;
}

const reference = captured(truncatedSvd(matrix, { rank: RANK, powerIterations: 8 }).right);
const runs = [
  [1, 10],
  [2, 10],
  [2, 20],
  [3, 10],
  [3, 20],
].map(([passes, oversample]) => ({
  passes,
  oversample,
  share: Number(
    (
      captured(truncatedSvd(matrix, { rank: RANK, powerIterations: passes, oversample }).right) / reference
    ).toFixed(4),
  ),
}));
console.log(
  JSON.stringify({ bench: 'lsa-svd-accuracy', documents: DOCS, terms: terms.length, rank: RANK, runs }),
);
