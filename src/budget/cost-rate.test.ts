// The guard against a provider that bills 3× the tokens the plan estimates: the estimate says the
// run fits, the bills say it does not. Learning the actual/estimate ratio from the settled calls,
// the run stops before crossing the limit, keeps what finished, and the gate fails as stopped by
// the budget. A limit that covers the real bills does not stop it.
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../pipeline/evaluate.js';
import type { FakeOpenAIServer } from '../testing/index.js';
import { billingProject } from './__fixtures__/billing-project.js';
import { budgetRow } from './budget-row.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function setup() {
  const project = await billingProject(3);
  server = project.server;
  return project;
}

describe('budget guard with usage 3× the estimate', () => {
  it('stops before the limit on the observed cost rate, keeps the finished cases, and the gate fails', async () => {
    const { base, perCall, bills } = await setup();
    const billed3 = perCall[0] + perCall[1] + perCall[2];
    // Three real bills fit; a fourth does not, though its estimate (a third of its bill) would.
    const limit = billed3 + perCall[3] / 2;
    const outcome = await evaluate({ ...base, concurrency: 1, spend: { maxCostUsd: limit } });
    const budget = outcome.record.manifest.budget!;
    // Not refused before the run: the plan's estimate is a third of the bills, under the limit.
    expect(budget.estimatedCostUsd).toBeCloseTo(perCall.reduce((a, b) => a + b, 0) / 3, 12);
    expect(budget.estimatedCostUsd).toBeLessThan(limit);
    expect(bills).toHaveLength(3);
    expect(budget.spentUsd).toBeCloseTo(billed3, 12);
    expect(budget.spentUsd).toBeLessThanOrEqual(limit);
    expect(budget.costRatio).toBeCloseTo(3, 9);
    expect(budget).toMatchObject({ stopped: true, notRun: [{ caseIds: ['q4', 'q5', 'q6'] }] });
    expect(outcome.results.map((r) => r.caseId)).toEqual(['q1', 'q2', 'q3']);
    const gate = outcome.record.gate;
    expect(gate.status).toBe('fail');
    expect(
      gate.failures.some((f) => /stopped at the \$[\d.e-]+ budget with 3 calls not made/.test(f.message)),
    ).toBe(true);
    expect(gate.recommendation).toBe('do-not-ship');
    expect(budgetRow(outcome.record.manifest)?.[1]).toContain(
      'calls cost 3.0× their estimate, and the guard held the rest to that rate; stopped before crossing it, 3 model calls not made',
    );
  });

  it('does not stop when the limit covers the real bills', async () => {
    const { base, perCall, bills } = await setup();
    const total = perCall.reduce((a, b) => a + b, 0);
    const outcome = await evaluate({ ...base, concurrency: 1, spend: { maxCostUsd: total * (1 + 1e-9) } });
    expect(bills).toHaveLength(6);
    expect(outcome.record.manifest.budget).toMatchObject({ stopped: false, notRun: [] });
    expect(outcome.record.manifest.budget!.spentUsd).toBeCloseTo(total, 12);
    expect(outcome.record.gate.failures.some((f) => f.message.includes('budget'))).toBe(false);
  });

  it('at concurrency 4, counts the calls in flight at the learned rate: no call is admitted after it shows', async () => {
    const { base, perCall, bills } = await setup();
    const limit = perCall[0] + perCall[1] + perCall[2] + perCall[3] / 2;
    const outcome = await evaluate({ ...base, concurrency: 4, spend: { maxCostUsd: limit } });
    const budget = outcome.record.manifest.budget!;
    // The first four start before any bill is known (their estimates fit); once one settles at 3×,
    // the three still in flight are held at 3× their estimate, so no fifth call starts.
    expect(bills).toHaveLength(4);
    expect(budget).toMatchObject({ stopped: true });
    expect(budget.notRun.flatMap((g) => g.caseIds)).toHaveLength(2);
    // The overrun is the calls that were in flight before the rate was known, and it is said.
    expect(budget.spentUsd).toBeGreaterThan(limit);
    expect(budgetRow(outcome.record.manifest)?.[1]).toMatch(/went over it by \$[\d.]+/);
    expect(outcome.record.gate.status).toBe('fail');
  });

  it('at concurrency 4, does not stop when the limit covers the real bills', async () => {
    const { base, perCall, bills } = await setup();
    const total = perCall.reduce((a, b) => a + b, 0);
    const outcome = await evaluate({ ...base, concurrency: 4, spend: { maxCostUsd: total * (1 + 1e-9) } });
    expect(bills).toHaveLength(6);
    expect(outcome.record.manifest.budget).toMatchObject({ stopped: false, notRun: [] });
    expect(budgetRow(outcome.record.manifest)?.[1]).not.toContain('went over');
    expect(budgetRow(outcome.record.manifest)?.[1]).not.toContain('had no price');
    expect(budgetRow(outcome.record.manifest)?.[1]).toContain('estimated $0.0');
    expect(budgetRow(outcome.record.manifest)?.[1]).not.toContain('remaining cases');
  });
});
