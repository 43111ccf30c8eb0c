// Spend control end to end against a fake OpenAI server that bills exactly what the plan
// estimates (tiktoken input, max_tokens output), so the budget's arithmetic can be pinned to
// the call: the run that must stop after three calls, and the runs that must not stop.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { evaluate } from '../pipeline/evaluate.js';
import type { FakeOpenAIServer } from '../testing/index.js';
import { billingProject } from './__fixtures__/billing-project.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function setup() {
  const project = await billingProject();
  server = project.server;
  return project;
}

describe('spend control', () => {
  it('stops before the call that would cross the limit, keeps what finished, and the gate says what did not run', async () => {
    const { base, perCall, bills } = await setup();
    expect(perCall).toHaveLength(6);
    const limit = perCall[0] + perCall[1] + perCall[2] + perCall[3] / 2;
    const notes: string[] = [];
    const outcome = await evaluate({
      ...base,
      spend: { maxCostUsd: limit, confirmed: true, announce: true },
      onNote: (l) => notes.push(l),
    });
    expect(notes.some((n) => n.startsWith('estimate: 6 model calls, 0 cached;'))).toBe(true);
    expect(bills).toHaveLength(3); // three calls fit; the fourth would have crossed
    expect(bills.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(limit);
    expect(outcome.results.map((r) => r.caseId)).toEqual(['q1', 'q2', 'q3']);
    const budget = outcome.record.manifest.budget!;
    expect(budget).toMatchObject({ maxCostUsd: limit, stopped: true });
    expect(budget.spentUsd).toBeCloseTo(perCall[0] + perCall[1] + perCall[2], 9);
    expect(budget.estimatedCostUsd).toBeCloseTo(
      perCall.reduce((a, b) => a + b, 0),
      9,
    );
    expect(budget.notRun).toEqual([
      { suite: 'qa', provider: 'openai/gpt-4o-mini', caseIds: ['q4', 'q5', 'q6'] },
    ]);
    // Written, not lost: results.jsonl and run.json hold the finished cases and the stop.
    const lines = (await readFile(path.join(outcome.runDir, 'results.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    const stored = JSON.parse(await readFile(path.join(outcome.runDir, 'run.json'), 'utf8'));
    expect(stored.manifest.budget.stopped).toBe(true);
    const gate = outcome.record.gate;
    const partial = gate.notAssessed.filter((n) => n.partialRun);
    expect(partial).toHaveLength(1);
    expect(partial[0].what).toBe('cases of qa / openai/gpt-4o-mini not run');
    expect(partial[0].why).toContain('3 calls not made (q4, q5, q6)');
    expect(gate.recommendation).toBe('do-not-ship');
    expect(gate.reasons.join(' ')).toContain('this run stopped before it finished');
  });

  it('does not stop when the limit covers the estimate, nor when every call is cached', async () => {
    const { base, perCall, bills } = await setup();
    const total = perCall.reduce((a, b) => a + b, 0);
    const outcome = await evaluate({ ...base, spend: { maxCostUsd: total * (1 + 1e-9) } });
    expect(bills).toHaveLength(6);
    expect(outcome.record.manifest.budget).toMatchObject({ stopped: false, notRun: [] });
    expect(outcome.record.gate.notAssessed.some((n) => n.partialRun)).toBe(false);
    expect(outcome.record.gate.failures.some((f) => f.message.includes('budget'))).toBe(false);

    // Cached: fill the cache, then a budget far below one call still runs everything, free.
    await evaluate({ ...base, useCache: true });
    bills.length = 0;
    const cached = await evaluate({ ...base, useCache: true, spend: { maxCostUsd: perCall[0] / 100 } });
    expect(bills).toHaveLength(0);
    expect(cached.results).toHaveLength(6);
    expect(cached.record.manifest.budget).toBeUndefined(); // nothing to pay, nothing held
  });

  it('refuses a run whose estimate is above the budget unless confirmed, before any call or run folder', async () => {
    const { root, base, perCall, bills } = await setup();
    const runsBefore = await readdir(path.join(root, 'reports/runs'));
    const attempt = evaluate({ ...base, spend: { maxCostUsd: perCall[0] * 2 } });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(
      /--max-cost-usd: the estimated cost \$0\.\d{4} is above the budget \$[\d.e-]+; raise it, or pass --yes/,
    );
    expect(bills).toHaveLength(0);
    expect(await readdir(path.join(root, 'reports/runs'))).toEqual(runsBefore);
  });

  it('against a baseline, the cut cases are not assessed, and the gate fails naming the budget (never green)', async () => {
    const { base, perCall, bills, acceptBaseline } = await setup();
    await acceptBaseline();
    // One call fits: 1 of the baseline's 6 cases measured would otherwise fail "measured on only 1 of 6".
    const outcome = await evaluate({
      ...base,
      spend: { maxCostUsd: perCall[0] * 1.5, confirmed: true },
    });
    expect(bills).toHaveLength(1);
    const gate = outcome.record.gate;
    // The coverage noise the stop explains gives way to one failure that names the budget.
    const notMeasured = gate.failures.filter((f) => f.kind === 'not-measured');
    expect(notMeasured).toHaveLength(1);
    expect(notMeasured[0].message).toMatch(/stopped at the \$[\d.e-]+ budget with 5 calls not made/);
    expect(gate.status).toBe('fail');
    expect(gate.notAssessed.find((n) => n.partialRun)?.why).toContain(
      '5 calls not made (q2, q3, q4, q5, q6)',
    );
    expect(gate.recommendation).toBe('do-not-ship');
    // The one case that ran is still paired with the baseline.
    expect(outcome.record.comparison.find((c) => c.metric === 'answer.f1')?.n).toBe(1);
  });
});
