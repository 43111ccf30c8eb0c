// The one refusal before a paid run or sweep: above the budget, or paying for calls it cannot
// price, it needs --yes; at or below the budget, or with nothing to pay, it starts. Unit cases
// here; eval's refusals end to end in spend-control.test.ts, resume-spend.test.ts and below.
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { evaluate } from '../pipeline/evaluate.js';
import { referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { openAIProject, promptOf } from '../batch/__fixtures__/batch-project.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { billingProject } from './__fixtures__/billing-project.js';
import { budgetRow } from './budget-row.js';
import { budgetLimit, refuseOverBudget } from './check-budget.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const limit = { maxCostUsd: 5, from: 'config' as const };

describe('refuseOverBudget', () => {
  it('takes the flag over the config and refuses in one line naming where the limit came from', () => {
    expect(budgetLimit({ budget: { max_cost_usd: 5 } }, undefined)).toEqual({
      maxCostUsd: 5,
      from: 'config',
    });
    expect(budgetLimit({ budget: { max_cost_usd: 5 } }, 2)).toEqual({ maxCostUsd: 2, from: 'flag' });
    expect(budgetLimit({}, undefined)).toBeNull();
    expect(() =>
      refuseOverBudget({
        limit,
        estimatedUsd: 6,
        confirmed: false,
        configFile: 'eval/e.yaml',
        what: 'sweep of 6 variants',
      }),
    ).toThrow(
      new InputError({
        code: 'BUDGET_EXCEEDED',
        file: 'eval/e.yaml',
        field: 'budget.max_cost_usd',
        message:
          'the estimated cost $6.0000 of this sweep of 6 variants is above the budget $5; raise it, or pass --yes to start anyway (the run stops before crossing it)',
      }),
    );
    expect(() =>
      refuseOverBudget({ limit, estimatedUsd: 6, confirmed: true, configFile: 'x' }),
    ).not.toThrow();
    expect(() =>
      refuseOverBudget({ limit, estimatedUsd: 5, confirmed: false, configFile: 'x' }),
    ).not.toThrow();
    expect(() =>
      refuseOverBudget({
        limit: { maxCostUsd: 5, from: 'flag' },
        estimatedUsd: 5.01,
        confirmed: false,
        configFile: 'x',
      }),
    ).toThrow(/^--max-cost-usd: the estimated cost \$5\.0100 is above the budget \$5;/);
  });

  it('does not treat calls it cannot price as free, unless nothing is to be paid', () => {
    expect(() =>
      refuseOverBudget({ limit, estimatedUsd: 0.01, unpricedCalls: 6, confirmed: false, configFile: 'x' }),
    ).toThrow(
      '6 model calls would be paid for at a price this estimate does not know (add the model under `pricing:`), so it cannot be held to the budget $5; pass --yes to start anyway',
    );
    expect(() =>
      refuseOverBudget({ limit, estimatedUsd: null, unpricedCalls: 1, confirmed: false, configFile: 'x' }),
    ).toThrow(/^x: budget\.max_cost_usd: 1 model call would be paid/);
    expect(() =>
      refuseOverBudget({ limit, estimatedUsd: null, unpricedCalls: 6, confirmed: true, configFile: 'x' }),
    ).not.toThrow();
    // Nothing priced and nothing unpriced: nothing to pay (a sweep whose calls are all cached).
    expect(() =>
      refuseOverBudget({ limit, estimatedUsd: null, unpricedCalls: 0, confirmed: false, configFile: 'x' }),
    ).not.toThrow();
  });

  it('eval with a budget refuses an OpenAI model missing from the price table, and runs it with --yes', async () => {
    const project = await billingProject();
    server = project.server;
    const { base, bills } = project;
    const config = (await readFile(base.configPath, 'utf8')).replaceAll('gpt-4o-mini', 'gpt-unpriced-test');
    await writeFile(base.configPath, config);
    const unpriced = { ...base, providers: ['openai/gpt-unpriced-test'] };
    bills.length = 0;
    await expect(evaluate({ ...unpriced, spend: { maxCostUsd: 1 } })).rejects.toThrow(
      /--max-cost-usd: 6 model calls would be paid for at a price this estimate does not know/,
    );
    expect(bills).toHaveLength(0);
    const run = await evaluate({ ...unpriced, spend: { maxCostUsd: 1, confirmed: true } });
    expect(run.results).toHaveLength(6);
    // The row says what the budget could not cover.
    expect(run.record.manifest.budget?.unpricedCalls).toBe(6);
    expect(budgetRow(run.record.manifest)?.[1]).toContain(
      '6 paid calls had no price (started with --yes), so the estimate and the guard leave them out',
    );
    // Without a budget nothing is refused: the estimate is only said.
    const free = await evaluate(unpriced);
    expect(free.results).toHaveLength(6);
  });

  it('for a batch, --yes starts unpriced calls but never one estimated above the limit, and never offers --yes there', () => {
    const batch = { limit, configFile: 'x', yesStartsOverEstimate: false, what: 'batch' };
    expect(() =>
      refuseOverBudget({ ...batch, estimatedUsd: 0.01, unpricedCalls: 6, confirmed: true }),
    ).not.toThrow();
    expect(() =>
      refuseOverBudget({ ...batch, estimatedUsd: 0.01, unpricedCalls: 6, confirmed: false }),
    ).toThrow(/pass --yes to start anyway/);
    let message = '';
    try {
      refuseOverBudget({ ...batch, estimatedUsd: 6, confirmed: true, priorSpentUsd: 5.5 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/the estimated cost \$6\.0000 of this batch \(\$5\.5000 already spent/);
    expect(message).not.toMatch(/pass --yes/);
    expect(message).toContain('--yes cannot start it');
    // A run that is not a batch: --yes starts it over the estimate.
    expect(() =>
      refuseOverBudget({ limit, configFile: 'x', estimatedUsd: 6, confirmed: true }),
    ).not.toThrow();
  });

  it('eval --batch --yes runs a model missing from the price table; without --yes no batch is made', async () => {
    const fake = await startFakeOpenAIServer({ reply: (r) => referenceFor(promptOf(r)) ?? 'unknown' });
    server = fake;
    const configPath = await openAIProject(fake.url);
    await writeFile(
      configPath,
      (await readFile(configPath, 'utf8')).replaceAll('gpt-4o-mini', 'gpt-unpriced-x'),
    );
    const options = {
      configPath,
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-unpriced-x'],
      batch: { pollIntervalMs: 1 },
    };
    await expect(evaluate({ ...options, spend: { maxCostUsd: 100, batch: true } })).rejects.toThrow(
      /6 model calls of this batch .* would be paid for at a price this estimate does not know.*pass --yes/,
    );
    expect(fake.batch.stats.created).toBe(0);
    const run = await evaluate({ ...options, spend: { maxCostUsd: 100, batch: true, confirmed: true } });
    expect(fake.batch.stats.created).toBe(1);
    expect(run.results).toHaveLength(6);
  });
});
