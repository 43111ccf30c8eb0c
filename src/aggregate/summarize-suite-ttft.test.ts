// Time to first token (streaming http providers) is summarised like latency: nearest-rank
// percentiles over the cases that recorded it, with a bootstrap interval; absent otherwise.
import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { summarizeSuite } from './summarize-suite.js';

const summarize = (results: ReturnType<typeof caseResult>[]) =>
  summarizeSuite({
    suite: 'qa',
    task: 'rag-qa',
    provider: 'http/bot',
    model: 'bot',
    promptVersion: null,
    results,
    resamples: 200,
    confidence: 0.95,
    seed: 1,
  });

describe('time to first token in the suite summary', () => {
  it('reports nearest-rank percentiles of firstTokenMs (hand-computed)', () => {
    const ttft = [50, 10, 40, 20, 30];
    const summary = summarize(
      ttft.map((t, i) => caseResult({ caseId: `c${i}`, firstTokenMs: t, latencyMs: 100 + t })),
    );
    expect(summary.metrics['latency.ttft_p50_ms'].value).toBe(30); // ⌈0.5·5⌉ = 3rd smallest
    expect(summary.metrics['latency.ttft_p95_ms'].value).toBe(50); // ⌈0.95·5⌉ = 5th
    expect(summary.metrics['latency.ttft_p50_ms'].n).toBe(5);
    expect(summary.metrics['latency.p50_ms'].value).toBe(130); // ordinary latency unchanged
  });

  it('is absent when no case streamed', () => {
    const summary = summarize([caseResult({ caseId: 'a' }), caseResult({ caseId: 'b' })]);
    expect(Object.keys(summary.metrics).some((k) => k.includes('ttft'))).toBe(false);
  });
});
