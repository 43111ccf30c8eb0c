// `--filter tag:<t>` and `--case <id>`: keep the cases that match. Each --filter must hold
// (and); inside one filter, comma-separated values are alternatives (tag:billing,sync). A case
// is kept whole (all its variants) when its id or any variant's id is named.
import { InputError } from '../core/errors.js';
import { flattenGroups, groupJobs, groupKey, type SelectableJob } from './case-groups.js';

/** One `--filter`: for now tags only (`tag:a,b`), the one field every task's cases carry. */
export interface CaseFilter {
  kind: 'tag';
  values: string[];
}

export function parseFilter(text: string): CaseFilter {
  const match = /^tag:(.+)$/.exec(text.trim());
  if (!match)
    throw new InputError({
      code: 'FILTER_INVALID',
      field: '--filter',
      message: `expected tag:<tag>[,<tag>...], got "${text}"`,
    });
  const values = match[1]
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return { kind: 'tag', values };
}

export function filterByTags<J extends SelectableJob>(
  jobs: readonly J[],
  filters: readonly CaseFilter[],
): J[] {
  return jobs.filter((job) =>
    filters.every((f) => f.values.some((t) => job.variant.evalCase.tags.includes(t))),
  );
}

/** Keeps the cases named by id; an id no selected suite has is an input error, not a no-op. */
export function filterByCaseIds<J extends SelectableJob>(jobs: readonly J[], ids: readonly string[]): J[] {
  const wanted = new Set(ids);
  const found = new Set<string>();
  const kept = groupJobs(jobs).filter((g) => {
    const names = [g.baseId, ...g.jobs.map((j) => j.variant.evalCase.id)];
    const hits = names.filter((n) => wanted.has(n));
    for (const h of hits) found.add(h);
    return hits.length > 0;
  });
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new InputError({
      code: 'CASE_UNKNOWN',
      field: '--case',
      message: `no case with id ${missing.map((m) => `"${m}"`).join(', ')} in the selected suites`,
    });
  return flattenGroups(kept);
}

/** Keeps the cases listed as (suite, base id) pairs, e.g. the failures of an earlier run. */
export function filterByCaseKeys<J extends SelectableJob>(
  jobs: readonly J[],
  cases: readonly { suite: string; baseId: string }[],
): J[] {
  const wanted = new Set(cases.map((c) => groupKey(c.suite, c.baseId)));
  return flattenGroups(groupJobs(jobs).filter((g) => wanted.has(groupKey(g.suite, g.baseId))));
}
