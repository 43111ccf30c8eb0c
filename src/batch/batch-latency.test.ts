// What a `--batch` run says about latency: a batch answer has no per-call latency, so its case
// records latencyMs null with a `batch` marker, the latency percentiles count only the calls
// made directly (never a null read as 0 ms), the report says latency was not assessed for the
// batch answers, and each batch's wall time (submission to results) is recorded instead.
import { afterEach, describe, expect, it } from 'vitest';
import { referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { evaluate } from '../pipeline/evaluate.js';
import { batchCostRow } from '../reporters/batch-cost-row.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { openAIProject, promptOf } from './__fixtures__/batch-project.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const POLL_MS = 60_000;

describe('--batch latency', () => {
  it('batch answers are not assessed for latency; the direct call is; the batch wall time is recorded', async () => {
    let q3Asked = 0;
    server = await startFakeOpenAIServer({
      reply: (request) => {
        const prompt = promptOf(request);
        // q3 fails inside the batch (server-side), then is answered by a direct call.
        if (prompt.includes('maximum file size') && q3Asked++ === 0) return { status: 500 };
        return referenceFor(prompt) ?? 'unknown';
      },
      batch: { pollsUntilDone: 2 },
    });
    const clock = createFakeClock();
    const configPath = await openAIProject(server.url);
    const options = { configPath, env: { OPENAI_API_KEY: 'test' }, providers: ['openai/gpt-4o-mini'] };
    const run = await evaluate({ ...options, clock, batch: { pollIntervalMs: POLL_MS } });
    const batched = run.results.filter((r) => r.batch);
    expect(batched.map((r) => r.caseId)).toEqual(['q1', 'q2', 'q4', 'q5', 'q6']);
    expect(batched.every((r) => r.latencyMs === null)).toBe(true);
    const q3 = run.results.find((r) => r.caseId === 'q3')!;
    expect(q3.batch).toBeUndefined();
    expect(q3.latencyMs).toEqual(expect.any(Number));
    // One measured call: the five nulls are left out, not averaged in as 0 ms.
    expect(run.record.summary[0].metrics['latency.p50_ms']).toMatchObject({ n: 1, value: q3.latencyMs });
    const [batch] = run.record.manifest.batch!.submitted!.batches;
    // Polled every 60 s on the injected clock until the fake batch ended: whole poll intervals.
    expect(batch.wallMs).toBeGreaterThan(0);
    expect(batch.wallMs! % POLL_MS).toBe(0);
    expect(batch.wallMs).toBe(clock.sleeps.filter((ms) => ms === POLL_MS).length * POLL_MS);
    const row = batchCostRow(run.record.manifest)![1];
    expect(row).toContain(`completed after ${(batch.wallMs! / 1000).toFixed(1)} s`);
    expect(row).toContain('latency not assessed for the 5 batch answers');

    // The same cases run directly: every call measured, no marker, nothing said about latency.
    const direct = await evaluate({ ...options, useCache: false });
    expect(direct.results.some((r) => r.batch)).toBe(false);
    expect(direct.record.summary[0].metrics['latency.p50_ms'].n).toBe(6);
    expect(batchCostRow(direct.record.manifest)).toBeNull();
  });
});
