import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createResponseCache } from '../../providers/response-cache.js';
import type { Embedder } from '../embedder.js';
import { withEmbeddingCache } from './with-embedding-cache.js';

function countingEmbedder(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: 'fake/embed',
    dimension: 3,
    calls,
    embed: async (texts) => {
      calls.push([...texts]);
      return texts.map((t) => Float32Array.from([t.length, 1 / 3, -0.1]));
    },
  };
}

describe('withEmbeddingCache', () => {
  it('embeds only unseen texts, in one batch, and returns bit-identical vectors in input order', async () => {
    const cache = createResponseCache({ dir: await mkdtemp(path.join(tmpdir(), 'evalgate-embcache-')) });
    const inner = countingEmbedder();
    const cached = withEmbeddingCache(inner, cache);
    const first = await cached.embed(['a', 'bb']);
    const second = await cached.embed(['ccc', 'a', 'bb']);
    expect(inner.calls).toEqual([['a', 'bb'], ['ccc']]);
    expect(second[1]).toEqual(first[0]);
    expect(Array.from(second[0])).toEqual(Array.from(Float32Array.from([3, 1 / 3, -0.1])));
    expect(cached.stats).toEqual({ hits: 2, misses: 3 });
  });

  it('keys by embedder id, so another model never reads these vectors', async () => {
    const cache = createResponseCache({ dir: await mkdtemp(path.join(tmpdir(), 'evalgate-embcache-')) });
    await withEmbeddingCache(countingEmbedder(), cache).embed(['a']);
    const other = { ...countingEmbedder(), id: 'fake/other' };
    const wrapped = withEmbeddingCache(other, cache);
    await wrapped.embed(['a']);
    expect(wrapped.stats.misses).toBe(1);
  });
});
