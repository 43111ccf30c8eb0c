// A `--batch` run's spend: what its batches billed (at the batch price) is money this run spent,
// in the run record, the report's budget line and the guard; answers an earlier run already paid
// for (read from the cache) are not. Against the fake OpenAI server's Batch API.
import { afterEach, describe, expect, it } from 'vitest';
import { referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { evaluate, type EvaluateOutcome } from '../pipeline/evaluate.js';
import { renderModelSummarySection } from '../reporters/model-summary-section.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { openAIProject, promptOf } from '../batch/__fixtures__/batch-project.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const billed = (outcome: EvaluateOutcome): number =>
  outcome.results.reduce((sum, r) => sum + (r.costUsd ?? 0), 0);

describe('--batch spend', () => {
  it('counts the batch billed cost as spend; a re-run reading the paid answers from the cache spends nothing', async () => {
    server = await startFakeOpenAIServer({ reply: (r) => referenceFor(promptOf(r)) ?? 'unknown' });
    const options = {
      configPath: await openAIProject(server.url),
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      batch: { pollIntervalMs: 1 },
      spend: { maxCostUsd: 1, batch: true },
    };
    const batched = await evaluate(options);
    expect(server.batch.stats.answered).toBe(6);
    // Paid in this run: model calls, not cache hits, each at the batch price.
    expect(batched.results.every((r) => !r.cached && r.usage?.batch === true)).toBe(true);
    const cost = billed(batched);
    expect(cost).toBeGreaterThan(0);
    const budget = batched.record.manifest.budget!;
    expect(budget.spentUsd).toBeCloseTo(cost, 12);
    expect(budget.spentUsd).toBeCloseTo(batched.record.manifest.batch!.cost!.costUsd, 12);
    expect(budget.stopped).toBe(false);
    expect(batched.record.manifest.counts.cached).toBe(0);
    const row = renderModelSummarySection(batched.record)
      .split('\n')
      .find((l) => l.startsWith('| Budget'));
    expect(row).toContain(`spent $${cost.toFixed(2 - Math.floor(Math.log10(cost)))} of $1.0000`);

    // The same answers again: already paid, served from the cache, no spend and no guard needed.
    const again = await evaluate(options);
    expect(server.batch.stats.created).toBe(1);
    expect(again.results.every((r) => r.cached)).toBe(true);
    expect(again.record.manifest.budget?.spentUsd ?? 0).toBe(0);
  });

  it('never holds back an answer its batch already paid for, even when the bill ran past the estimate', async () => {
    // Usage 3× the estimate's output: the batch bills more than the guard reserved per call.
    server = await startFakeOpenAIServer({
      reply: (r) => ({
        content: referenceFor(promptOf(r)) ?? 'unknown',
        usage: { prompt_tokens: 600, completion_tokens: 600 },
      }),
    });
    const base = {
      configPath: await openAIProject(server.url),
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      batch: { pollIntervalMs: 1 },
    };
    const probe = await evaluate({ ...base, useCache: true, spend: { maxCostUsd: 10, batch: true } });
    const estimate = probe.record.manifest.budget!.estimatedCostUsd;
    const cost = billed(probe);
    expect(cost).toBeGreaterThan(estimate); // the bill ran past the estimate
    // A fresh project (empty cache) with a limit between the estimate and the bill.
    await server.close();
    server = await startFakeOpenAIServer({
      reply: (r) => ({
        content: referenceFor(promptOf(r)) ?? 'unknown',
        usage: { prompt_tokens: 600, completion_tokens: 600 },
      }),
    });
    const limit = (estimate + cost) / 2;
    const run = await evaluate({
      ...base,
      configPath: await openAIProject(server.url),
      spend: { maxCostUsd: limit, batch: true },
    });
    expect(run.results).toHaveLength(6); // all six answers kept: they were paid for
    const budget = run.record.manifest.budget!;
    expect(budget.stopped).toBe(false);
    expect(budget.spentUsd).toBeCloseTo(cost, 12); // and reported as spent, above the limit
    expect(budget.spentUsd).toBeGreaterThan(limit);
  });
});
