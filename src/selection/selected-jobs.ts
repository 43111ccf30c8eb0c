// The jobs a selection picks, as a membership test: one code path for `eval` (what it runs and
// what its budget estimates) and `plan` (what it prices), so the plan of `--sample 50` is the
// plan of the 50 cases eval would run. Chosen once, from the whole plan: the shard deal and the
// sample's per-suite shares depend on every suite, so a pass over fewer suites must not re-select.
import type { CaseJob } from '../pipeline/run-case.js';
import type { PreparedSuite } from '../pipeline/prepared-suite.js';
import { planJobs } from '../pipeline/run-jobs.js';
import { resultKey } from '../resume/read-written-results.js';
import { type JobSelection, selectJobs } from './select-jobs.js';

/** A job's identity in results (resultKey): suite, case, provider (or retrieval), repeat. */
export function caseJobKey(job: CaseJob): string {
  return resultKey({
    suite: job.suite.config.name,
    caseId: job.variant.evalCase.id,
    provider: job.model?.id ?? 'retrieval',
    repeat: job.repeat,
  });
}

/** The keys (caseJobKey) of the selected jobs; null when nothing is selected (every job runs). */
export function selectedJobKeys(
  suites: PreparedSuite[],
  repeat: number,
  selection: JobSelection | undefined,
  seed: number,
): Set<string> | null {
  if (!selection) return null;
  return new Set(selectJobs(planJobs(suites, repeat), selection, seed).map(caseJobKey));
}
