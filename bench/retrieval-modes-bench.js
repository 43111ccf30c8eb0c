// Retrieval quality of the sample project by retrieval mode: dense, bm25 and hybrid. Uses the
// same path as `evalgate eval` (createRagRuntime with a mode override over the config's index,
// then the retrieval scorers on the ranked documents) for the `support-qa` and `retrieval`
// suites, and reports mean nDCG@10 (plus recall@k and MRR) per suite and pooled over both.
// Prints one JSON line. Run after `npm run build`:
//   node bench/retrieval-modes-bench.js [--config eval/evalgate.yaml] [--embedder local/lsa]
// --embedder overrides the config's rag.embedder (e.g. to compare local/hash with local/lsa);
// --analyzer and --norms override rag.bm25 (standard|lucene, exact|lucene).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { caseInput, expandCounterfactuals, loadCases } from '../dist/cases/index.js';
import { loadConfig } from '../dist/config/load-config.js';
import { createRagRuntime } from '../dist/pipeline/rag-runtime.js';
import { defaultRetrievalMode } from '../dist/rag/default-retrieval-mode.js';
import { retrievalScores } from '../dist/scorers/retrieval/retrieval-scores.js';

const SUITES = ['support-qa', 'retrieval'];
const MODES = ['dense', 'bm25', 'hybrid'];

const argument = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const configPath = argument('--config') ?? 'eval/evalgate.yaml';
const { config, root, file } = await loadConfig(configPath, {});
if (!config.rag) throw new Error(`${configPath} has no rag section`);
const embedder = argument('--embedder');
// A different embedder means a different vector size; its own default applies.
let rag = embedder ? { ...config.rag, embedder, embedding_dimension: undefined } : config.rag;
const analyzer = argument('--analyzer');
const lexicalWeight = argument('--lexical-weight');
const norms = argument('--norms');
rag = {
  ...rag,
  bm25: { ...rag.bm25, ...(analyzer ? { analyzer } : {}), ...(norms ? { norms } : {}) },
  retrieve: { ...rag.retrieve, ...(lexicalWeight ? { lexical_weight: Number(lexicalWeight) } : {}) },
};
const k = config.rag.retrieve.k;

const judged = [];
for (const name of SUITES) {
  const suite = config.suites.find((s) => s.name === name);
  if (!suite) continue;
  const cases = await loadCases({
    file: path.resolve(root, suite.cases),
    displayPath: suite.cases,
    task: suite.task,
    labels: suite.labels,
  });
  for (const { evalCase } of expandCounterfactuals(cases, config.bias, suite.cases)) {
    if (!evalCase.relevantDocs || !Object.values(evalCase.relevantDocs).some((g) => g > 0)) continue;
    judged.push({ suite: name, query: caseInput(evalCase), relevantDocs: evalCase.relevantDocs });
  }
}

const modes = {};
let embedderId;
for (const mode of MODES) {
  const runtime = await createRagRuntime({ rag, root, env: {}, configFile: file, mode });
  embedderId = runtime.describe.embedder;
  const sums = {};
  const t0 = performance.now();
  for (const c of judged) {
    const retrieved = await runtime.retrieve(c.query);
    const docs = [];
    for (const r of retrieved) if (!docs.includes(r.chunk.docId)) docs.push(r.chunk.docId);
    const scores = Object.fromEntries(
      retrievalScores({ rankedDocIds: docs, relevantDocs: c.relevantDocs, k }).map((s) => [s.name, s.value]),
    );
    for (const key of [c.suite, 'pooled']) {
      const acc = (sums[key] ??= { n: 0, ndcg10: 0, recall: 0, mrr: 0 });
      acc.n++;
      acc.ndcg10 += scores['retrieval.ndcg@10'];
      acc.recall += scores[`retrieval.recall@${k}`];
      acc.mrr += scores['retrieval.mrr'];
    }
  }
  const msPerQuery = (performance.now() - t0) / judged.length;
  modes[mode] = Object.fromEntries(
    Object.entries(sums).map(([key, s]) => [
      key,
      {
        n: s.n,
        ndcg10: round(s.ndcg10 / s.n),
        [`recall${k}`]: round(s.recall / s.n),
        mrr: round(s.mrr / s.n),
      },
    ]),
  );
  modes[mode].msPerQuery = round(msPerQuery, 3);
}

const pooled = (mode) => modes[mode].pooled.ndcg10;
console.log(
  JSON.stringify({
    bench: 'retrieval-modes',
    embedder: embedderId,
    configMode: rag.retrieve.mode ?? defaultRetrievalMode(rag.embedder),
    analyzer: rag.bm25.analyzer,
    norms: rag.bm25.norms,
    lexicalWeight: rag.retrieve.lexical_weight,
    k,
    judgedQueries: judged.length,
    modes,
    hybridBeatsBoth: pooled('hybrid') > pooled('bm25') && pooled('hybrid') > pooled('dense'),
    hybridBeatsBothPerSuite: SUITES.every(
      (s) =>
        !modes.hybrid[s] ||
        (modes.hybrid[s].ndcg10 > modes.bm25[s].ndcg10 && modes.hybrid[s].ndcg10 > modes.dense[s].ndcg10),
    ),
  }),
);

function round(x, digits = 4) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
