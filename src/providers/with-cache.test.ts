import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { createScriptedModel } from '../testing/scripted-model.js';
import type { GenerateRequest } from './language-model.js';
import { createResponseCache } from './response-cache.js';
import type { ResponseCache } from './response-cache.js';
import { withCache } from './with-cache.js';
import { withRetries } from './with-retries.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-with-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ask: GenerateRequest = {
  messages: [{ role: 'user', content: 'What is the refund window?' }],
  temperature: 0,
  maxTokens: 50,
  inputs: { task: 'qa', question: 'What is the refund window?' },
};

async function allFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('withCache', () => {
  it('calls the model on a miss and replays from disk on a hit, marking `cached`', async () => {
    const inner = createScriptedModel(
      [{ text: '14 days', usage: { inputTokens: 9, outputTokens: 2, estimated: false } }],
      { id: 'openai/gpt-4o-mini' },
    );
    const model = withCache(inner, createResponseCache({ dir }));
    expect(await model.generate(ask)).toEqual({
      text: '14 days',
      usage: { inputTokens: 9, outputTokens: 2, estimated: false },
      cached: false,
    });
    const again = withCache(inner, createResponseCache({ dir }));
    expect(await again.generate({ ...ask })).toEqual({
      text: '14 days',
      usage: { inputTokens: 9, outputTokens: 2, estimated: false },
      cached: true,
    });
    expect(inner.calls).toHaveLength(1);
  });

  it('keys on every request field that changes the answer, and on the repeat index', async () => {
    const inner = createScriptedModel([(_req, call) => `answer ${call}`], { id: 'openai/gpt-4o-mini' });
    const model = withCache(inner, createResponseCache({ dir }));
    const variants: Array<Parameters<typeof model.generate>[0]> = [
      ask,
      { ...ask, temperature: 0.7 },
      { ...ask, maxTokens: 51 },
      { ...ask, logprobs: true },
      { ...ask, inputs: { task: 'qa', question: 'other' } },
      { ...ask, messages: [{ role: 'user', content: 'What is the refund window? ' }] },
      { ...ask, repeatIndex: 1 },
    ];
    const keys = new Set(variants.map((v) => model.cacheKey(v)));
    expect(keys.size).toBe(variants.length);
    for (const v of variants) await model.generate(v);
    expect(inner.calls).toHaveLength(variants.length);
    // The signal is not part of the request's meaning.
    expect(model.cacheKey({ ...ask, signal: new AbortController().signal })).toBe(model.cacheKey(ask));
    const other = withCache(
      createScriptedModel(['x'], { id: 'anthropic/claude' }),
      createResponseCache({ dir }),
    );
    expect(other.cacheKey(ask)).not.toBe(model.cacheKey(ask));
    expect(withCache(inner, createResponseCache({ dir }), { namespace: 'v2' }).cacheKey(ask)).not.toBe(
      model.cacheKey(ask),
    );
  });

  it('does not cache errors, nor models marked not cacheable', async () => {
    const failure = new ProviderError({
      code: 'PROVIDER_HTTP',
      provider: 'p/m',
      message: 'HTTP 500',
      isRetryable: true,
    });
    const flaky = createScriptedModel([failure, 'ok'], { id: 'p/m' });
    const model = withCache(flaky, createResponseCache({ dir }));
    await expect(model.generate(ask)).rejects.toBe(failure);
    expect(await model.generate(ask)).toMatchObject({ text: 'ok', cached: false });
    expect(await model.generate(ask)).toMatchObject({ text: 'ok', cached: true });

    const local = createScriptedModel(['fresh'], { id: 'local/extractive', cacheable: false });
    const uncached = withCache(local, createResponseCache({ dir: join(dir, 'local') }));
    await uncached.generate(ask);
    expect(await uncached.generate(ask)).toEqual({ text: 'fresh', cached: false });
    expect(local.calls).toHaveLength(2);
  });

  it('stores neither secrets nor per-call markers such as attempts', async () => {
    const inner = createScriptedModel(
      [new ProviderError({ code: 'PROVIDER_HTTP', provider: 'p/m', message: 'x', isRetryable: true }), 'ok'],
      {
        id: 'p/m',
      },
    );
    const retried = withRetries(inner, {
      maxRetries: 2,
      baseDelayMs: 1,
      maxDelayMs: 1,
      rng: createRng(1),
      clock: createFakeClock(),
    });
    const model = withCache(retried, createResponseCache({ dir }));
    expect(await model.generate(ask)).toEqual({ text: 'ok', attempts: 2, cached: false });
    const [file] = await allFiles(dir);
    const stored = await readFile(file, 'utf8');
    expect(stored).not.toContain('attempts');
    expect(stored).not.toContain('cached');
    expect(await model.generate(ask)).toEqual({ text: 'ok', cached: true });
  });

  it('reports a failed cache write without failing the call', async () => {
    const broken: ResponseCache = {
      get: async () => undefined,
      set: async () => {
        throw new Error('disk full');
      },
    };
    const errors: unknown[] = [];
    const model = withCache(createScriptedModel(['ok']), broken, { onWriteError: (e) => errors.push(e) });
    expect(await model.generate(ask)).toEqual({ text: 'ok', cached: false });
    expect(errors).toHaveLength(1);
  });
});
