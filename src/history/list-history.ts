// `evalgate history`: runs over time, from the run folders (run.json) and the experiment log.
// Each run is one row (oldest first) with what it was (a hypothesis, a sweep variant), its gate
// status, the experiment entry that logged it, and the value of the chosen metric per suite ×
// provider. Experiment entries whose runs are no longer on disk are listed from the log alone.
import type { RunRecord } from '../run/types.js';

export interface LoggedExperiment {
  number: number;
  title: string;
  date: string | null;
  /** Run and sweep ids the entry names. */
  ids: string[];
}

export interface HistoryColumn {
  suite: string;
  provider: string;
}

export interface HistoryRow {
  /** ISO start time, or the log entry's date for an entry without a run folder. */
  when: string;
  runId: string | null;
  what: string;
  gate: string | null;
  experiment: { number: number; title: string } | null;
  /** One value per column (null: not measured in that run). */
  values: (number | null)[];
}

const ID = /\b\d{8}-\d{6}-\d{3}-[0-9a-f]{6}\b/g;
const HEADING = /^##\s+Experiment\s+(\d+):\s*(.*)$/;

export function parseExperimentLog(text: string | null): LoggedExperiment[] {
  const entries: LoggedExperiment[] = [];
  let current: LoggedExperiment | null = null;
  for (const line of (text ?? '').split('\n')) {
    const heading = line.match(HEADING);
    if (heading) {
      current = { number: Number(heading[1]), title: heading[2].trim(), date: null, ids: [] };
      entries.push(current);
      continue;
    }
    if (!current) continue;
    const date = line.match(/^\*\*Date:\*\*\s*(\d{4}-\d{2}-\d{2})/);
    if (date) current.date = date[1];
    for (const id of line.match(ID) ?? []) if (!current.ids.includes(id)) current.ids.push(id);
  }
  return entries;
}

export function listHistory(options: {
  records: readonly RunRecord[];
  log: readonly LoggedExperiment[];
  metric?: string;
  /** Keep the newest this many rows. */
  limit?: number;
}): { columns: HistoryColumn[]; rows: HistoryRow[] } {
  const { records, log, metric } = options;
  const columns: HistoryColumn[] = [];
  if (metric) {
    const seen = new Set<string>();
    for (const r of records)
      for (const s of r.summary)
        if (s.metrics[metric] && !seen.has(`${s.suite}|${s.provider}`)) {
          seen.add(`${s.suite}|${s.provider}`);
          columns.push({ suite: s.suite, provider: s.provider });
        }
    columns.sort((a, b) => (a.suite + a.provider < b.suite + b.provider ? -1 : 1));
  }
  const experimentOf = (id: string, sweepId?: string) =>
    log.find((e) => e.ids.includes(id) || (sweepId !== undefined && e.ids.includes(sweepId))) ?? null;
  const listed = new Set<number>();
  const rows: HistoryRow[] = records.map((r) => {
    const m = r.manifest;
    const experiment = experimentOf(m.runId, m.sweep?.id);
    if (experiment) listed.add(experiment.number);
    return {
      when: m.startedAt,
      runId: m.runId,
      what: m.sweep
        ? `sweep ${m.sweep.id}: ${m.sweep.variant}${m.sweep.cases === 'holdout' ? ' (held-out cases)' : ''}`
        : (m.hypothesis ?? ''),
      gate: r.gate.status,
      experiment: experiment ? { number: experiment.number, title: experiment.title } : null,
      values: columns.map((c) => {
        const v = r.summary.find((s) => s.suite === c.suite && s.provider === c.provider)?.metrics[metric!]
          ?.value;
        return v === undefined || v === null || !Number.isFinite(v) ? null : v;
      }),
    };
  });
  for (const e of log) {
    if (listed.has(e.number)) continue;
    rows.push({
      when: e.date ?? '',
      runId: null,
      what: 'run folder not on disk',
      gate: null,
      experiment: { number: e.number, title: e.title },
      values: columns.map(() => null),
    });
  }
  rows.sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : 0));
  return { columns, rows: options.limit ? rows.slice(-options.limit) : rows };
}
