// A prompt's front-matter `model:` reaches the wire and separates cache entries.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { createOpenAIModel } from './openai-model.js';
import { createResponseCache } from './response-cache.js';
import { withCache } from './with-cache.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('per-request model override', () => {
  it('is sent to the API and is part of the cache key', async () => {
    server = await startFakeOpenAIServer({ reply: () => 'ok' });
    const model = createOpenAIModel({
      id: 'openai/gpt-4o-mini',
      model: 'gpt-4o-mini',
      apiKey: 'k',
      baseURL: server.url,
      timeoutMs: 5000,
    });
    const cached = withCache(
      model,
      createResponseCache({ dir: await mkdtemp(path.join(tmpdir(), 'evalgate-override-')) }),
    );
    const messages = [{ role: 'user' as const, content: 'hi' }];
    await cached.generate({ messages });
    await cached.generate({ messages, model: 'gpt-4.1' });
    await cached.generate({ messages, model: 'gpt-4.1' });
    expect(server.requests.map((r) => (r.body as { model: string }).model)).toEqual([
      'gpt-4o-mini',
      'gpt-4.1',
    ]);
  });
});
