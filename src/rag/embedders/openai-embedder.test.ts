import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../core/errors.js';
import { createLeanFetch } from '../../providers/lean-fetch.js';
import { startFakeOpenAIServer } from '../../testing/fake-openai-server.js';
import type { FakeOpenAIServer, FakeOpenAIServerOptions } from '../../testing/fake-openai-server.js';
import { createOpenAIEmbedder } from './openai-embedder.js';
import type { OpenAIEmbedderOptions } from './openai-embedder.js';

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(serverOptions: FakeOpenAIServerOptions, options: Partial<OpenAIEmbedderOptions> = {}) {
  server = await startFakeOpenAIServer(serverOptions);
  const embedder = createOpenAIEmbedder({
    model: 'text-embedding-3-small',
    apiKey: 'sk-emb-test',
    baseURL: server.url,
    batchSize: 2,
    ...options,
  });
  return { server, embedder };
}

const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('createOpenAIEmbedder', () => {
  it('embeds in batches, in input order, as L2-normalised Float32Arrays', async () => {
    const vectors: Record<string, number[]> = { a: [3, 4, 0], b: [0, 0, 2], c: [1, 1, 1] };
    const { server, embedder } = await setup(
      { embed: (text) => vectors[text] },
      { model: 'custom-embed', dimensions: 3 },
    );
    expect(embedder).toMatchObject({ id: 'openai/custom-embed@3', dimension: 3 });
    const out = await embedder.embed(['a', 'b', 'c']);
    expect(server.requests.map((r) => (r.body as { input: string[] }).input)).toEqual([['a', 'b'], ['c']]);
    expect(server.requests[0].headers.authorization).toBe('Bearer sk-emb-test');
    // A compatible server's own model: the size is declared, not requested.
    expect(server.requests[0].body).not.toHaveProperty('dimensions');
    expect(out.every((v) => v instanceof Float32Array)).toBe(true);
    expect(Array.from(out[0])).toEqual([0.6, 0.8, 0].map((x) => Math.fround(x)));
    expect(Array.from(out[1])).toEqual([0, 0, 1]);
    out.forEach((v) => expect(norm(v)).toBeCloseTo(1, 6));
  });

  it('knows the native size of OpenAI models and sends `dimensions` only to shorten', async () => {
    const leanFetch = createLeanFetch();
    const { server, embedder } = await setup({ embeddingDimension: 1536 }, { fetch: leanFetch });
    expect(embedder).toMatchObject({ id: 'openai/text-embedding-3-small', dimension: 1536 });
    const [v] = await embedder.embed(['hello']);
    expect(v).toHaveLength(1536);
    expect(server.requests[0].body).not.toHaveProperty('dimensions');
    expect(await embedder.embed([])).toEqual([]);
    leanFetch.destroy();
  });

  it('rejects a model of unknown size up front', () => {
    expect(() => createOpenAIEmbedder({ model: 'mystery', apiKey: 'k', batchSize: 8 })).toThrow(/dimensions/);
  });

  it('fails with a ProviderError when the vectors have the wrong size', async () => {
    const { embedder } = await setup({ embeddingDimension: 5 });
    await expect(embedder.embed(['x'])).rejects.toMatchObject({ code: 'PROVIDER_BAD_RESPONSE' });
  });

  it('maps HTTP errors, without the key', async () => {
    const { embedder } = await setup(
      { failures: [{ status: 401, echoCredentials: true }] },
      { maxRetries: 0, apiKey: 'sk-emb-canary-1234567' },
    );
    const error = await embedder.embed(['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'PROVIDER_AUTH' });
    expect(JSON.stringify(error) + (error as Error).message).not.toContain('sk-emb-canary-1234567');
  });
});
