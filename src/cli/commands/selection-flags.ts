// The eval command's case-selection flags → a JobSelection (src/selection). Reads the run named
// by --rerun-failed, which must be a whole run folder, for its failed cases.
import { InputError } from '../../core/errors.js';
import { readResults } from '../../run/read-run.js';
import { failedCases } from '../../selection/failed-cases.js';
import type { JobSelection } from '../../selection/select-jobs.js';
import { parseFilter } from '../../selection/filter-jobs.js';
import { parseShard } from '../../selection/shard-jobs.js';
import { findRun, loadProject } from './load-project.js';

export interface SelectionFlags {
  config: string;
  shard?: string;
  limit?: number;
  sample?: number;
  filter?: string[];
  case?: string[];
  rerunFailed?: string;
}

/** undefined when no flag selects cases; throws an InputError for a malformed flag. */
export async function selectionFromFlags(flags: SelectionFlags): Promise<JobSelection | undefined> {
  const selection: JobSelection = {};
  if (flags.shard !== undefined) selection.shard = parseShard(flags.shard);
  if (flags.limit !== undefined) selection.limit = flags.limit;
  if (flags.sample !== undefined) selection.sample = flags.sample;
  if (flags.filter?.length) {
    for (const f of flags.filter) parseFilter(f); // fail before loading anything
    selection.filter = flags.filter;
  }
  if (flags.case?.length) selection.cases = flags.case;
  if (flags.rerunFailed !== undefined) {
    const { reportsDir } = await loadProject(flags.config);
    const runDir = await findRun(reportsDir, flags.rerunFailed);
    const cases = failedCases(await readResults(runDir));
    if (cases.length === 0)
      throw new InputError({
        code: 'RERUN_NOTHING',
        file: runDir,
        field: '--rerun-failed',
        message: 'this run has no failed or errored case: nothing to rerun',
      });
    const runId = runDir.split(/[\\/]/).filter(Boolean).pop() ?? flags.rerunFailed;
    selection.rerunFailed = { runId, cases };
  }
  return Object.keys(selection).length > 0 ? selection : undefined;
}
