// The evidence behind the retrieval defaults (docs/metrics.md, "Retrieval defaults"): nDCG@10 and
// recall@5 of bm25, dense and hybrid retrieval, with local/hash and local/lsa, with the standard
// and the lucene BM25 analyzer, on the sample project and on the held-out corpus in
// bench/heldout-water/ (written for this and never tuned on). Defaults are chosen on the
// held-out corpus only; the sample's numbers are shown to say what the choice costs or gains there.
// Also paired sign-flip tests on the held-out corpus for the two decisions. Prints a table and,
// last, one JSON line. Run after `npm run build`:
//   node bench/retrieval-defaults-bench.js
import path from 'node:path';
import { caseInput, expandCounterfactuals, loadCases } from '../dist/cases/index.js';
import { loadConfig } from '../dist/config/load-config.js';
import { createRng } from '../dist/core/rng.js';
import { createRagRuntime } from '../dist/pipeline/rag-runtime.js';
import { retrievalScores } from '../dist/scorers/retrieval/retrieval-scores.js';
import { signFlipTest } from '../dist/stats/index.js';

const CORPORA = {
  sample: { config: 'eval/evalgate.yaml', suites: ['support-qa', 'retrieval'] },
  heldout: { config: 'bench/heldout-water/eval/evalgate.yaml', suites: ['retrieval'] },
};
const EMBEDDERS = ['local/hash', 'local/lsa'];
const ANALYZERS = { standard: 'exact', lucene: 'lucene' };
const MODES = ['bm25', 'dense', 'hybrid'];

async function judgedQueries(config, root, suites) {
  const out = [];
  for (const name of suites) {
    const suite = config.suites.find((s) => s.name === name);
    const cases = await loadCases({
      file: path.resolve(root, suite.cases),
      displayPath: suite.cases,
      task: suite.task,
    });
    for (const { evalCase } of expandCounterfactuals(cases, config.bias, suite.cases)) {
      if (!evalCase.relevantDocs || !Object.values(evalCase.relevantDocs).some((g) => g > 0)) continue;
      out.push({ query: caseInput(evalCase), relevantDocs: evalCase.relevantDocs });
    }
  }
  return out;
}

const results = {};
for (const [corpus, spec] of Object.entries(CORPORA)) {
  const { config, root, file } = await loadConfig(spec.config, {});
  const judged = await judgedQueries(config, root, spec.suites);
  for (const embedder of EMBEDDERS) {
    for (const [analyzer, norms] of Object.entries(ANALYZERS)) {
      const rag = {
        ...config.rag,
        embedder,
        embedding_dimension: undefined,
        bm25: { ...config.rag.bm25, analyzer, norms },
      };
      for (const mode of MODES) {
        // bm25 does not depend on the embedder: measured once per analyzer.
        if (mode === 'bm25' && embedder !== EMBEDDERS[0]) continue;
        const runtime = await createRagRuntime({ rag, root, env: {}, configFile: file, mode });
        const ndcg = [];
        const recall = [];
        for (const c of judged) {
          const docs = [];
          for (const r of await runtime.retrieve(c.query))
            if (!docs.includes(r.chunk.docId)) docs.push(r.chunk.docId);
          const s = Object.fromEntries(
            retrievalScores({ rankedDocIds: docs, relevantDocs: c.relevantDocs, k: 5 }).map((x) => [
              x.name,
              x.value,
            ]),
          );
          ndcg.push(s['retrieval.ndcg@10']);
          recall.push(s['retrieval.recall@5']);
        }
        const key = `${corpus}|${mode === 'bm25' ? '-' : embedder}|${analyzer}|${mode}`;
        results[key] = { corpus, embedder: mode === 'bm25' ? '-' : embedder, analyzer, mode, ndcg, recall };
      }
    }
  }
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const r3 = (x) => Math.round(x * 1000) / 1000;
const rows = Object.values(results).map((r) => ({
  corpus: r.corpus,
  embedder: r.embedder,
  analyzer: r.analyzer,
  mode: r.mode,
  queries: r.ndcg.length,
  ndcg10: r3(mean(r.ndcg)),
  recall5: r3(mean(r.recall)),
}));
console.log('| corpus | mode | embedder | analyzer | nDCG@10 | recall@5 |');
console.log('|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.corpus} (${r.queries}) | ${r.mode} | ${r.embedder} | ${r.analyzer} | ${r.ndcg10.toFixed(3)} | ${r.recall5.toFixed(3)} |`,
  );

function paired(a, b) {
  const differences = a.ndcg.map((x, i) => x - b.ndcg[i]);
  const { pValue } = signFlipTest({ differences, resamples: 20000, rng: createRng(7) });
  return { difference: r3(mean(differences)), pValue: r3(pValue) };
}
const get = (corpus, embedder, analyzer, mode) => results[`${corpus}|${embedder}|${analyzer}|${mode}`];
const decisions = {};
for (const corpus of Object.keys(CORPORA)) {
  decisions[corpus] = {
    luceneMinusStandardBm25: paired(get(corpus, '-', 'lucene', 'bm25'), get(corpus, '-', 'standard', 'bm25')),
  };
  for (const embedder of EMBEDDERS)
    for (const analyzer of Object.keys(ANALYZERS))
      decisions[corpus][`hybridMinusBm25|${embedder}|${analyzer}`] = paired(
        get(corpus, embedder, analyzer, 'hybrid'),
        get(corpus, '-', analyzer, 'bm25'),
      );
}
console.log(JSON.stringify({ bench: 'retrieval-defaults', rows, decisions }));
