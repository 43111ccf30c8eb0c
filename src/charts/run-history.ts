// Key metrics over recorded runs, from their run records (oldest first). Key metrics are the
// ones this run checks: its targets and its gated metrics; a run that lacks one is a gap.
import type { RunRecord } from '../run/types.js';

export interface HistoryPoint {
  runId: string;
  startedAt: string;
  series: string;
  value: number;
}

export function keyMetrics(record: RunRecord): { suite: string; provider: string; metric: string }[] {
  const keys = new Map<string, { suite: string; provider: string; metric: string }>();
  for (const t of record.targets) keys.set(`${t.suite}|${t.provider}|${t.metric}`, t);
  for (const c of record.comparison)
    if (c.adjustedP !== null) keys.set(`${c.suite}|${c.provider}|${c.metric}`, c);
  return [...keys.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, v]) => ({ suite: v.suite, provider: v.provider, metric: v.metric }));
}

/** `current` decides which metrics count; `runs` are the earlier records, in any order. */
export function runHistory(current: RunRecord, runs: readonly RunRecord[]): HistoryPoint[] {
  const byId = new Map<string, RunRecord>();
  for (const run of [...runs, current]) byId.set(run.manifest.runId, run);
  const ordered = [...byId.values()].sort((a, b) =>
    a.manifest.startedAt === b.manifest.startedAt
      ? a.manifest.runId < b.manifest.runId
        ? -1
        : 1
      : a.manifest.startedAt < b.manifest.startedAt
        ? -1
        : 1,
  );
  const keys = keyMetrics(current);
  const manyProviders = new Set(keys.map((k) => k.provider)).size > 1;
  const points: HistoryPoint[] = [];
  for (const run of ordered) {
    for (const key of keys) {
      const summary = run.summary.find((s) => s.suite === key.suite && s.provider === key.provider);
      const value = summary?.metrics[key.metric]?.value;
      if (value === null || value === undefined || !Number.isFinite(value)) continue;
      points.push({
        runId: run.manifest.runId,
        startedAt: run.manifest.startedAt,
        series: `${key.suite} · ${key.metric}${manyProviders ? ` (${key.provider})` : ''}`,
        value,
      });
    }
  }
  return points;
}
