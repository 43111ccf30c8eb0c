import { describe, expect, it } from 'vitest';
import { checkServingBaseline, type ServedSetup } from './check-serving-baseline.js';
import type { ServingReference } from './serving-reference.js';

const provider = {
  id: 'local/extractive',
  base_url: null,
  logprobs: false,
  classifier: null,
  timeout_ms: 60000,
  max_retries: 4,
};
const dist = {
  n: 1,
  errors: 0,
  confidence: [],
  inputLength: [],
  retrievalTopScore: [],
  latencyMs: [],
  needsReview: 0,
};
const reference: ServingReference = {
  schemaVersion: 1,
  indexKey: 'aaaaaaaaaaaaaaaa',
  prompts: { answer: 'answer@v2#11111111', intent: 'intent@v1#22222222' },
  providers: { 'local/extractive': provider },
  review: { intent: { 'local/extractive': { targetPrecision: 0.9, threshold: 0.7 } } },
  reference: { qa: { 'local/extractive': dist }, intent: { 'local/extractive': dist } },
};
const setup = (patch: Partial<ServedSetup> = {}): ServedSetup => ({
  indexKey: 'aaaaaaaaaaaaaaaa',
  usesIndex: true,
  reviewTargetPrecision: 0.9,
  suites: [
    { name: 'qa', classify: false, provider, prompt: { id: 'answer', versionId: 'answer@v2#11111111' } },
    { name: 'intent', classify: true, provider, prompt: { id: 'intent', versionId: 'intent@v1#22222222' } },
  ],
  ...patch,
});

describe('checkServingBaseline', () => {
  it('passes what was evaluated', () => {
    expect(checkServingBaseline(setup(), reference, 'reports/baseline.json')).toEqual([]);
  });

  it('names each mismatch: index key, prompt hash, provider setting, review threshold, unevaluated suite', () => {
    const changed = setup({
      indexKey: 'bbbbbbbbbbbbbbbb',
      reviewTargetPrecision: 0.95,
      suites: [
        {
          name: 'qa',
          classify: false,
          provider: { ...provider, timeout_ms: 1000 },
          prompt: { id: 'answer', versionId: 'answer@v2#99999999' },
        },
        {
          name: 'intent',
          classify: true,
          provider,
          prompt: { id: 'intent', versionId: 'intent@v1#22222222' },
        },
        { name: 'new-suite', classify: true, provider, prompt: null },
      ],
    });
    expect(checkServingBaseline(changed, reference, 'b.json')).toEqual([
      'index key: baseline aaaaaaaaaaaa, now bbbbbbbbbbbb (corpus, chunking or embedder changed)',
      'prompt answer (suite qa): baseline answer@v2#11111111, now answer@v2#99999999',
      'provider local/extractive timeout_ms: baseline 60000, now 1000',
      'review threshold of suite intent: baseline targets precision 0.9, now 0.95',
      'suite new-suite with local/extractive: not in the accepted baseline',
      'review threshold of suite new-suite with local/extractive: not in the accepted baseline',
    ]);
  });

  it('ignores the index key when nothing served retrieves, and refuses a baseline without a serving section', () => {
    expect(checkServingBaseline(setup({ indexKey: null, usesIndex: false }), reference, 'b.json')).toEqual(
      [],
    );
    expect(checkServingBaseline(setup(), null, 'b.json')[0]).toContain('b.json has no serving section');
  });

  it('a provider the baseline never ran is a mismatch', () => {
    const other = { ...provider, id: 'openai/gpt-4o-mini' };
    const out = checkServingBaseline(
      setup({ suites: [{ name: 'qa', classify: false, provider: other, prompt: null }] }),
      reference,
      'b.json',
    );
    expect(out).toContain('provider openai/gpt-4o-mini: not in the accepted baseline');
  });

  it('names a retrieval or suite setting that changes answers without changing the index', () => {
    const settings = {
      'rag.retrieve.k': '5',
      'rag.context_budget_tokens': '900',
      'suites.intent.labels': '["a","b"]',
    };
    const accepted = { ...reference, settings };
    expect(checkServingBaseline(setup({ settings }), accepted, 'reports/baseline.json')).toEqual([]);
    const moved = setup({ settings: { ...settings, 'rag.retrieve.k': '2' } });
    expect(checkServingBaseline(moved, accepted, 'reports/baseline.json')).toEqual([
      'rag.retrieve.k: baseline 5, now 2',
    ]);
    // A baseline accepted before settings were recorded cannot vouch for them.
    expect(checkServingBaseline(setup({ settings }), reference, 'reports/baseline.json')).toHaveLength(3);
  });
});
