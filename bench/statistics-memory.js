// Where the statistics phase of a finished run allocates, and what it keeps (issue 12,
// constant-memory runs). Replays `aggregateRun` on a run folder's columns, as `eval` and `gate`
// do, under V8's sampling heap profiler with collected objects included, and prints the bytes
// allocated under each aggregation function (load-independent: the same code allocates the same
// bytes), the live heap after forced collections before and after, the bias audit inputs'
// retained size (built alone, between two collections), and the process's peak RSS (VmHWM).
//   node --expose-gc bench/statistics-memory.js <run folder> --config <project config>
// A run to replay: `node bench/memory-breakdown.js --cases 100000 --keep` keeps its project.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { aggregateRun } from '../dist/aggregate/aggregate-run.js';
import { biasAuditRows } from '../dist/aggregate/bias-audit-rows.js';
import { loadProject } from '../dist/cli/commands/load-project.js';
import { readRunColumns } from '../dist/columns/read-run-columns.js';
import { columnGroups } from '../dist/columns/result-columns.js';
import { readRunRecord } from '../dist/run/read-run.js';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const runDir = path.resolve(process.argv[2] ?? '');
const configAt = process.argv.indexOf('--config');
if (!process.argv[2] || configAt < 0) throw new Error('usage: <run folder> --config <project config>');
// The bench project names its fake server's URL through the environment; no call is made here.
process.env.EVALGATE_BENCH_BASE_URL ??= 'http://127.0.0.1:9/v1';
const { loaded } = await loadProject(process.argv[configAt + 1]);
const MB = 1024 * 1024;
const live = () => {
  globalThis.gc();
  globalThis.gc();
  // Typed arrays' contents are outside V8's heap: counted too.
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;

const { manifest } = await readRunRecord(runDir);
const columns = await readRunColumns(runDir);
const liveBefore = live();
const rssBefore = hwm();

// What the functions below allocate, summed over their call subtrees (a function that calls
// itself counts once per stack). Sampling interval 32 KB: totals within a few percent.
const WATCHED = [
  'summarizeSuite',
  'suiteRows',
  'auditBias',
  'biasAuditRows',
  'aggregateRow',
  'tagBreakdowns',
  'tagSums',
];
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 32 * 1024,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const aggregated = aggregateRun({ manifest, columns, config: loaded.config });
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();
const rssPeak = hwm();

const totals = Object.fromEntries(WATCHED.map((name) => [name, 0]));
const inclusive = (node) => node.children.reduce((sum, child) => sum + inclusive(child), node.selfSize);
const walk = (node, inside) => {
  const name = node.callFrame.functionName;
  if (name in totals && !inside.has(name)) totals[name] += inclusive(node);
  const below = name in totals ? new Set([...inside, name]) : inside;
  for (const child of node.children) walk(child, below);
};
walk(profile.head, new Set());
const total = inclusive(profile.head);
const liveAfter = live();

// The bias audit's input for each group, built alone and kept across a collection: what it
// holds while the audit runs. (The fourth argument, the task, is what the row-object version
// took; the column version ignores it.)
let auditInputBytes = 0;
for (const g of columnGroups(columns)) {
  const before = live();
  const input = biasAuditRows(columns, g.start, g.end, columns.strings.value(columns.task[g.start]));
  auditInputBytes = Math.max(auditInputBytes, live() - before);
  if (!input) throw new Error('no audit input');
}

console.log(
  JSON.stringify({
    run: runDir,
    rows: columns.n,
    groups: aggregated.summary.length,
    biasRows: aggregated.bias.rows.length,
    subgroups: aggregated.bias.subgroups.length,
    allocatedMB: round(total / MB),
    allocatedUnderMB: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, round(v / MB)])),
    auditInputMB: round(auditInputBytes / MB),
    liveHeapMB: { beforeStatistics: round(liveBefore / MB), afterStatistics: round(liveAfter / MB) },
    peakRssMB: { beforeStatistics: round(rssBefore / MB), statistics: round(rssPeak / MB) },
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    wallMs: Math.round(wallMs),
  }),
);

function round(x) {
  return Math.round(x * 10) / 10;
}
