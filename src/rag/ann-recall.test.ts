import { describe, expect, it } from 'vitest';
import { withAnnRecall } from './ann-recall.js';
import type { VectorHit, VectorStore } from './vector-store.js';
import { createExactStore } from './vector-stores/exact-store.js';

function fakeStore(results: (vector: Float32Array, k: number) => VectorHit[], size = 10): VectorStore {
  return {
    kind: 'pgvector',
    size,
    add: () => {},
    save: async () => {},
    search: async (v, k) => results(v, k),
  };
}

const vectors = Array.from({ length: 10 }, (_, i) => Float32Array.from([Math.cos(i / 3), Math.sin(i / 3)]));
const exact = createExactStore({ dimension: 2 });
exact.add(vectors);

describe('withAnnRecall', () => {
  it('is 1 for a store that returns the exact answer, and counts no short results', async () => {
    const metered = withAnnRecall(
      fakeStore((v, k) => exact.search(v, k)),
      {
        k: 3,
        sampleRate: 1,
        exact: (v, k) => exact.search(v, k),
      },
    );
    for (const v of vectors) await metered.store.search(v, 5);
    expect(metered.report()).toMatchObject({ sampledSearches: 10, recallAtK: 1, shortResults: 0 });
  });

  it('measures recall@k against exact search and names the queries of short lists', async () => {
    // The store drops the best hit: top 3 shares 2 of the exact top 3, and 5 asked, 4 returned.
    let query = 'q0';
    const metered = withAnnRecall(
      fakeStore((v, k) => exact.search(v, k).slice(1)),
      {
        k: 3,
        sampleRate: 1,
        exact: (v, k) => exact.search(v, k),
        currentQuery: () => query,
      },
    );
    for (let i = 0; i < 4; i++) {
      query = `q${i}`;
      await metered.store.search(vectors[i], 5);
    }
    const report = metered.report();
    expect(report.recallAtK).toBeCloseTo(2 / 3, 12);
    expect(report.shortResults).toBe(4);
    expect(report.shortQueries).toEqual(['q0', 'q1', 'q2', 'q3']);
    expect(metered.isShort('q2')).toBe(true);
    expect(metered.isShort('q9')).toBe(false);
  });

  it('a list shorter than k is not short when the store holds fewer vectors', async () => {
    const metered = withAnnRecall(
      fakeStore((v, k) => exact.search(v, k).slice(0, 2), 2),
      {
        k: 3,
        sampleRate: 0,
        exact: (v, k) => exact.search(v, k),
      },
    );
    await metered.store.search(vectors[0], 5);
    expect(metered.report()).toMatchObject({ shortResults: 0, sampledSearches: 0, recallAtK: null });
  });

  it('samples by a hash of the query vector: the same searches every run, about the rate asked', async () => {
    const run = async () => {
      const metered = withAnnRecall(
        fakeStore((v, k) => exact.search(v, k)),
        {
          k: 3,
          sampleRate: 0.25,
          exact: (v, k) => exact.search(v, k),
        },
      );
      for (let i = 0; i < 400; i++) await metered.store.search(Float32Array.from([i, 1]), 3);
      return metered.report().sampledSearches;
    };
    const first = await run();
    expect(await run()).toBe(first);
    expect(first).toBeGreaterThan(70);
    expect(first).toBeLessThan(130);
  });

  it('keeps a split-phase store split, and meters what its finish returns', async () => {
    const calls: string[] = [];
    const inner: VectorStore = {
      ...fakeStore((v, k) => exact.search(v, k).slice(1)),
      startSearch: (v, k) => {
        calls.push('start');
        return () => {
          calls.push('finish');
          return exact.search(v, k).slice(1);
        };
      },
    };
    const metered = withAnnRecall(inner, { k: 3, sampleRate: 1, exact: (v, k) => exact.search(v, k) });
    const finish = metered.store.startSearch!(vectors[0], 5);
    expect(calls).toEqual(['start']);
    expect(await finish()).toEqual(exact.search(vectors[0], 5).slice(1));
    expect(calls).toEqual(['start', 'finish']);
    expect(metered.report()).toMatchObject({ sampledSearches: 1, shortResults: 1 });
    expect(metered.report().recallAtK).toBeCloseTo(2 / 3, 12);
    // A store without the split gets none.
    expect(
      withAnnRecall(
        fakeStore(() => []),
        { k: 3, sampleRate: 1, exact: () => [] },
      ).store.startSearch,
    ).toBeUndefined();
  });
});
