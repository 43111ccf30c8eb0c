// Writes report.html for a run scaled up from the sample project's own results, for `npm run
// bench`:   node bench/html-report-bench.js --from <run folder> --index <index dir> --cases N --out f
// Every copy of a sample result gets its own case id, question and answer (a `#k` suffix), so
// nothing repeats that would not repeat in a real run; scores, tags, chunks and failure reasons
// are the sample's. Prints one JSON line: { cases, bytes, writeMs }.
import { readFileSync } from 'node:fs';
import { loadChunkTexts } from '../dist/html-report/chunk-texts.js';
import { writeHtmlPage } from '../dist/html-report/html-page-writer.js';
import { markdownToHtml } from '../dist/html-report/markdown-to-html.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const cases = Number(arg('cases', '2000'));
const out = arg('out', 'report.html');
const runDir = arg('from');
const record = JSON.parse(readFileSync(`${runDir}/run.json`, 'utf8'));
const sample = readFileSync(`${runDir}/results.jsonl`, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
const markdown = readFileSync(`${runDir}/model-eval-report.md`, 'utf8');
const chunkTexts = await loadChunkTexts(arg('index'), record.manifest.corpusHash);

function* results() {
  for (let i = 0; i < cases; i++) {
    const base = sample[i % sample.length];
    const k = Math.floor(i / sample.length);
    if (k === 0) yield base;
    else
      yield {
        ...base,
        caseId: `${base.caseId}#${k}`,
        input: `${base.input} #${k}`,
        output: base.output === null ? null : `${base.output} #${k}`,
      };
  }
}

const started = performance.now();
const written = await writeHtmlPage({
  file: out,
  title: `The sample run scaled to ${cases} cases`,
  runId: 'bench',
  sectionsHtml: markdownToHtml(markdown, { image: () => null }),
  results: results(),
  baseline: null,
  baselineRunId: null,
  chunkTexts,
});
process.stdout.write(
  `${JSON.stringify({ cases: written.cases, bytes: written.bytes, writeMs: performance.now() - started, chunkTexts: chunkTexts.available })}\n`,
);
