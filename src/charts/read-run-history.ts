// Reads the run records of earlier runs (reports/runs/*/run.json) for the history chart: the
// newest `limit` runs by id, skipping folders without a readable run.json (an interrupted run).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunRecord } from '../run/types.js';

export async function readRunHistory(runsDir: string, limit = 30): Promise<RunRecord[]> {
  let entries: string[];
  try {
    entries = (await readdir(runsDir)).filter((e) => /^\d{8}-\d{6}/.test(e)).sort();
  } catch {
    return [];
  }
  const records: RunRecord[] = [];
  for (const entry of entries.slice(-limit)) {
    try {
      const raw = JSON.parse(await readFile(path.join(runsDir, entry, 'run.json'), 'utf8'));
      if (raw?.manifest?.runId && Array.isArray(raw.summary)) records.push(raw as RunRecord);
    } catch {
      /* not a finished run: nothing to plot */
    }
  }
  return records;
}
