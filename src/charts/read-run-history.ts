// Reads the run records of earlier runs (reports/runs/*/run.json) for the history chart: the
// newest `limit` runs up to and including `upTo` (a run's history never shows later runs),
// skipping folders without a readable run.json (an interrupted run).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readWithoutCaseHashes } from '../run/read-without-case-hashes.js';
import type { RunRecord } from '../run/types.js';

export async function readRunHistory(runsDir: string, upTo?: string, limit = 30): Promise<RunRecord[]> {
  let entries: string[];
  try {
    entries = (await readdir(runsDir)).filter((e) => /^\d{8}-\d{6}/.test(e)).sort();
  } catch {
    return [];
  }
  const records: RunRecord[] = [];
  // Newest first, skipping runs that started after `upTo` (an ISO time), until `limit` are found.
  for (let i = entries.length - 1; i >= 0 && records.length < limit; i--) {
    try {
      // Without the manifest's case hashes (one per gold case, most of a 100,000-case run.json),
      // which no chart reads: every "caseHashes" value (evalgate writes them only in the
      // manifest's suites) is emptied as the text streams in, then the emptied key deleted. A
      // value that is not valid JSON is dropped unread, so such a run is still charted.
      const raw = JSON.parse(await readWithoutCaseHashes(path.join(runsDir, entries[i], 'run.json')));
      if (!raw?.manifest?.runId || !Array.isArray(raw.summary)) continue;
      if (Array.isArray(raw.manifest.suites))
        for (const suite of raw.manifest.suites)
          if (suite && typeof suite === 'object') delete suite.caseHashes;
      if (upTo !== undefined && String(raw.manifest.startedAt) > upTo) continue;
      records.push(raw as RunRecord);
    } catch {
      /* not a finished run: nothing to plot */
    }
  }
  return records.reverse();
}
