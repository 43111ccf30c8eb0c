// The per-provider loop with a scripted client: which earlier batches are resumed (same provider
// and server, still-needed requests), which are left alone, which are deleted as already
// collected, and that only uncovered requests are submitted.
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../testing/index.js';
import type { BatchClient, BatchItem, BatchOutcome } from './batch-port.js';
import { createBatchStateStore, type BatchRecord } from './batch-state.js';
import { runProviderBatches } from './run-provider-batches.js';

const request = (text: string) => ({ messages: [{ role: 'user' as const, content: text }] });

function scriptedClient(submitted: BatchItem[][]): BatchClient {
  return {
    maxRequests: 100,
    maxBytes: 1_000_000,
    sizeOf: () => 10,
    submit: async (items) => {
      submitted.push(items);
      return { batchId: `new${submitted.length}` };
    },
    status: async () => ({ state: 'ended', providerStatus: 'completed', total: 1, done: 1, failed: 0 }),
    async *results(_id, requests) {
      for (const customId of requests.keys())
        yield { customId, ok: true, result: { text: `answer ${customId}` } } satisfies BatchOutcome;
    },
  };
}

const record = (
  batchId: string,
  customIds: string[],
  provider = 'openai/m',
  server = 'default',
): BatchRecord => ({
  version: 1,
  provider,
  server,
  batchId,
  customIds,
  submittedAt: '2026-01-01T00:00:00.000Z',
});

describe('runProviderBatches', () => {
  it('resumes matching batches, submits the rest, deletes collected ones and leaves others alone', async () => {
    const state = createBatchStateStore(await mkdtemp(path.join(tmpdir(), 'evalgate-batches-')));
    await state.save(record('old-needed', ['a', 'b']));
    await state.save(record('old-collected', ['z']));
    await state.save(record('other-config', ['y']));
    await state.save(record('other-server', ['c'], 'openai/m', 'abc123'));
    await state.save(record('other-provider', ['c'], 'anthropic/m'));
    const submitted: BatchItem[][] = [];
    const outcomes: string[] = [];
    const summaries = await runProviderBatches({
      provider: 'openai/m',
      server: 'default',
      model: 'm',
      client: scriptedClient(submitted),
      requests: new Map([
        ['a', request('a')],
        ['c', request('c')],
      ]),
      state,
      clock: createFakeClock(),
      pollIntervalMs: 1000,
      isCollected: async (id) => id === 'z',
      onOutcome: async (o) => {
        outcomes.push(o.customId);
      },
    });
    // 'a' came from the resumed batch; only 'c' was submitted; 'b' is no longer needed.
    expect(submitted.map((items) => items.map((i) => i.customId))).toEqual([['c']]);
    expect(outcomes.sort()).toEqual(['a', 'c']);
    expect(summaries.map((s) => [s.batchId, s.resumed, s.requests, s.succeeded])).toEqual([
      ['old-needed', true, 2, 1],
      ['new1', false, 1, 1],
    ]);
    const left = (await state.list()).map((r) => r.batchId).sort();
    expect(left).toEqual(['other-config', 'other-provider', 'other-server']);
    expect((await readdir(state.dir)).length).toBe(3);
  });
});
