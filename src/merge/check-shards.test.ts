// Merge's refusals, one per way shards can fail to be one split of one experiment, and the
// order it returns a valid split in.
import { describe, expect, it } from 'vitest';
import type { RunManifest } from '../run/types.js';
import { checkShards, type ShardRun } from './check-shards.js';

function shard(index: number, count: number, change: Partial<RunManifest> = {}): ShardRun {
  const manifest = {
    runId: `run-${index}-${count}`,
    configHash: 'cfg',
    corpusHash: 'corp',
    seed: 7,
    repeat: 1,
    prompts: { answer: 'answer@v1#aaa' },
    providers: [{ id: 'local/extractive', provider: 'local', model: 'extractive' }],
    suites: [{ name: 'qa', task: 'rag-qa', cases: 6, file: 'qa.jsonl', fileHash: 'h1' }],
    shard: { index, count },
    ...change,
  } as RunManifest;
  return { dir: `/runs/${manifest.runId}`, manifest };
}

describe('checkShards', () => {
  it('returns a complete split in shard order', () => {
    const runs = [shard(3, 3), shard(1, 3), shard(2, 3)];
    expect(checkShards(runs, 'cfg').map((r) => r.manifest.shard!.index)).toEqual([1, 2, 3]);
  });

  it.each([
    [
      'a missing shard',
      [shard(1, 3), shard(3, 3)],
      /^cannot merge: shard 2\/3 missing: 2 of 3 shards given$/,
    ],
    [
      'a duplicate shard',
      [shard(1, 2), shard(2, 2), { ...shard(2, 2), dir: 'x' }],
      /shard 2\/2 is given twice/,
    ],
    ['an unsharded run', [shard(1, 2), { ...shard(2, 2, { shard: undefined }) }], /is not a shard/],
    ['two splits', [shard(1, 2), shard(2, 3)], /shards of different splits/],
    [
      'another config',
      [shard(1, 2), shard(2, 2, { configHash: 'other' })],
      /different configs.*cfg and other/,
    ],
    [
      'another scorer definition',
      [
        shard(1, 2, { metricDefinitions: { 'hallucination.rate': 'offline-check-5' } }),
        shard(2, 2, { metricDefinitions: { 'hallucination.rate': 'offline-check-6' } }),
      ],
      /different evalgate versions.*hallucination\.rate with offline-check-5 and offline-check-6/,
    ],
    [
      'another corpus',
      [shard(1, 2), shard(2, 2, { corpusHash: 'other' })],
      /different corpora.*corp and other/,
    ],
    [
      'another prompt',
      [shard(1, 2), shard(2, 2, { prompts: { answer: 'answer@v1#bbb' } })],
      /different prompts: answer is answer@v1#aaa in run run-1-2 and answer@v1#bbb in run run-2-2/,
    ],
    [
      'other gold cases',
      [
        shard(1, 2),
        shard(2, 2, { suites: [{ name: 'qa', task: 'rag-qa', cases: 7, file: 'qa.jsonl', fileHash: 'h2' }] }),
      ],
      /different gold cases or suites: .* the cases of suite qa \(qa\.jsonl\)/,
    ],
    ['another seed', [shard(1, 2), shard(2, 2, { seed: 8 })], /different settings/],
    ['another selection', [shard(1, 2), shard(2, 2, { filters: { limit: 3 } })], /different selections/],
  ])('refuses %s', (_name, runs, message) => {
    expect(() => checkShards(runs as ShardRun[], 'cfg')).toThrow(message as RegExp);
  });

  it('refuses shards whose config is not the current one', () => {
    expect(() => checkShards([shard(1, 1)], 'now')).toThrow(
      /the config changed since the shards ran \(hash cfg → now\)/,
    );
  });
});
