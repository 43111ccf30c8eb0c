import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExactStore, loadExactStore } from './exact-store.js';

describe('exact store', () => {
  it('ranks by cosine, normalising inputs, ties by label', () => {
    const store = createExactStore({ dimension: 2 });
    store.add([
      Float32Array.from([2, 0]),
      Float32Array.from([0, 1]),
      Float32Array.from([1, 1]),
      Float32Array.from([3, 0]),
    ]);
    const hits = store.search(Float32Array.from([1, 0]), 3);
    expect(hits.map((h) => h.label)).toEqual([0, 3, 2]);
    expect(hits[0].score).toBeCloseTo(1, 6);
    expect(hits[2].score).toBeCloseTo(Math.SQRT1_2, 6);
    expect(store.search(Float32Array.from([1, 0]), 10)).toHaveLength(4);
  });

  it('saves vectors as binary float32 and loads them back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-exact-'));
    try {
      const store = createExactStore({ dimension: 3 });
      const vectors = Array.from({ length: 300 }, (_, i) =>
        Float32Array.from([Math.sin(i), Math.cos(i), i % 7]),
      );
      store.add(vectors);
      await store.save(dir);
      const loaded = await loadExactStore(dir, { dimension: 3 });
      expect(loaded.size).toBe(300);
      expect(loaded.search(vectors[10], 5)).toEqual(store.search(vectors[10], 5));
      await expect(loadExactStore(dir, { dimension: 4 })).rejects.toThrow(/3|4/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
