// `--resume [run]`: which run to finish. An unfinished run is a run folder with results.jsonl
// (opened before the first case) but no readable run.json (written last). Without an argument
// the latest such run is taken; a finished run is refused, since resuming it would change it.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { RESULTS_FILE, RUN_FILE, resolveRunDir, runsDir } from '../run/run-folder.js';

export async function findUnfinishedRun(reportsDir: string, run?: string): Promise<string> {
  if (run) {
    const dir = await resolveRunDir(reportsDir, run);
    const state = await runState(dir);
    if (state === 'finished')
      throw new InputError({
        code: 'RESUME_FINISHED',
        file: dir,
        message: 'this run already finished (it has a run.json): there is nothing to resume',
      });
    if (state === 'empty')
      throw new InputError({
        code: 'RESUME_IMPOSSIBLE',
        file: dir,
        message: 'not a run folder (no results.jsonl)',
      });
    return dir;
  }
  const dir = runsDir(reportsDir);
  let entries: string[] = [];
  try {
    entries = (await readdir(dir)).filter((e) => /^\d{8}-\d{6}/.test(e)).sort();
  } catch {
    /* no runs yet */
  }
  for (const entry of entries.reverse()) {
    if ((await runState(path.join(dir, entry))) === 'unfinished') return path.join(dir, entry);
  }
  throw new InputError({
    code: 'RESUME_NONE',
    file: dir,
    message: 'no unfinished run to resume (every run folder has its run.json)',
  });
}

export type RunState = 'finished' | 'unfinished' | 'empty';

export async function runState(dir: string): Promise<RunState> {
  try {
    JSON.parse(await readFile(path.join(dir, RUN_FILE), 'utf8'));
    return 'finished';
  } catch {
    /* missing or torn: not finished */
  }
  try {
    await stat(path.join(dir, RESULTS_FILE));
    return 'unfinished';
  } catch {
    return 'empty';
  }
}
