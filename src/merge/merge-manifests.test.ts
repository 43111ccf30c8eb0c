import { describe, expect, it } from 'vitest';
import type { RunManifest } from '../run/types.js';
import { budgetRow } from '../budget/budget-row.js';
import { mergeManifests } from './merge-manifests.js';

function shard(index: number, extra: Partial<RunManifest> = {}): RunManifest {
  return {
    runId: `s${index}`,
    startedAt: '2026-12-06T00:00:00.000Z',
    finishedAt: '2026-12-06T00:01:00.000Z',
    timings: { cases: 10 },
    counts: { results: 10, errors: 0, cached: 0, requests: 10 },
    retrieval: null,
    shard: { index, count: 2 },
    ...extra,
  } as unknown as RunManifest;
}

const budget = (stopped: boolean, ids: string[]) => ({
  maxCostUsd: 0.5,
  estimatedCostUsd: 0.4,
  spentUsd: stopped ? 0.5 : 0.3,
  stopped,
  notRun: ids.length ? [{ suite: 'qa', provider: 'openai/x', caseIds: ids }] : [],
});

describe('mergeManifests', () => {
  it('a shard its budget cut short makes the merged run cut short (whichever shard it was)', () => {
    const merged = mergeManifests(
      [shard(1, { budget: budget(false, []) }), shard(2, { budget: budget(true, ['q9']) })],
      'm',
    );
    // Each shard ran under its own $0.5: together they were allowed $1.
    expect(merged.budget).toMatchObject({
      stopped: true,
      maxCostUsd: 1,
      shards: 2,
      shardLimitUsd: 0.5,
      spentUsd: 0.8,
    });
    expect(merged.budget?.notRun).toEqual([{ suite: 'qa', provider: 'openai/x', caseIds: ['q9'] }]);
  });

  it("the Budget row sets the shards' summed spend against their summed limits, and keeps prior spend and the cost rate", () => {
    const spent = (spentUsd: number, more: object = {}) => ({
      budget: { ...budget(false, []), maxCostUsd: 1, estimatedCostUsd: 0.9, spentUsd, ...more },
    });
    const merged = mergeManifests(
      [
        shard(1, spent(0.9, { costRatio: 1.5, priorSpentUsd: 0.2 })),
        shard(2, spent(0.9, { costRatio: 2.5 })),
      ],
      'm',
    );
    const row = budgetRow(merged)![1];
    // Not "spent $1.8000 of $1.0000": each shard spent $0.90 of its own $1.
    expect(row).toMatch(
      /^spent \$1\.8000 \(\$0\.2000 of it by the interrupted run this one resumed\) of \$2\.0000 \(\$1\.0000 per shard × 2\);/,
    );
    expect(row).not.toContain('went over');
    expect(merged.budget).toMatchObject({ priorSpentUsd: 0.2, costRatio: 2 }); // (1.5·0.9 + 2.5·0.9) / 1.8
    // Must not flip: a shard that did go over its limit is said, against the sum.
    const over = mergeManifests([shard(1, spent(1.5)), shard(2, spent(0.9))], 'm');
    expect(budgetRow(over)![1]).toContain('went over it by $0.4000');
    // Shards under different limits: the sum, without a per-shard limit.
    const mixed = mergeManifests(
      [shard(1, spent(0.5)), shard(2, { budget: { ...spent(0.5).budget, maxCostUsd: 3 } })],
      'm',
    );
    expect(mixed.budget).toMatchObject({ maxCostUsd: 4 });
    expect(budgetRow(mixed)![1]).not.toContain('per shard');
  });

  it('two shards cut short on the same suite × provider give one entry', () => {
    const merged = mergeManifests(
      [shard(1, { budget: budget(true, ['q1']) }), shard(2, { budget: budget(true, ['q2']) })],
      'm',
    );
    expect(merged.budget?.notRun).toEqual([{ suite: 'qa', provider: 'openai/x', caseIds: ['q1', 'q2'] }]);
  });

  it('shards that all finished merge to a finished run; shards without a budget to no budget', () => {
    expect(
      mergeManifests([shard(1, { budget: budget(false, []) }), shard(2, { budget: budget(false, []) })], 'm')
        .budget?.stopped,
    ).toBe(false);
    expect(mergeManifests([shard(1), shard(2)], 'm').budget).toBeUndefined();
  });

  it("adds up the batch saving over every shard, not the first shard's alone", () => {
    const cost = (saving: number) => ({
      calls: 2,
      unpricedCalls: 0,
      costUsd: saving,
      listCostUsd: 2 * saving,
      savingUsd: saving,
    });
    const merged = mergeManifests(
      [shard(1, { batch: { cost: cost(1) } }), shard(2, { batch: { cost: cost(2) } })],
      'm',
    );
    expect(merged.batch?.cost).toMatchObject({ calls: 4, savingUsd: 3, listCostUsd: 6 });
    expect(merged.shard).toBeUndefined();
  });
});
