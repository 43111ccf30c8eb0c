// Says, in the flags the user typed, how a run picked part of its cases (--shard, --limit,
// --sample, --filter, --case, --rerun-failed), or null for a run of every case. Such a run is
// judged on what it ran, but can never stand for a release: the cases it left out were not seen.
import type { RunManifest } from '../run/types.js';

export function describeCaseSelection(manifest: RunManifest): string | null {
  const f = manifest.filters ?? {};
  const parts = [
    manifest.shard && `shard ${manifest.shard.index}/${manifest.shard.count}`,
    f.limit !== undefined && `--limit ${f.limit}`,
    f.sample !== undefined && `--sample ${f.sample}`,
    ...(f.filter ?? []).map((x) => `--filter ${x}`),
    f.cases?.length && `--case ${f.cases.join(' ')}`,
    f.rerunFailed && `--rerun-failed ${f.rerunFailed}`,
  ].filter((p): p is string => typeof p === 'string');
  return parts.length > 0 ? parts.join(', ') : null;
}
