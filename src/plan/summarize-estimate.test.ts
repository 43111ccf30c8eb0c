// Totals from hand-made per-call estimates: cached calls cost and send nothing, unpriced calls
// are counted apart, in-process models are left out of the time, and the one-line summary.
import { describe, expect, it } from 'vitest';
import type { JobEstimate } from './estimate-jobs.js';
import { estimateLine } from './render-plan.js';
import { summarizeEstimate } from './summarize-estimate.js';
import { usageProfile } from './usage-profile.js';

const job = (over: Partial<JobEstimate>): JobEstimate => ({
  suite: 'qa',
  caseId: 'c',
  provider: 'openai/gpt-4o-mini',
  repeat: 0,
  paid: true,
  cached: false,
  inputTokens: 100,
  outputTokens: 50,
  outputSource: 'baseline',
  contextBounded: false,
  costUsd: 0.001,
  ...over,
});

const profile = usageProfile({
  usage: [
    {
      suite: 'qa',
      provider: 'openai/gpt-4o-mini',
      calls: 10,
      inputTokens: 90,
      outputTokens: 50,
      latencyCalls: 10,
      latencyMs: 2000,
    },
  ],
});

describe('summarizeEstimate', () => {
  it('adds up uncached calls only, and times remote calls only', () => {
    const e = summarizeEstimate(
      [
        job({ caseId: 'a' }),
        job({ caseId: 'b' }),
        job({ caseId: 'c', cached: true, costUsd: 0 }),
        job({ caseId: 'd', provider: 'openai/unknown-model', costUsd: null, outputSource: 'max_tokens' }),
        job({ caseId: 'e', provider: 'local/extractive', paid: false, costUsd: 0 }),
      ],
      { profile, concurrency: 2, rateLimits: () => ({}), batch: false },
    );
    expect(e).toMatchObject({
      modelCalls: 5,
      cachedCalls: 1,
      paidCalls: 3,
      inputTokens: 400,
      outputTokens: 200,
      unpricedCalls: 1,
      inProcessCalls: 1,
    });
    expect(e.costUsd).toBeCloseTo(0.002, 12);
    // Two calls at 2 s (baseline) + one at the assumed 1 s for the unknown model, over 2 slots.
    expect(e.seconds).toBeCloseTo(2.5, 12);
    expect(e.groups.find((g) => g.provider === 'openai/unknown-model')).toMatchObject({
      latencySource: 'assumed',
      outputSources: ['max_tokens'],
    });
    expect(estimateLine(e)).toBe(
      'estimate: 5 model calls, 1 cached; 400 input + 200 output tokens; $0.0020 + 1 unpriced calls; ~2.5 s of model calls with concurrency 2',
    );
  });

  it("counts no price as unpriced only for billed providers: the user's own app costs nothing here", () => {
    const opts = { profile, concurrency: 1, rateLimits: () => ({}), batch: false };
    const app = summarizeEstimate(
      [
        job({ caseId: 'a', provider: 'module/app/answer.mjs#answer', paid: false, costUsd: null }),
        job({ caseId: 'b' }),
      ],
      opts,
    );
    expect(app.unpricedCalls).toBe(0);
    expect(app.costUsd).toBeCloseTo(0.001, 12);
    // Must not flip: a billed model the price table does not know is unpriced.
    const billed = summarizeEstimate([job({ caseId: 'a', provider: 'openai/unknown', costUsd: null })], opts);
    expect(billed.unpricedCalls).toBe(1);
  });

  it('names the limit that sets the time, and says when nothing remote is timed', () => {
    const jobs = Array.from({ length: 120 }, (_, i) => job({ caseId: `c${i}` }));
    const limited = summarizeEstimate(jobs, {
      profile,
      concurrency: 8,
      rateLimits: () => ({ rpm: 60 }),
      batch: true,
    });
    expect(limited.time).toMatchObject({ boundBy: 'rpm', seconds: 120 });
    expect(estimateLine(limited)).toContain(
      "(batch: 50% off); ~2.0 min of model calls bound by openai/gpt-4o-mini's rpm limit",
    );
    const local = summarizeEstimate([job({ provider: 'local/extractive', paid: false, costUsd: 0 })], {
      profile,
      concurrency: 8,
      rateLimits: () => ({}),
      batch: false,
    });
    expect(estimateLine(local)).toContain('no remote model call to time (in-process models only)');
  });
});
