import { describe, expect, it } from 'vitest';
import { ProviderError } from '../core/errors.js';
import type { ProviderErrorFields } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { createScriptedModel } from '../testing/scripted-model.js';
import type { ScriptedAnswer } from '../testing/scripted-model.js';
import { backoffDelay, withRetries } from './with-retries.js';
import type { RetryEvent, RetryOptions } from './with-retries.js';

const ask = { messages: [{ role: 'user' as const, content: 'hi' }] };

function failure(fields: Partial<ProviderErrorFields> = {}): ProviderError {
  return new ProviderError({
    code: 'PROVIDER_HTTP',
    provider: 'p/m',
    message: 'HTTP 500',
    statusCode: 500,
    isRetryable: true,
    ...fields,
  });
}

function setup(answers: ScriptedAnswer[], options: Partial<RetryOptions> = {}) {
  const clock = createFakeClock();
  const events: RetryEvent[] = [];
  const inner = createScriptedModel(answers, { id: 'p/m', whenExhausted: 'throw' });
  const model = withRetries(inner, {
    maxRetries: 3,
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    rng: createRng(42),
    clock,
    onRetry: (e) => events.push(e),
    ...options,
  });
  return { inner, model, clock, events };
}

describe('withRetries', () => {
  it('passes the model identity through and reports one attempt on success', async () => {
    const { model, clock } = setup(['ok']);
    expect(model).toMatchObject({ id: 'p/m', provider: 'p', model: 'm', cacheable: true });
    expect(await model.generate(ask)).toEqual({ text: 'ok', attempts: 1 });
    expect(clock.sleeps).toEqual([]);
  });

  it('retries retryable errors with full-jitter exponential backoff from the seeded rng', async () => {
    const { model, clock, events } = setup([failure(), failure(), failure(), 'ok']);
    const result = await model.generate(ask);
    expect(result.attempts).toBe(4);
    expect(events.map((e) => e.attempt)).toEqual([1, 2, 3]);
    const rng = createRng(42);
    const windows = [100, 200, 400];
    expect(clock.sleeps).toEqual(windows.map((w) => Math.floor(rng.next() * w)));
    clock.sleeps.forEach((ms, i) => expect(ms).toBeLessThan(windows[i]));
  });

  it('is deterministic for a seed', async () => {
    const a = setup([failure(), failure(), 'ok']);
    const b = setup([failure(), failure(), 'ok']);
    await a.model.generate(ask);
    await b.model.generate(ask);
    expect(a.clock.sleeps).toEqual(b.clock.sleeps);
  });

  it('waits at least Retry-After, capped by maxRetryAfterMs', async () => {
    const { model, clock } = setup(
      [failure({ retryAfterMs: 1_500 }), failure({ retryAfterMs: 600_000 }), 'ok'],
      { maxRetryAfterMs: 5_000 },
    );
    await model.generate(ask);
    expect(clock.sleeps).toEqual([1_500, 5_000]);
  });

  it('does not retry errors that are not retryable, or that are not ProviderErrors', async () => {
    const auth = failure({ code: 'PROVIDER_AUTH', statusCode: 401, isRetryable: false });
    const first = setup([auth, 'ok']);
    await expect(first.model.generate(ask)).rejects.toBe(auth);
    expect(first.inner.calls).toHaveLength(1);
    const bug = new TypeError('bug');
    const second = setup([bug, 'ok']);
    await expect(second.model.generate(ask)).rejects.toBe(bug);
    expect(second.inner.calls).toHaveLength(1);
  });

  it('gives up after maxRetries and throws the last error unchanged', async () => {
    const last = failure({ statusCode: 503 });
    const { model, inner, events } = setup([failure(), failure(), last, 'never'], { maxRetries: 2 });
    await expect(model.generate(ask)).rejects.toBe(last);
    expect(inner.calls).toHaveLength(3);
    expect(events).toHaveLength(2);
  });

  it('stops retrying once the caller aborts', async () => {
    const controller = new AbortController();
    const { model, inner } = setup([
      () => {
        controller.abort();
        throw failure();
      },
      'ok',
    ]);
    await expect(model.generate({ ...ask, signal: controller.signal })).rejects.toBeInstanceOf(ProviderError);
    expect(inner.calls).toHaveLength(1);
  });

  it('caps the backoff window at maxDelayMs', () => {
    const rng = { next: () => 0.999999, int: () => 0, fork: () => rng };
    const delay = backoffDelay({
      attempt: 20,
      error: failure(),
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      maxRetryAfterMs: 60_000,
      rng,
    });
    expect(delay).toBe(999);
  });
});
