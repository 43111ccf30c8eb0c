// Which of the planned jobs a run executes: the fast-iteration flags and the shard, applied to
// the full plan in a fixed order (filters → rerun-failed → sample → limit → shard), so the same
// flags always pick the same cases. Pure data in, pure data out: the selection is stored in the
// run's manifest and can be applied again on --resume.
import { InputError } from '../core/errors.js';
import type { RunManifest } from '../run/types.js';
import type { SelectableJob } from './case-groups.js';
import type { CaseKey } from './failed-cases.js';
import { filterByCaseIds, filterByCaseKeys, filterByTags, parseFilter } from './filter-jobs.js';
import { limitJobs } from './limit-jobs.js';
import { sampleJobs } from './sample-jobs.js';
import { type ShardSpec, shardJobs } from './shard-jobs.js';

export interface JobSelection {
  shard?: ShardSpec;
  limit?: number;
  sample?: number;
  /** `--filter` as typed, e.g. `tag:billing`. */
  filter?: string[];
  /** `--case` ids (base or variant ids). */
  cases?: string[];
  /** `--rerun-failed <run>`: that run's id and its failed cases. */
  rerunFailed?: { runId: string; cases: CaseKey[] };
}

export function selectJobs<J extends SelectableJob>(
  jobs: readonly J[],
  selection: JobSelection,
  seed: number,
): J[] {
  let out = jobs.slice();
  if (selection.filter?.length) out = filterByTags(out, selection.filter.map(parseFilter));
  if (selection.cases?.length) out = filterByCaseIds(out, selection.cases);
  if (selection.rerunFailed) out = filterByCaseKeys(out, selection.rerunFailed.cases);
  if (selection.sample !== undefined) out = sampleJobs(out, selection.sample, seed);
  if (selection.limit !== undefined) out = limitJobs(out, selection.limit);
  if (out.length === 0 && jobs.length > 0)
    throw new InputError({
      code: 'SELECTION_EMPTY',
      field: selectionFlags(selection),
      message: 'the selection matched no case',
    });
  if (selection.shard) {
    const before = out;
    out = shardJobs(out, selection.shard);
    if (out.length === 0 && before.length > 0)
      throw new InputError({
        code: 'SHARD_EMPTY',
        field: '--shard',
        message: `shard ${selection.shard.index}/${selection.shard.count} has no case: there are fewer cases than shards`,
      });
  }
  return out;
}

/**
 * The manifest fields a run's choices add: `--suite`/`--provider` and the case selection under
 * `filters` (absent for a run of everything), the shard on its own.
 */
export function runFilters(options: {
  suites?: string[];
  providers?: string[];
  selection?: JobSelection;
}): Pick<RunManifest, 'filters' | 'shard'> {
  const s = options.selection ?? {};
  const filters: NonNullable<RunManifest['filters']> = {
    ...(options.suites && { suites: options.suites }),
    ...(options.providers && { providers: options.providers }),
    ...(s.limit !== undefined && { limit: s.limit }),
    ...(s.sample !== undefined && { sample: s.sample }),
    ...(s.filter?.length && { filter: s.filter }),
    ...(s.cases?.length && { cases: s.cases }),
    ...(s.rerunFailed && { rerunFailed: s.rerunFailed.runId }),
  };
  return {
    ...(Object.keys(filters).length > 0 && { filters }),
    ...(s.shard && { shard: { index: s.shard.index, count: s.shard.count } }),
  };
}

function selectionFlags(s: JobSelection): string {
  const flags = [
    s.filter?.length && '--filter',
    s.cases?.length && '--case',
    s.rerunFailed && '--rerun-failed',
    s.sample !== undefined && '--sample',
    s.limit !== undefined && '--limit',
  ].filter((f): f is string => Boolean(f));
  return flags.join(', ');
}
