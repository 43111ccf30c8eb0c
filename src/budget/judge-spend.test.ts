// A paid judge under the spending limit. With --batch, the answers are paid when the batch is
// accepted (never held back), but the judge scoring them is called directly at the full price:
// each judge call reserves its price before it is made, and once the run stops the remaining
// answers are kept with their judge scores not assessed. Against the fake OpenAI server (batch
// API and chat), with a judge whose calls bill far more than their plan.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureProject, referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { evaluate } from '../pipeline/evaluate.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { promptOf } from '../batch/__fixtures__/batch-project.js';
import { budgetRow } from './budget-row.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const JUDGE_PROMPT = /score|RUBRIC|claims|CLAIMS|relevance|evaluator/;

/** A server whose judge calls each bill 20 000 input and 2 000 output tokens; counts them. */
async function judgedBatchRun(maxCostUsd: number) {
  let judgeCalls = 0;
  server = await startFakeOpenAIServer({
    reply: (r) => {
      const p = promptOf(r);
      if (JUDGE_PROMPT.test(p)) {
        judgeCalls++;
        return {
          content: JSON.stringify({ score: 5, reason: 'fine', claims: [], verdicts: [] }),
          usage: { prompt_tokens: 20000, completion_tokens: 2000 },
        };
      }
      return referenceFor(p) ?? 'unknown';
    },
  });
  const root = await createFixtureProject({
    openaiUrl: server.url,
    extraConfig: 'judge: openai/gpt-4o-mini\n',
  });
  const outcome = await evaluate({
    configPath: path.join(root, 'eval/evalgate.yaml'),
    env: { OPENAI_API_KEY: 'test' },
    providers: ['openai/gpt-4o-mini'],
    batch: { pollIntervalMs: 1 },
    spend: { maxCostUsd, batch: true },
  });
  return { outcome, judgeCalls: () => judgeCalls };
}

// gpt-4o-mini list price: $0.15 / $0.60 per million tokens.
const JUDGE_BILL = (20000 * 0.15 + 2000 * 0.6) / 1e6;

describe('a paid judge under the budget', () => {
  it('with --batch, stops paying the judge at the limit, keeps the paid answers and marks their judge scores not assessed', async () => {
    const limit = 0.002;
    const { outcome, judgeCalls } = await judgedBatchRun(limit);
    const budget = outcome.record.manifest.budget!;
    // Before the fix every answer's four judge calls ran: 24 calls, $0.10 against $0.002.
    expect(judgeCalls()).toBeLessThan(24);
    expect(budget.stopped).toBe(true);
    expect(budget.judgeNotRun?.calls).toBe(24 - judgeCalls());
    // Only the calls admitted before the judge's real rate showed can go past it: each was
    // admitted at its planned price, so at most limit / planned of them, each billing JUDGE_BILL.
    expect(budget.spentUsd).toBeLessThan(limit + judgeCalls() * JUDGE_BILL);
    // The answers the batch paid for are all kept.
    expect(outcome.results).toHaveLength(6);
    const skipped = outcome.results.filter((r) => r.notes?.['judge.rubric']?.includes('not assessed'));
    expect(skipped.length).toBeGreaterThan(0);
    for (const r of skipped) expect(r.scores['judge.rubric']).toBeNull();
    const row = budgetRow(outcome.record.manifest)![1];
    expect(row).toMatch(/\d+ judge calls? \(those scores not assessed\) not made/);
    // The judge calls in flight before its real rate showed are over the limit, and it is said.
    expect(row).toMatch(/went over it by \$[\d.]+/);
    expect(outcome.record.gate.status).toBe('fail');
    expect(outcome.record.gate.failures.some((f) => f.metric === 'judge')).toBe(true);
  });

  it('a limit that covers the judge does not stop it, and counts each cost once', async () => {
    const { outcome, judgeCalls } = await judgedBatchRun(1);
    const budget = outcome.record.manifest.budget!;
    expect(judgeCalls()).toBe(24);
    expect(budget).toMatchObject({ stopped: false, notRun: [] });
    expect(budget.judgeNotRun).toBeUndefined();
    // Spend = the batch bill + the judge's bills, each once (the case cost includes its judge).
    const total = outcome.results.reduce((sum, r) => sum + (r.costUsd ?? 0), 0);
    expect(budget.spentUsd).toBeCloseTo(total, 12);
    expect(budget.spentUsd).toBeGreaterThan(24 * JUDGE_BILL);
    expect(outcome.record.gate.failures.some((f) => f.metric === 'judge')).toBe(false);
  });
});
