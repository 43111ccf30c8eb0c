// Where the statistics phase of a finished run allocates, and what it keeps (issue 12,
// constant-memory runs). Replays `aggregateRun` on a run folder's columns, as `eval` and `gate`
// do, under V8's sampling heap profiler with collected objects included, and prints the bytes
// allocated under each aggregation function (load-independent: the same code allocates the same
// bytes), the live heap after forced collections before and after, the bias audit inputs'
// retained size (built alone, between two collections), and the process's peak RSS (VmHWM).
//   node --expose-gc bench/statistics-memory.js <run folder> --config <project config>
// A run to replay: `node bench/memory-breakdown.js --cases 100000 --keep` keeps its project.
import { aggregateRun } from '../dist/aggregate/aggregate-run.js';
import { biasAuditRows } from '../dist/aggregate/bias-audit-rows.js';
import { readRunColumns } from '../dist/columns/read-run-columns.js';
import { columnGroups } from '../dist/columns/result-columns.js';
import { readRunRecord } from '../dist/run/read-run.js';
import { hwm, live, MB, openReplay, profileAllocations, round } from './replay-memory.js';

const { runDir, loaded } = await openReplay();
const { manifest } = await readRunRecord(runDir);
const columns = await readRunColumns(runDir);
const liveBefore = live();
const rssBefore = hwm();

const WATCHED = [
  'summarizeSuite',
  'suiteRows',
  'auditBias',
  'biasAuditRows',
  'aggregateRow',
  'tagBreakdowns',
  'tagSums',
];
const {
  result: aggregated,
  totals,
  total,
  wallMs,
  cpuMs,
} = await profileAllocations(WATCHED, () => aggregateRun({ manifest, columns, config: loaded.config }));
const rssPeak = hwm();
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
    cpuMs,
    wallMs: Math.round(wallMs),
  }),
);
