// reports/sweeps/<id>/: sweep.json (the record every later command reads) and sweep.md.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { writeFileAtomic } from '../run/run-folder.js';
import { renderSvg } from '../charts/render-svg.js';
import { renderSweepMarkdown } from './render-sweep-markdown.js';
import { SWEEP_CHART_FILE, sweepTradeoffChart } from './sweep-chart.js';
import { SWEEP_FILE, SWEEP_MARKDOWN, type SweepRecord } from './sweep-record.js';

export function sweepDir(reportsDir: string, id: string): string {
  return path.join(reportsDir, 'sweeps', id);
}

export async function writeSweep(
  reportsDir: string,
  sweep: SweepRecord,
): Promise<{ json: string; markdown: string }> {
  const dir = sweepDir(reportsDir, sweep.id);
  const json = path.join(dir, SWEEP_FILE);
  const markdown = path.join(dir, SWEEP_MARKDOWN);
  await writeFileAtomic(json, `${JSON.stringify(sweep, null, 1)}\n`);
  const chart = sweepTradeoffChart(sweep);
  if (chart) await writeFileAtomic(path.join(dir, SWEEP_CHART_FILE), await renderSvg(chart.spec));
  await writeFileAtomic(markdown, renderSweepMarkdown(sweep));
  return { json, markdown };
}

export async function readSweep(reportsDir: string, id: string): Promise<SweepRecord> {
  const file = path.join(sweepDir(reportsDir, id), SWEEP_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError({
      code: 'SWEEP_NOT_FOUND',
      file: path.relative(process.cwd(), file) || file,
      message: missing
        ? `no sweep "${id}" (sweeps are under ${path.join(reportsDir, 'sweeps')})`
        : 'not valid JSON',
    });
  }
  const record = raw as Partial<SweepRecord>;
  if (record?.schemaVersion !== 1 || !Array.isArray(record.variants) || !Array.isArray(record.rows))
    throw new InputError({
      code: 'SWEEP_INVALID',
      file: path.relative(process.cwd(), file) || file,
      field: 'schemaVersion',
      message: 'not a sweep record written by this version of evalgate',
    });
  return record as SweepRecord;
}
