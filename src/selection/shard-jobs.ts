// `--shard i/n`: a deterministic, balanced share of the planned jobs. Within each suite the
// cases are ordered by a stable hash of (suite, case id) and dealt out round-robin, with the
// deal continuing from suite to suite, so each shard gets ⌊m/n⌋ or ⌈m/n⌉ of every suite's m
// cases and the shards' totals differ by at most one case. A pure hash-mod-n split is stable
// under case additions but can leave one runner with far more work than another; merge checks
// that every shard saw the same case files, so a dealt split is just as safe and evenly sized.
import { sha256 } from '../core/hash.js';
import { InputError } from '../core/errors.js';
import { flattenGroups, groupJobs, groupsBySuite, type SelectableJob } from './case-groups.js';

export interface ShardSpec {
  /** 1-based, as on the command line. */
  index: number;
  count: number;
}

export function parseShard(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!match || count < 1 || index < 1 || index > count)
    throw new InputError({
      code: 'SHARD_INVALID',
      field: '--shard',
      message: `expected i/n with 1 ≤ i ≤ n (for example 2/4), got "${text}"`,
    });
  return { index, count };
}

export function shardJobs<J extends SelectableJob>(jobs: readonly J[], shard: ShardSpec): J[] {
  let dealt = 0;
  const kept = [];
  for (const suite of groupsBySuite(groupJobs(jobs))) {
    const order = suite
      .map((group) => ({ group, hash: sha256(`${group.suite}\u0000${group.baseId}`) }))
      .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
    const mine = new Set<string>();
    for (const { group } of order) {
      if (dealt % shard.count === shard.index - 1) mine.add(group.baseId);
      dealt++;
    }
    // Keep plan order inside the shard, so a shard runs its cases as an unsharded run would.
    kept.push(...suite.filter((g) => mine.has(g.baseId)));
  }
  return flattenGroups(kept);
}
