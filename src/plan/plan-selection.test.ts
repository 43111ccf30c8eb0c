// `plan` with eval's case selection prices exactly the cases `eval` with the same flags runs: on a
// fake server that bills what the plan estimates, the plan's cost for a selection equals the
// bill of the eval run with that selection, and differs from the whole suite's.
import { afterEach, describe, expect, it } from 'vitest';
import { billingProject } from '../budget/__fixtures__/billing-project.js';
import { loadConfig } from '../config/load-config.js';
import { evaluate } from '../pipeline/evaluate.js';
import type { JobSelection } from '../selection/select-jobs.js';
import type { FakeOpenAIServer } from '../testing/index.js';
import { estimateRun } from './estimate-run.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('plan with a case selection', () => {
  it('prices exactly the cases eval selects (sample, limit, filter, case, shard)', async () => {
    const project = await billingProject();
    server = project.server;
    const { base, bills, perCall } = project;
    const plan = async (selection?: JobSelection) =>
      estimateRun({
        loaded: await loadConfig(base.configPath, {}),
        env: {},
        providers: base.providers,
        useCache: false,
        selection,
      });
    const whole = await plan();
    expect(whole.paidCalls).toBe(6);
    expect(whole.costUsd).toBeCloseTo(
      perCall.reduce((a, b) => a + b, 0),
      12,
    );
    const selections: JobSelection[] = [
      { sample: 3 },
      { limit: 2 },
      { filter: ['tag:billing'] },
      { cases: ['q5'] },
      { shard: { index: 2, count: 3 } },
    ];
    for (const selection of selections) {
      const planned = await plan(selection);
      bills.length = 0;
      const run = await evaluate({ ...base, selection });
      const billed = bills.reduce((a, b) => a + b, 0);
      expect([selection, planned.paidCalls]).toEqual([selection, run.results.length]);
      expect(planned.paidCalls).toBeLessThan(6);
      expect(planned.costUsd).toBeCloseTo(billed, 12);
    }
    // Shards partition the plan: their costs add up to the whole suite's.
    const shards = await Promise.all([1, 2, 3].map((index) => plan({ shard: { index, count: 3 } })));
    expect(shards.reduce((n, s) => n + s.paidCalls, 0)).toBe(6);
    expect(shards.reduce((n, s) => n + s.costUsd, 0)).toBeCloseTo(whole.costUsd, 12);
  });
});
