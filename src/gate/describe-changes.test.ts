import { describe, expect, it } from 'vitest';
import type { Baseline, RunManifest } from '../run/types.js';
import { describeChanges } from './describe-changes.js';

const baseline: Baseline = {
  schemaVersion: 1,
  runId: 'base',
  acceptedAt: '2026-11-01T00:00:00Z',
  gitSha: null,
  configHash: 'c1',
  corpusHash: 'k1',
  prompts: { answer: 'answer@v1#aaaa', intent: 'intent@v1#bbbb' },
  providers: ['local/extractive'],
  summary: [],
  cases: { qa: {}, intent: {} },
};

function manifest(over: Partial<RunManifest>): RunManifest {
  return {
    name: 'demo',
    startedAt: '',
    finishedAt: '',
    durationMs: 0,
    gitSha: null,
    gitDirty: null,
    configHash: 'c1',
    configFile: 'eval/evalgate.yaml',
    corpusHash: 'k1',
    seed: 42,
    repeat: 1,
    hypothesis: null,
    providers: [{ id: 'local/extractive', provider: 'local', model: 'extractive' }],
    prompts: { answer: 'answer@v1#aaaa', intent: 'intent@v1#bbbb' },
    retrieval: null,
    suites: [
      { name: 'qa', task: 'rag-qa', cases: 1, file: 'qa.jsonl' },
      { name: 'intent', task: 'classify', cases: 1, file: 'intent.jsonl' },
    ],
    packageVersions: {},
    timings: {},
    counts: { results: 0, errors: 0, cached: 0, requests: 0 },
    ...over,
  } as RunManifest;
}

describe('describeChanges', () => {
  it('reports an edited prompt, a removed prompt and a changed corpus on a full run', () => {
    const changes = describeChanges(
      manifest({ prompts: { answer: 'answer@v2#cccc' }, corpusHash: 'k2' }),
      baseline,
    );
    expect(changes.prompts).toEqual([
      { id: 'answer', from: 'answer@v1#aaaa', to: 'answer@v2#cccc' },
      { id: 'intent', from: 'intent@v1#bbbb', to: null },
    ]);
    expect(changes.corpusChanged).toBe(true);
  });

  it('does not call what a --suite or --provider run left out "removed" or "changed"', () => {
    const onlyIntent = manifest({
      filters: { suites: ['intent'] },
      suites: [{ name: 'intent', task: 'classify', cases: 1, file: 'intent.jsonl' }],
      prompts: { intent: 'intent@v1#bbbb' },
      corpusHash: null,
      providers: [],
    });
    const changes = describeChanges(onlyIntent, {
      ...baseline,
      providers: ['local/extractive', 'openai/gpt-4o-mini'],
    });
    expect(changes.prompts).toEqual([]);
    expect(changes.corpusChanged).toBe(false);
    expect(changes.providersRemoved).toEqual([]);
    // An edit to a prompt the partial run did use is still reported.
    expect(
      describeChanges({ ...onlyIntent, prompts: { intent: 'intent@v2#dddd' } }, baseline).prompts,
    ).toEqual([{ id: 'intent', from: 'intent@v1#bbbb', to: 'intent@v2#dddd' }]);
  });

  it('reports a suite deleted from the config: a full run that lacks it lost its prompt', () => {
    const withoutIntent = manifest({
      suites: [{ name: 'qa', task: 'rag-qa', cases: 1, file: 'qa.jsonl' }],
      prompts: { answer: 'answer@v1#aaaa' },
    });
    expect(describeChanges(withoutIntent, baseline).prompts).toEqual([
      { id: 'intent', from: 'intent@v1#bbbb', to: null },
    ]);
    expect(describeChanges(manifest({ providers: [] }), baseline).providersRemoved).toEqual([
      'local/extractive',
    ]);
  });
});
