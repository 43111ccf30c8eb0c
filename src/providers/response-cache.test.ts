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

  it('treats truncated, corrupted or foreign entries as torn: a miss, counted, reported, removed', async () => {
    const seen: string[] = [];
    const cache = createResponseCache({ dir, onTorn: (t) => seen.push(t.reason) });
    const file = join(dir, key.slice(0, 2), `${key}.json`);
    await cache.set(key, { text: 'answer' });
    const full = await readFile(file, 'utf8');
    const damaged = [
      full.slice(0, full.length - 5), // cut short
      '\u0000'.repeat(full.length), // zero-filled blocks after a crash
      '\u0000\u0000garbage',
      JSON.stringify({ key: sha256('other'), value: { text: 'x' } }), // another key's entry
      'null',
      full.replace('answer', 'answeR'), // parses, right key, but not what was written
    ];
    for (const text of damaged) {
      await writeFile(file, text);
      expect(await cache.get(key)).toBeUndefined();
      // Removed, so it cannot be served by anything later either.
      await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
    }
    expect(seen).toEqual(['unreadable', 'unreadable', 'unreadable', 'foreign', 'unreadable', 'checksum']);
    expect(cache.stats?.()).toEqual({ torn: 6 });
    await cache.set(key, { text: 'repaired' });
    expect(await cache.get(key)).toEqual({ text: 'repaired' });
  });

  it('an absent entry is a plain miss, not torn; an entry from before checksums still reads', async () => {
    const cache = createResponseCache({ dir });
    expect(await cache.get(key)).toBeUndefined();
    const file = join(dir, key.slice(0, 2), `${key}.json`);
    await cache.set(key, { text: 'x' });
    await writeFile(file, JSON.stringify({ key, value: { text: 'old format' } }));
    expect(await cache.get(key)).toEqual({ text: 'old format' });
    expect(cache.stats?.()).toEqual({ torn: 0 });
  });

  it('refuses keys that are not hex digests', async () => {
    const cache = createResponseCache({ dir });
    await expect(cache.get('../../etc/passwd')).rejects.toMatchObject({ code: 'CACHE_KEY_INVALID' });
    await expect(cache.set('short', {})).rejects.toMatchObject({ code: 'CACHE_KEY_INVALID' });
  });
});
