// Writes chart SVGs into a folder and removes any SVG there that this run has no chart for,
// so a folder never shows a stale chart from an earlier run.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WrittenChart } from './chart.js';

export async function replaceCharts(dir: string, charts: readonly WrittenChart[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const keep = new Set(charts.map((c) => c.file));
  for (const entry of await readdir(dir)) {
    if (entry.endsWith('.svg') && !keep.has(entry)) await rm(path.join(dir, entry), { force: true });
  }
  for (const chart of charts) await writeFile(path.join(dir, chart.file), chart.svg, 'utf8');
}
