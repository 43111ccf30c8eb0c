import { describe, expect, it } from 'vitest';
import type { CaseResult, RunRecord } from '../run/types.js';
import {
  buildServingReference,
  needsReview,
  ServingReferenceSchema,
  storedServingReference,
} from './serving-reference.js';

describe('needsReview', () => {
  const review = { threshold: 0.7 };
  it('flips exactly at the accepted threshold', () => {
    expect(needsReview({ failed: false, declined: false, confidence: 0.7, review })).toBe(false);
    expect(needsReview({ failed: false, declined: false, confidence: 0.699999, review })).toBe(true);
  });
  it('failures, declines and missing confidences go to review; no threshold means everything does', () => {
    expect(needsReview({ failed: true, declined: false, confidence: 0.99, review })).toBe(true);
    expect(needsReview({ failed: false, declined: true, confidence: null, review: undefined })).toBe(true);
    expect(needsReview({ failed: false, declined: false, confidence: null, review })).toBe(true);
    expect(
      needsReview({ failed: false, declined: false, confidence: 0.99, review: { threshold: null } }),
    ).toBe(true);
    expect(needsReview({ failed: false, declined: false, confidence: null, review: undefined })).toBe(false);
  });
});

function result(patch: Partial<CaseResult>): CaseResult {
  return {
    suite: 'intent',
    task: 'classify',
    caseId: 'c',
    baseId: 'c',
    provider: 'local/extractive',
    repeat: 0,
    promptVersion: 'intent@v1#22222222',
    input: 'hello',
    output: 'billing',
    costUsd: 0,
    latencyMs: 2,
    cached: false,
    attempts: 1,
    attribution: 'pass',
    scores: {},
    tags: [],
    ...patch,
  };
}

describe('buildServingReference', () => {
  const record = {
    manifest: { providers: [{ id: 'local/extractive' }], prompts: { intent: 'intent@v1#22222222' } },
    summary: [
      {
        suite: 'intent',
        provider: 'local/extractive',
        classification: { reviewThreshold: { targetPrecision: 0.9, threshold: 0.6, reviewShare: 0.5 } },
      },
    ],
  } as unknown as RunRecord;
  const results = [
    result({ label: 'billing', predicted: 'billing', confidence: 0.9, input: 'abc' }),
    result({ label: 'billing', predicted: 'general', confidence: 0.5, input: 'abcdef', latencyMs: 4 }),
    result({ label: 'general', predicted: null, confidence: 0.3 }),
    result({ error: { code: 'X', message: 'x' }, output: null, latencyMs: 9 }),
    result({
      suite: 'qa',
      task: 'rag-qa',
      input: 'q?',
      retrieval: { chunks: [{ id: 'd#0', docId: 'd', score: 0.03 }], docs: ['d'] },
    }),
  ];
  const ref = buildServingReference({
    config: {
      providers: [{ id: 'local/extractive', logprobs: false, timeout_ms: 60000, max_retries: 4 }],
      suites: [{ name: 'intent', labels: ['billing', 'general'] }],
    } as never,
    record,
    results,
    indexKey: 'k',
    env: {},
    isDeclined: () => true,
  });

  it('counts labels, errors and review decisions the way serve makes them', () => {
    const intent = ref.reference.intent['local/extractive'];
    expect(intent).toMatchObject({ n: 4, errors: 1, labels: { billing: 1, general: 1, '(invalid)': 1 } });
    expect(intent.confidence).toEqual([0.9, 0.5, 0.3]);
    expect(intent.correct).toEqual([1, 0, 0]);
    // Label indexes into the suite's labels; −1 for an output that was not a label.
    expect(intent.labelOrder).toEqual(['billing', 'general']);
    expect(intent.predicted).toEqual([0, 1, -1]);
    expect(intent.gold).toEqual([0, 0, 1]);
    // 0.5 < 0.6, the invalid label and the error go to review; 0.9 does not.
    expect(intent.needsReview).toBe(3);
    expect(intent.inputLength).toEqual([3, 6, 5, 5]);
    expect(ref.reference.qa['local/extractive']).toMatchObject({
      n: 1,
      needsReview: 1,
      retrievalTopScore: [0.03],
    });
    expect(ref.review.intent['local/extractive']).toEqual({ targetPrecision: 0.9, threshold: 0.6 });
    expect(ref.providers['local/extractive']).toMatchObject({ base_url: null, classifier: null });
  });

  it('round-trips through its stored form (number lists as strings)', () => {
    const stored = JSON.parse(JSON.stringify(storedServingReference(ref)));
    expect(stored.reference.intent['local/extractive'].confidence).toBe('0.9 0.5 0.3');
    expect(ServingReferenceSchema.parse(stored)).toEqual(ref);
  });
});
