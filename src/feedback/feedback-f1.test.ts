import { describe, expect, it } from 'vitest';
import { sha256 } from '../core/hash.js';
import { createRng } from '../core/rng.js';
import type { InferenceRecord } from '../serve/inference-record.js';
import { feedbackF1 } from './feedback-f1.js';

function logged(input: string, label: string, id: string): InferenceRecord {
  return {
    time: '2026-12-01T00:00:00.000Z',
    request_id: id,
    route: 'classify',
    suite: 'intent',
    status: 'ok',
    input_hash: sha256(input),
    input_length: input.length,
    output: null,
    label,
    confidence: 0.9,
    needs_review: false,
    latency_ms: 1,
    model: 'm',
    prompt_version: 'p',
    manifest_hash: 'h',
    retrieved_docs: [],
    top_score: null,
  };
}

function scenario(n: number, wrongEvery: number) {
  const records: InferenceRecord[] = [];
  const feedback = [];
  for (let i = 0; i < n; i++) {
    const gold = i % 2 === 0 ? 'a' : 'b';
    const predicted = i % wrongEvery === 0 ? (gold === 'a' ? 'b' : 'a') : gold;
    records.push(logged(`text ${i}`, predicted, `r${i}`));
    // Half matched by request id, half by input hash.
    feedback.push(
      i % 2 ? { input: `text ${i}`, label: gold, request_id: `r${i}` } : { input: `text ${i}`, label: gold },
    );
  }
  return { records, feedback };
}

describe('feedbackF1', () => {
  it('macro-F1 of logged predictions against the labels (hand-computed)', () => {
    // gold a,b,a,b; predicted b,b,a,b → a: P 1, R ½, F1 2/3; b: P 2/3, R 1, F1 0.8 → macro 0.7333
    const { records, feedback } = scenario(4, 4);
    const r = feedbackF1({
      feedback,
      records,
      labels: ['a', 'b'],
      evalF1: 0.9,
      rng: createRng(1),
      replicates: 200,
    });
    expect(r.matched).toBe(4);
    expect(r.f1).toBeCloseTo((2 / 3 + 0.8) / 2, 10);
  });

  it('alerts on a real drop (> 5 points, interval below the eval value); not on the same drop with few labels, nor on no drop', () => {
    const big = scenario(400, 5); // 20 % wrong → F1 ≈ 0.8
    const drop = feedbackF1({
      ...big,
      feedback: big.feedback,
      labels: ['a', 'b'],
      evalF1: 0.95,
      rng: createRng(2),
      replicates: 500,
    });
    expect(drop.alert).toBe(true);
    const few = scenario(10, 5);
    const noisy = feedbackF1({
      ...few,
      feedback: few.feedback,
      labels: ['a', 'b'],
      evalF1: 0.95,
      rng: createRng(3),
      replicates: 500,
    });
    expect(noisy.f1).toBeLessThan(0.9);
    expect(noisy.alert).toBe(false);
    const same = feedbackF1({
      ...big,
      feedback: big.feedback,
      labels: ['a', 'b'],
      evalF1: 0.82,
      rng: createRng(4),
      replicates: 500,
    });
    expect(same.alert).toBe(false);
  });
});
