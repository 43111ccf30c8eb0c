// Writes report.html pages for synthetic runs of a given size, for `npm run bench`:
//   node bench/html-report-bench.js --cases 100000 --out /tmp/report.html
// The cases look like the sample's rag-qa results: a question of ~80 characters, an answer of
// ~125 with a citation, a reference answer of ~40, 5 retrieved chunks out of a 2,000-chunk
// corpus (one dropped by the budget), 15 scores and 2 tags; 30 % fail with a reason.
// Prints one JSON line: { cases, bytes, writeMs }.
import { writeHtmlPage } from '../dist/html-report/html-page-writer.js';
import { markdownToHtml } from '../dist/html-report/markdown-to-html.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const cases = Number(arg('cases', '2000'));
const out = arg('out', 'report.html');

const WORDS =
  'sync workspace seat plan invoice refund admin folder share link device token export import limit storage guest billing team enterprise password'.split(
    ' ',
  );
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const sentence = (n) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
const CHUNKS = 2000;
const chunkTexts = new Map();
for (let i = 0; i < CHUNKS; i++) chunkTexts.set(`doc-${i >> 2}.md#${i & 3}`, `${sentence(90)}.`);
const chunkIds = [...chunkTexts.keys()];
const METRICS = [
  'answer.f1',
  'answer.em',
  'answer.rouge_l',
  'answer.semantic',
  'answer.declined',
  'groundedness',
  'hallucination.rate',
  'citations.coverage',
  'relevance.answer',
  'relevance.context',
  'retrieval.recall@5',
  'retrieval.precision@5',
  'retrieval.ndcg@10',
  'retrieval.mrr',
  'retrieval.map',
];

function* results() {
  for (let i = 0; i < cases; i++) {
    const picked = Array.from({ length: 5 }, () => chunkIds[Math.floor(rand() * CHUNKS)]);
    const scores = Object.fromEntries(METRICS.map((m) => [m, Math.round(rand() * 1000) / 1000]));
    scores['hallucination.rate'] = 0;
    yield {
      suite: i % 3 === 0 ? 'support-qa' : i % 3 === 1 ? 'support-qa-probes' : 'retrieval',
      task: 'rag-qa',
      caseId: `case-${String(i).padStart(6, '0')}`,
      baseId: `case-${i}`,
      provider: 'local/extractive',
      repeat: 0,
      promptVersion: 'support-answer@v2#00000000',
      input: `${sentence(11)}?`,
      output: `${sentence(15)} [${picked[0]}].`,
      references: [`${sentence(5)}.`],
      relevantDocs: { [picked[0].replace(/#\d+$/, '')]: 1 },
      retrieval: {
        chunks: picked.map((id, k) => ({ id, docId: id.replace(/#\d+$/, ''), score: 1 - k / 10 })),
        docs: [],
      },
      context: {
        included: picked.slice(0, 4),
        dropped: picked.slice(4),
        usedTokens: 900,
        budgetTokens: 900,
        overflow: true,
      },
      costUsd: 0.0004,
      latencyMs: 200 + rand() * 800,
      cached: false,
      attempts: 1,
      attribution: rand() < 0.7 ? 'pass' : 'generation-error',
      scores,
      tags: [WORDS[i % WORDS.length], i % 2 ? 'single-hop' : 'multi-hop'],
    };
  }
}

const started = performance.now();
const written = await writeHtmlPage({
  file: out,
  title: `Synthetic run with ${cases} cases`,
  runId: 'bench',
  sectionsHtml: markdownToHtml(
    '## Performance Metrics\n\n| Metric | Value |\n| --- | ---: |\n| answer.f1 | 0.5 |\n',
  ),
  results: results(),
  baseline: null,
  baselineRunId: null,
  chunkTexts: { text: (id) => chunkTexts.get(id), available: true },
});
process.stdout.write(
  `${JSON.stringify({ cases: written.cases, bytes: written.bytes, writeMs: performance.now() - started })}\n`,
);
