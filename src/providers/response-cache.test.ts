import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../core/hash.js';
import { createResponseCache } from './response-cache.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const key = sha256('a request');

describe('createResponseCache', () => {
  it('misses, then hits after set, at <dir>/<2 hex>/<key>.json', async () => {
    const cache = createResponseCache({ dir });
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, { text: 'answer', usage: { inputTokens: 1, outputTokens: 2, estimated: false } });
    expect(await cache.get(key)).toEqual({
      text: 'answer',
      usage: { inputTokens: 1, outputTokens: 2, estimated: false },
    });
    expect(await readdir(join(dir, key.slice(0, 2)))).toEqual([`${key}.json`]);
    expect(await createResponseCache({ dir }).get(key)).toEqual({
      text: 'answer',
      usage: { inputTokens: 1, outputTokens: 2, estimated: false },
    });
  });

  it('leaves no temp files behind, even under concurrent writes of one key', async () => {
    const cache = createResponseCache({ dir });
    await Promise.all(Array.from({ length: 20 }, (_, i) => cache.set(key, { text: `v${i}` })));
    expect(await readdir(join(dir, key.slice(0, 2)))).toEqual([`${key}.json`]);
    expect(await cache.get(key)).toMatchObject({ text: expect.stringMatching(/^v\d+$/) });
  });

  it('treats truncated, corrupted or foreign entries as misses', async () => {
    const cache = createResponseCache({ dir });
    await cache.set(key, { text: 'answer' });
    const file = join(dir, key.slice(0, 2), `${key}.json`);
    const full = await readFile(file, 'utf8');
    await writeFile(file, full.slice(0, full.length - 5));
    expect(await cache.get(key)).toBeUndefined();
    await writeFile(file, '\u0000\u0000garbage');
    expect(await cache.get(key)).toBeUndefined();
    await writeFile(file, JSON.stringify({ key: sha256('other'), value: { text: 'x' } }));
    expect(await cache.get(key)).toBeUndefined();
    await writeFile(file, 'null');
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, { text: 'repaired' });
    expect(await cache.get(key)).toEqual({ text: 'repaired' });
  });

  it('refuses keys that are not hex digests', async () => {
    const cache = createResponseCache({ dir });
    await expect(cache.get('../../etc/passwd')).rejects.toMatchObject({ code: 'CACHE_KEY_INVALID' });
    await expect(cache.set('short', {})).rejects.toMatchObject({ code: 'CACHE_KEY_INVALID' });
  });
});
