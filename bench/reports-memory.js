// Where the reports phase of a finished run allocates, and what it holds (issue 12, constant-
// memory runs). Replays `writeReports` on a run folder as `evalgate report` does (run.json and a
// results.jsonl stream; files are rewritten in the folder), under V8's sampling heap profiler
// with collected objects included, and prints the bytes allocated under each reporter pass
// (load-independent: the same code allocates the same bytes), the largest V8 heap in use and
// large-object space seen by a 20 ms sampler, and the process's peak RSS (VmHWM).
//   node --expose-gc bench/reports-memory.js <run folder> --config <project config>
// A run to replay: `node bench/memory-breakdown.js --cases 100000 --keep` keeps its project.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { analyzeErrorsStream } from '../dist/analysis/analyze-errors-stream.js';
import { writeRunHtmlReport } from '../dist/html-report/write-run-html-report.js';
import { writeJunitStream } from '../dist/reporters/junit-stream.js';
import { writeChartsFromStream, writeReports } from '../dist/reporters/write-reports.js';
import { readRunRecord } from '../dist/run/read-run.js';
import { streamResultsFile } from '../dist/run/result-stream.js';
import { hwm, live, MB, openReplay, profileAllocations, round } from './replay-memory.js';

const { runDir, loaded } = await openReplay();
const record = await readRunRecord(runDir);
const liveBefore = live();
const rssBefore = hwm();
const WATCHED = [
  'analyzeErrorsStream',
  'writeChartsFromStream',
  'renderModelEvalReport',
  'writeRunHtmlReport',
  'writeHtmlPage',
  'writeJunitStream',
  'lines',
];
const peak = { heapUsed: 0, largeObject: 0, arrayBuffers: 0 };
const sampler = setInterval(() => {
  const lo = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'large_object_space');
  const m = process.memoryUsage();
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  peak.largeObject = Math.max(peak.largeObject, lo?.space_used_size ?? 0);
}, 20);
// Each pass alone, between two collections: the most V8 heap in use, large-object space and
// array buffers (Buffers' memory, outside V8's heap) it reaches over what was live before it.
const results = streamResultsFile(path.join(runDir, 'results.jsonl'));
const markdown = readFileSync(path.join(runDir, 'model-eval-report.md'), 'utf8');
const PASSES = {
  errors: () => analyzeErrorsStream(results, {}),
  charts: () =>
    writeChartsFromStream(
      { record, runDir, reportsDir: null, gateMargins: loaded.config.gate.max_drop },
      results,
      path.dirname(runDir),
    ),
  html: () =>
    writeRunHtmlReport({
      record,
      results: results(),
      markdown,
      charts: [],
      runDir,
      runsDir: path.dirname(runDir),
      indexDir: null,
    }),
  junit: () => writeJunitStream({ file: path.join(runDir, 'junit.xml'), record, results }),
};
const perPass = {};
for (const [name, pass] of Object.entries(PASSES)) {
  live();
  const base = process.memoryUsage();
  for (const k of Object.keys(peak)) peak[k] = 0;
  await pass();
  perPass[name] = {
    heapUsed: round((peak.heapUsed - base.heapUsed) / MB),
    largeObject: round(peak.largeObject / MB),
    arrayBuffers: round(peak.arrayBuffers / MB),
  };
}
live();
for (const k of Object.keys(peak)) peak[k] = 0;
const { profile, totals, total, wallMs, cpuMs } = await profileAllocations(WATCHED, () =>
  writeReports({
    record,
    results: streamResultsFile(path.join(runDir, 'results.jsonl')),
    runDir,
    reportsDir: null,
    experimentLog: null,
    gateMargins: loaded.config.gate.max_drop,
    indexDir: loaded.config.rag ? path.resolve(loaded.root, loaded.config.rag.index_dir) : null,
  }),
);
clearInterval(sampler);
const rssPeak = hwm();

// The functions that allocate most themselves (self size), to name the next thing to cut.
const self = new Map();
const collect = (node) => {
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + node.selfSize);
  for (const child of node.children) collect(child);
};
collect(profile.head);
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
const liveAfter = live();
console.log(
  JSON.stringify(
    {
      run: runDir,
      allocatedMB: round(total / MB),
      allocatedUnderMB: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, round(v / MB)])),
      topSelfMB: Object.fromEntries(top.map(([k, v]) => [k, round(v / MB)])),
      perPassPeakMB: perPass,
      peakDuringReportsMB: Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, round(v / MB)])),
      liveHeapMB: { before: round(liveBefore / MB), after: round(liveAfter / MB) },
      peakRssMB: { before: round(rssBefore / MB), reports: round(rssPeak / MB) },
      cpuMs,
      wallMs: Math.round(wallMs),
    },
    null,
    1,
  ),
);
