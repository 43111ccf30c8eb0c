import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../run/types.js';
import { listHistory, parseExperimentLog } from './list-history.js';

const LOG = `# Experiment Log

## Experiment 001: Offline baseline
**Date:** 2026-11-20
**Approach:** Run: \`20261120-100000-000-aaaaaa\`, started …

## Experiment 002: Sweep rag.retrieve.k ∈ {3, 5}
**Date:** 2026-12-01
**Approach:** Sweep \`20261201-090000-000-bbbbbb\`: 3 variants
`;

function record(
  runId: string,
  startedAt: string,
  extra: Partial<RunRecord['manifest']>,
  f1: number | null,
): RunRecord {
  return {
    manifest: { runId, startedAt, hypothesis: null, ...extra },
    summary: [
      {
        suite: 'qa',
        provider: 'local/extractive',
        metrics: f1 === null ? {} : { 'answer.f1': { value: f1, low: null, high: null, n: 3, kind: 'mean' } },
      },
    ],
    gate: { status: 'pass' },
  } as unknown as RunRecord;
}

describe('history', () => {
  it('reads entries, dates and the run and sweep ids they name from the experiment log', () => {
    expect(parseExperimentLog(LOG)).toEqual([
      { number: 1, title: 'Offline baseline', date: '2026-11-20', ids: ['20261120-100000-000-aaaaaa'] },
      {
        number: 2,
        title: 'Sweep rag.retrieve.k ∈ {3, 5}',
        date: '2026-12-01',
        ids: ['20261201-090000-000-bbbbbb'],
      },
    ]);
    expect(parseExperimentLog(null)).toEqual([]);
  });

  it('lists runs oldest first with their experiment, sweep variant and metric, and log-only entries', () => {
    const records = [
      record(
        '20261201-090001-000-cccccc',
        '2026-12-01T09:00:01Z',
        {
          sweep: { id: '20261201-090000-000-bbbbbb', variant: 'k=3', set: { 'rag.retrieve.k': 3 } },
        },
        0.4,
      ),
      record('20261202-080000-000-dddddd', '2026-12-02T08:00:00Z', { hypothesis: 'shorter chunks' }, null),
    ];
    const { columns, rows } = listHistory({ records, log: parseExperimentLog(LOG), metric: 'answer.f1' });
    expect(columns).toEqual([{ suite: 'qa', provider: 'local/extractive' }]);
    expect(rows.map((r) => [r.runId, r.what, r.experiment?.number ?? null, r.values[0]])).toEqual([
      [null, 'run folder not on disk', 1, null],
      ['20261201-090001-000-cccccc', 'sweep 20261201-090000-000-bbbbbb: k=3', 2, 0.4],
      ['20261202-080000-000-dddddd', 'shorter chunks', null, null],
    ]);
    expect(listHistory({ records, log: parseExperimentLog(LOG), limit: 2 }).rows.map((r) => r.runId)).toEqual(
      ['20261201-090001-000-cccccc', '20261202-080000-000-dddddd'],
    );
  });
});
