// A resumed run's spending limit: it keeps the first run's --max-cost-usd, and both its refusal
// before the run and its guard count what the interrupted run already spent plus the estimate of
// the remaining cases. The crash is made by hand from a finished run (run.json removed, results
// cut to three lines), the state `kill -9` leaves; resume-cli.test.ts makes it with a real kill.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../pipeline/evaluate.js';
import type { FakeOpenAIServer } from '../testing/index.js';
import { budgetRow } from './budget-row.js';
import { billingProject } from './__fixtures__/billing-project.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A run started with --max-cost-usd `limit`, then "killed" after writing q1–q3. */
async function interruptedRun() {
  const project = await billingProject();
  server = project.server;
  const { base, perCall, bills } = project;
  // Four calls fit under the limit, the fifth would cross it; the three already written and the
  // three remaining each fit alone (3 + 3 calls < 4.5 calls' worth, ignoring what was spent).
  const limit = perCall[0] + perCall[1] + perCall[2] + perCall[3] + perCall[4] / 2;
  const first = await evaluate({ ...base, concurrency: 1, spend: { maxCostUsd: limit, confirmed: true } });
  await rm(path.join(first.runDir, 'run.json'));
  const file = path.join(first.runDir, 'results.jsonl');
  const lines = (await readFile(file, 'utf8')).trim().split('\n').slice(0, 3);
  await writeFile(file, `${lines.join('\n')}\n`);
  const prior = lines.map((l) => JSON.parse(l).costUsd as number).reduce((a, b) => a + b, 0);
  bills.length = 0;
  return { ...project, limit, prior, runDir: first.runDir };
}

describe('--resume under a budget', () => {
  it('refuses before any call when what was spent plus the remaining estimate is above the kept limit', async () => {
    const { base, perCall, limit, prior, bills } = await interruptedRun();
    const remaining = perCall[3] + perCall[4] + perCall[5];
    expect(remaining).toBeLessThan(limit); // the remaining cases alone would pass the check
    expect(prior + remaining).toBeGreaterThan(limit);
    // No --max-cost-usd on the resume: the first run's limit is kept.
    await expect(evaluate({ ...base, useCache: undefined, resume: true })).rejects.toThrow(
      /--max-cost-usd: the estimated cost \$0\.\d{4} \(\$0\.\d{4} already spent by the interrupted run \+ \$0\.\d{4} for the remaining cases\) is above the budget/,
    );
    expect(bills).toHaveLength(0);
  });

  it('with --yes, the guard starts from the prior spend and stops before crossing the limit', async () => {
    const { base, perCall, limit, prior, bills, runDir } = await interruptedRun();
    const resumed = await evaluate({ ...base, resume: true, spend: { confirmed: true } });
    expect(resumed.runDir).toBe(runDir);
    expect(bills).toHaveLength(1); // q4 fits (4 calls' worth), q5 would cross
    const budget = resumed.record.manifest.budget!;
    expect(budget.maxCostUsd).toBe(limit);
    expect(budget.priorSpentUsd).toBeCloseTo(prior, 12);
    expect(budget.spentUsd).toBeCloseTo(prior + perCall[3], 12);
    expect(budget.spentUsd).toBeLessThanOrEqual(limit);
    expect(budget).toMatchObject({ stopped: true, notRun: [{ caseIds: ['q5', 'q6'] }] });
    expect(resumed.results.map((r) => r.caseId)).toEqual(['q1', 'q2', 'q3', 'q4']);
    // The estimate was of the remaining cases only, and the row says so.
    expect(budgetRow(resumed.record.manifest)?.[1]).toMatch(
      /of it by the interrupted run this one resumed\) of \$[\d.]+; estimated \$[\d.]+ for the remaining cases before the run/,
    );
  });

  it('does not refuse or stop when the limit covers the prior spend and the rest', async () => {
    const { base, perCall, bills } = await interruptedRun();
    const total = perCall.reduce((a, b) => a + b, 0);
    const resumed = await evaluate({ ...base, resume: true, spend: { maxCostUsd: total * (1 + 1e-9) } });
    expect(bills).toHaveLength(3);
    expect(resumed.record.manifest.budget).toMatchObject({ maxCostUsd: total * (1 + 1e-9), stopped: false });
    expect(resumed.record.manifest.budget!.spentUsd).toBeCloseTo(total, 12);
    expect(resumed.results).toHaveLength(6);
    expect(budgetRow(resumed.record.manifest)?.[1]).toContain('for the remaining cases before the run');
  });
});
