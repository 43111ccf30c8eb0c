import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { results, runRecord } from '../reporters/__fixtures__/run-record.js';
import { writeReportCharts } from './write-report-charts.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeReportCharts', () => {
  it('writes the same charts beside each report, drops stale ones and plots earlier runs', {
    timeout: 30_000,
  }, async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'evalgate-charts-'));
    const runsDir = path.join(dir, 'runs');
    const earlier = {
      ...runRecord,
      manifest: {
        ...runRecord.manifest,
        runId: '20250101-000000-000-aaaaaa',
        startedAt: '2025-01-01T00:00:00.000Z',
      },
    };
    await mkdir(path.join(runsDir, earlier.manifest.runId), { recursive: true });
    await writeFile(path.join(runsDir, earlier.manifest.runId, 'run.json'), JSON.stringify(earlier));
    await mkdir(path.join(runsDir, '20260102-000000-000-bbbbbb'), { recursive: true }); // interrupted: no run.json
    const runDir = path.join(runsDir, runRecord.manifest.runId);
    await mkdir(path.join(runDir, 'charts'), { recursive: true });
    await writeFile(path.join(runDir, 'charts', 'old-chart.svg'), '<svg/>');

    const charts = await writeReportCharts({
      record: runRecord,
      results,
      reportDirs: [runDir, dir],
      runsDir,
    });
    const inRun = (await readdir(path.join(runDir, 'charts'))).sort();
    const inReports = (await readdir(path.join(dir, 'charts'))).sort();
    expect(inRun).toEqual(charts.map((c) => c.file).sort());
    expect(inReports).toEqual(inRun);
    expect(inRun).not.toContain('old-chart.svg');
    const history = await readFile(path.join(dir, 'charts', 'history.svg'), 'utf8');
    expect(history).toContain('2 runs, oldest first');
    // A run that started after this one is not part of its history.
    const later = {
      ...earlier,
      manifest: {
        ...earlier.manifest,
        runId: '20270101-000000-000-cccccc',
        startedAt: '2027-01-01T00:00:00.000Z',
      },
    };
    await mkdir(path.join(runsDir, later.manifest.runId), { recursive: true });
    await writeFile(path.join(runsDir, later.manifest.runId, 'run.json'), JSON.stringify(later));
    await writeReportCharts({ record: runRecord, results, reportDirs: [dir], runsDir });
    expect(await readFile(path.join(dir, 'charts', 'history.svg'), 'utf8')).toContain('2 runs, oldest first');
  });
});
