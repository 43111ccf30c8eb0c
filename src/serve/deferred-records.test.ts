// The inference-log lines built in the server's quiet moments: none while responses keep going
// out, all of them once there is a pause, never later than the delay cap, and all on drain().
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { createDeferredRecords, type DeferredRecord } from './deferred-records.js';
import type { InferenceLog } from './inference-log.js';
import { createScriptedPipeline } from './scripted-pipeline.js';

function setup(options: { quietMs: number; maxDelayMs: number }) {
  const appended: string[] = [];
  const log: InferenceLog = {
    append: (record) => appended.push((record as { request_id: string }).request_id),
    flush: async () => {},
    close: async () => {},
    failures: 0,
  };
  const records = createDeferredRecords({
    pipeline: createScriptedPipeline(),
    log,
    hashInput: (t) => t,
    logInputs: false,
    clock: { now: () => Date.now(), monotonic: () => Date.now() },
    ...options,
  });
  const entry = (id: string): DeferredRecord => ({
    time: 0,
    request: { route: 'classify', text: 'x', suite: 'intent', requestId: id },
    status: 'ok',
    served: null,
    suite: { name: 'intent', model: 'm', promptVersion: null, promptHash: null },
    latencyMs: 1,
    warmUp: false,
    logger: { warn() {}, error() {} } as unknown as FastifyBaseLogger,
  });
  return { appended, records, entry };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('deferred inference-log lines', () => {
  it('waits while responses keep going out, then builds them all once quiet', async () => {
    const { appended, records, entry } = setup({ quietMs: 5, maxDelayMs: 250 });
    for (let i = 1; i <= 40; i++) {
      records.write(entry(`r${i}`));
      await vi.advanceTimersByTimeAsync(2); // a response every 2 ms: never 5 ms quiet
    }
    expect(appended).toEqual([]);
    await vi.advanceTimersByTimeAsync(6);
    expect(appended).toEqual(Array.from({ length: 40 }, (_, i) => `r${i + 1}`));
  });

  it('never holds a line past the delay cap on a server that is never quiet', async () => {
    const { appended, records, entry } = setup({ quietMs: 5, maxDelayMs: 30 });
    for (let i = 1; i <= 10; i++) {
      records.write(entry(`r${i}`));
      await vi.advanceTimersByTimeAsync(2);
    }
    // 20 ms in: still within the cap.
    expect(appended).toEqual([]);
    for (let i = 11; i <= 20; i++) {
      records.write(entry(`r${i}`));
      await vi.advanceTimersByTimeAsync(2);
    }
    // 40 ms of back-to-back responses: the lines of the first 30 ms are out.
    expect(appended.length).toBeGreaterThanOrEqual(15);
    expect(appended.slice(0, 15)).toEqual(Array.from({ length: 15 }, (_, i) => `r${i + 1}`));
  });

  it('drain() builds every waiting line at once', async () => {
    const { appended, records, entry } = setup({ quietMs: 1000, maxDelayMs: 5000 });
    records.write(entry('a'));
    records.write(entry('b'));
    await records.drain();
    expect(appended).toEqual(['a', 'b']);
  });
});
