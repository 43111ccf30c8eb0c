// Per-case cost of the offline scorers on a real run of the sample project. Reads the run's
// results.jsonl, rebuilds each case's scoring input the way src/pipeline/case-scorer.ts does,
// and times `scoreCase` alone. Passages are not stored in results, so they are re-created by
// retrieving the same query from the same index and assembling the same context (checked
// against the chunk ids the run recorded); the recomputed scores are compared with the recorded
// ones as a check that the inputs are faithful. Prints one JSON line. Run after `npm run build`:
//   node bench/scoring-bench.js --run <reports/runs/<id>> [--config eval/evalgate.yaml]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCases } from '../dist/cases/index.js';
import { loadConfig } from '../dist/config/load-config.js';
import { createRagRuntime } from '../dist/pipeline/rag-runtime.js';
import { defaultFamilies, scoreCase } from '../dist/scorers/score-case.js';

const PASSES = 5;

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const runDir = argValue('--run');
if (!runDir) {
  process.stderr.write(
    'usage: node bench/scoring-bench.js --run <run folder> [--config eval/evalgate.yaml]\n',
  );
  process.exit(2);
}
const configPath = argValue('--config', 'eval/evalgate.yaml');
const { config, root, file } = await loadConfig(configPath, {});
const suites = new Map(config.suites.map((s) => [s.name, s]));
const results = readFileSync(path.join(runDir, 'results.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const rag = config.rag ? await createRagRuntime({ rag: config.rag, root, env: {}, configFile: file }) : null;
const k = config.rag?.retrieve.k ?? 5;

// mcq options are not in results.jsonl: take them from the suite's case file.
const mcqOptions = new Map();
for (const suite of config.suites.filter((s) => s.task === 'mcq')) {
  const cases = await loadCases({
    file: path.resolve(root, suite.cases),
    displayPath: suite.cases,
    task: 'mcq',
  });
  for (const c of cases) mcqOptions.set(`${suite.name}\u0000${c.id}`, c.options);
}

const items = [];
let passagesChecked = 0;
let passagesMatching = 0;
let embedMs = 0;
let embedded = 0;
for (const result of results) {
  const suite = suites.get(result.suite);
  if (result.error) continue;
  const input = {
    task: result.task,
    question: result.input,
    output: result.output,
    references: result.references ?? [],
    unanswerable: result.unanswerable ?? false,
    declinePhrases: suite.decline_phrases,
    relevantDocs: result.relevantDocs,
    rankedDocIds: result.retrieval?.docs,
    passages: [],
    k,
  };
  if (result.task === 'rag-qa' && rag) {
    const assembled = rag.assemble(await rag.retrieve(result.input));
    const ids = assembled.included.map((r) => r.chunk.id);
    passagesChecked++;
    if (JSON.stringify(ids) === JSON.stringify(result.context?.included ?? [])) passagesMatching++;
    input.passages = assembled.included.map((r) => ({
      id: r.chunk.id,
      docId: r.chunk.docId,
      text: r.chunk.text,
    }));
  }
  if (result.task === 'classify') {
    input.label = result.label;
    input.labels = suite.labels;
  }
  if (result.task === 'mcq') {
    input.options =
      mcqOptions.get(`${result.suite}\u0000${result.baseId}`) ??
      mcqOptions.get(`${result.suite}\u0000${result.caseId}`);
    input.correctOption = result.mcq?.correct;
  }
  if ((result.task === 'rag-qa' || result.task === 'qa') && result.output !== null && rag) {
    // The semantic scorers need vectors; the pipeline embeds before scoring, so we do too and
    // time it separately (it is the embedder's cost, not the scorers').
    const t0 = performance.now();
    const vectors = await rag.embedder.embed([result.input, result.output, ...input.references]);
    embedMs += performance.now() - t0;
    embedded++;
    input.vectors = { question: vectors[0], output: vectors[1], references: vectors.slice(2) };
  }
  const families = suite.scorers ?? defaultFamilies(result.task);
  items.push({ suite: result.suite, task: result.task, input, families, recorded: result.scores });
}

// The first pass over every case is timed on its own (cold: JIT not yet warm), and its scores
// are checked against what the run recorded, to show the rebuilt inputs are faithful.
const coldStart = performance.now();
const firstScores = items.map((item) => scoreCase(item.input, item.families));
const coldMs = performance.now() - coldStart;
let scoresCompared = 0;
let scoresMatching = 0;
items.forEach((item, i) => {
  for (const score of firstScores[i]) {
    if (!(score.name in item.recorded)) continue;
    scoresCompared++;
    const value = score.value === null ? null : Math.round(score.value * 1e6) / 1e6;
    if (value === item.recorded[score.name]) scoresMatching++;
  }
});

// Warm passes: the median of PASSES timed passes per suite.
const bySuite = new Map();
for (const item of items) {
  if (!bySuite.has(item.suite)) bySuite.set(item.suite, []);
  bySuite.get(item.suite).push(item);
}
const timeItems = (list) => {
  const t0 = performance.now();
  for (const item of list) scoreCase(item.input, item.families);
  return performance.now() - t0;
};
const perSuite = {};
let totalMs = 0;
for (const [suite, list] of bySuite) {
  const passes = [];
  for (let p = 0; p < PASSES; p++) passes.push(timeItems(list));
  passes.sort((a, b) => a - b);
  const ms = passes[Math.floor(passes.length / 2)];
  totalMs += ms;
  perSuite[suite] = { cases: list.length, task: list[0].task, msPerCase: round(ms / list.length, 4) };
}

console.log(
  JSON.stringify({
    bench: 'scoring',
    cases: items.length,
    msPerCaseAll: round(totalMs / items.length, 4),
    coldMsPerCaseAll: round(coldMs / items.length, 4),
    msPerCaseSupportQa: perSuite['support-qa']?.msPerCase ?? null,
    perSuite,
    embedMsPerQaCase: embedded ? round(embedMs / embedded, 4) : null,
    passagesRecreated: { checked: passagesChecked, matching: passagesMatching },
    scoresRecomputed: { compared: scoresCompared, matching: scoresMatching },
  }),
);

function round(x, digits = 3) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
