// The baseline's measured usage: means over calls with usage, latency only from uncached calls,
// errors and retrieval rows left out; and the fallbacks the plan reads them through.
import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../run/types.js';
import { ASSUMED_LATENCY_MS, measureUsage, usageProfile } from './usage-profile.js';

const row = (over: Partial<CaseResult>): CaseResult =>
  ({
    suite: 'qa',
    task: 'qa',
    provider: 'openai/x',
    cached: false,
    latencyMs: 100,
    usage: { inputTokens: 100, outputTokens: 10, estimated: false },
    ...over,
  }) as CaseResult;

describe('measureUsage', () => {
  it('averages tokens over every answered call and latency over uncached calls only', () => {
    const usage = measureUsage([
      row({}),
      row({ usage: { inputTokens: 300, outputTokens: 30, estimated: false }, latencyMs: 300 }),
      row({ cached: true, latencyMs: 1, usage: { inputTokens: 200, outputTokens: 20, estimated: false } }),
      row({ error: { code: 'PROVIDER_HTTP', message: 'x' }, latencyMs: 9000 }),
      row({ task: 'retrieval', provider: 'retrieval' }),
      row({ suite: 'other', usage: undefined, latencyMs: 50 }),
    ]);
    expect(usage).toEqual([
      {
        suite: 'other',
        provider: 'openai/x',
        calls: 0,
        inputTokens: 0,
        outputTokens: 0,
        latencyCalls: 1,
        latencyMs: 50,
      },
      {
        suite: 'qa',
        provider: 'openai/x',
        calls: 3,
        inputTokens: 200,
        outputTokens: 20,
        latencyCalls: 2,
        latencyMs: 200,
      },
    ]);
    const profile = usageProfile({ usage });
    expect(profile.outputTokens('qa', 'openai/x')).toBe(20);
    expect(profile.outputTokens('other', 'openai/x')).toBeNull(); // no usage measured there
    expect(profile.latency('qa', 'openai/x')).toEqual({ ms: 200, source: 'baseline' });
    // Another suite of the same provider: the provider's call-weighted mean, (2·200 + 1·50) / 3.
    expect(profile.latency('new', 'openai/x')).toEqual({ ms: 150, source: 'baseline-provider' });
    expect(profile.latency('qa', 'anthropic/y')).toEqual({ ms: ASSUMED_LATENCY_MS, source: 'assumed' });
    expect(usageProfile(null).outputTokens('qa', 'openai/x')).toBeNull();
  });
});
