// `--rerun-failed <run>`: the cases of a stored run that failed or errored, as (suite, base id)
// pairs. A case counts as failed when any of its results (variant, provider, repeat) errored or
// did not pass, so the rerun sees the whole case again, variants included.
import type { CaseResult } from '../run/types.js';
import { groupKey } from './case-groups.js';

export interface CaseKey {
  suite: string;
  baseId: string;
}

export function failedCases(results: readonly CaseResult[]): CaseKey[] {
  const seen = new Map<string, CaseKey>();
  for (const r of results) {
    const failed = r.error !== undefined || (r.attribution !== null && r.attribution !== 'pass');
    const key = groupKey(r.suite, r.baseId);
    if (failed && !seen.has(key)) seen.set(key, { suite: r.suite, baseId: r.baseId });
  }
  return [...seen.values()];
}
