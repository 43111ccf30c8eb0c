// The retriever's split-phase dense search: a store that offers startSearch is started before
// BM25 and finished after it (so a store's search thread works while BM25 runs here), with the
// same results as a plain search, and failures on either side reported, never a reply left behind.
import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus-loader.js';
import { createHashEmbedderFactory } from './embedders/hash-embedder.js';
import { buildRagIndex } from './rag-index.js';
import type { RagIndex } from './rag-index.js';
import { createRetriever } from './retriever.js';
import type { VectorStore } from './vector-store.js';
import { buildHnswStore } from './vector-stores/build-hnsw-store.js';

const corpus = loadCorpus(new URL('./__fixtures__/corpus', import.meta.url).pathname);
const index = await buildRagIndex({
  documents: corpus.documents,
  chunking: { size: 60, overlap: 10, unit: 'tokens' },
  embedder: createHashEmbedderFactory({ dimension: 256 }),
});
const QUERIES = [
  'How long does a refund take to arrive?',
  'reset link expired',
  'SAML certificate error SSO-2',
];

/** The index's store with a split-phase search that logs the order of events. */
function splitStore(
  log: string[],
  failFinish?: Error,
): Pick<VectorStore, 'kind' | 'size' | 'add' | 'save' | 'search' | 'startSearch'> {
  const inner = index.vectors;
  return {
    kind: inner.kind,
    size: inner.size,
    add: (v) => inner.add(v),
    save: (d) => inner.save(d),
    search: (v, k) => {
      log.push('search');
      return inner.search(v, k);
    },
    startSearch: (v, k) => {
      log.push('start');
      return () => {
        log.push('finish');
        if (failFinish) throw failFinish;
        return inner.search(v, k);
      };
    },
  };
}

/** The index with another store, and BM25 logging (or failing) its searches. */
function withStore(store: VectorStore, log: string[], bm25Error?: Error): RagIndex {
  const bm25 = Object.create(index.bm25) as RagIndex['bm25'];
  bm25.search = (query, k) => {
    log.push('bm25');
    if (bm25Error) throw bm25Error;
    return index.bm25.search(query, k);
  };
  return { ...index, vectors: store, bm25 } as RagIndex;
}

describe('the retriever with a split-phase store', () => {
  it('starts the dense search before BM25 and finishes it after, with the same results', async () => {
    for (const mode of ['hybrid', 'dense', 'bm25'] as const) {
      const log: string[] = [];
      const split = createRetriever({ index: withStore(splitStore(log) as VectorStore, log), mode, k: 5 });
      const plain = createRetriever({ index, mode, k: 5 });
      for (const q of QUERIES)
        expect(await split.retrieve(q), `${mode}: ${q}`).toEqual(await plain.retrieve(q));
      const expected = { hybrid: ['start', 'bm25', 'finish'], dense: ['start', 'finish'], bm25: ['bm25'] }[
        mode
      ];
      expect(log, mode).toEqual(QUERIES.flatMap(() => expected));
    }
  });

  it('uses the plain search for a store without startSearch (the exact store, a database)', async () => {
    expect(index.vectors.startSearch).toBeUndefined();
    const log: string[] = [];
    const store = splitStore(log);
    store.startSearch = undefined;
    const retriever = createRetriever({ index: withStore(store as VectorStore, log), k: 5 });
    expect(await retriever.retrieve(QUERIES[0])).toEqual(
      await createRetriever({ index, k: 5 }).retrieve(QUERIES[0]),
    );
    expect(log).toEqual(['search', 'bm25']);
  });

  it('sends an asynchronous store its query before BM25 runs, and waits for it after', async () => {
    const log: string[] = [];
    const store = splitStore(log);
    store.startSearch = undefined;
    store.search = (v, k) => {
      log.push('sent');
      return new Promise((resolve) =>
        setTimeout(() => {
          log.push('answered');
          resolve(index.vectors.search(v, k));
        }, 5),
      );
    };
    const retriever = createRetriever({ index: withStore(store as VectorStore, log), k: 5 });
    expect(await retriever.retrieve(QUERIES[1])).toEqual(
      await createRetriever({ index, k: 5 }).retrieve(QUERIES[1]),
    );
    expect(log).toEqual(['sent', 'bm25', 'answered']);
  });

  it('finishes the dense search when BM25 fails, and reports the BM25 failure', async () => {
    const log: string[] = [];
    const retriever = createRetriever({
      index: withStore(splitStore(log) as VectorStore, log, new Error('bm25 broke')),
      k: 5,
    });
    await expect(retriever.retrieve(QUERIES[0])).rejects.toThrow('bm25 broke');
    expect(log).toEqual(['start', 'bm25', 'finish']);
  });

  it('reports a failure to finish (a search thread that died) as the retrieval error', async () => {
    const log: string[] = [];
    const died = new Error('the HNSW search thread ended');
    const retriever = createRetriever({ index: withStore(splitStore(log, died) as VectorStore, log), k: 5 });
    await expect(retriever.retrieve(QUERIES[0])).rejects.toThrow('search thread ended');
    expect(log).toEqual(['start', 'bm25', 'finish']);
  });

  it('does not start a dense search for a query that embeds to zero', async () => {
    const log: string[] = [];
    const retriever = createRetriever({ index: withStore(splitStore(log) as VectorStore, log), k: 5 });
    expect(await retriever.retrieve('the and of')).toEqual([]);
    expect(log).toEqual(['bm25']);
  });
});

describe("the retriever's MMR over a store's vectors", () => {
  it("fetches the candidates' vectors in one call where the store can, with the same choice", async () => {
    const calls: string[] = [];
    const inner = index.vectors;
    const batched: VectorStore = {
      kind: inner.kind,
      size: inner.size,
      add: (v) => inner.add(v),
      save: (d) => inner.save(d),
      search: (v, k) => inner.search(v, k),
      vector: (label) => {
        calls.push('vector');
        return inner.vector!(label);
      },
      vectorsOf: (labels) => {
        calls.push(`vectorsOf ${labels.length}`);
        return labels.map((label) => inner.vector!(label));
      },
    };
    const options = { mode: 'hybrid', k: 4, candidatePool: 12, mmr: { lambda: 0.3 } } as const;
    const withBatch = createRetriever({ ...options, index: { ...index, vectors: batched } });
    const perVector = createRetriever({ ...options, index });
    for (const q of QUERIES) {
      calls.length = 0;
      const chosen = await withBatch.retrieve(q);
      expect(chosen).toEqual(await perVector.retrieve(q));
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatch(/^vectorsOf \d+$/);
    }
    // MMR with a diversity weight does change the order here (the test would not see a mix-up).
    const plain = await createRetriever({ ...options, mmr: undefined, index }).retrieve(QUERIES[0]);
    expect((await withBatch.retrieve(QUERIES[0])).map((h) => h.chunk.id)).not.toEqual(
      plain.map((h) => h.chunk.id),
    );
  });

  it('says plainly when the store cannot return vectors, and not for an empty candidate list', async () => {
    const { vector: _v, ...rest } = index.vectors;
    const blind = {
      ...rest,
      kind: 'pgvector',
      size: index.vectors.size,
      search: async () => [],
    } as VectorStore;
    const retriever = createRetriever({
      index: { ...index, vectors: blind },
      mode: 'dense',
      mmr: { lambda: 0.5 },
    });
    expect(await retriever.retrieve('refund')).toEqual([]);
    const hybrid = createRetriever({
      index: { ...index, vectors: blind },
      mode: 'hybrid',
      mmr: { lambda: 0.5 },
    });
    await expect(hybrid.retrieve('refund')).rejects.toThrow(/pgvector store cannot return vectors/);
  });
});

describe('the retriever over an HNSW store with a search thread', () => {
  it("gives the same results, and concurrent retrievals never take each other's replies", async () => {
    const count = index.vectors.size;
    const dimension = index.embedder.dimension;
    const matrix = new Float32Array(count * dimension);
    for (let label = 0; label < count; label++) matrix.set(index.vectors.vector!(label), label * dimension);
    const build = (searchThread: boolean) =>
      buildHnswStore({ dimension, vectors: matrix, shardSize: Math.ceil(count / 4), searchThread });
    const [threaded, local] = await Promise.all([build(true), build(false)]);
    expect(threaded.startSearch).toBeDefined();
    const queries = [...QUERIES, 'billing contact invoices', 'support hours refund', 'password', 'SSO'];
    for (const mmr of [undefined, { lambda: 0.5 }]) {
      const options = { mode: 'hybrid', k: 4, mmr } as const;
      const onThread = createRetriever({ ...options, index: { ...index, vectors: threaded } });
      const onOne = createRetriever({ ...options, index: { ...index, vectors: local } });
      const expected = [];
      for (const q of queries) expected.push(await onOne.retrieve(q));
      // All at once: each retrieval's start and finish must pair up (the store answers one at a time).
      const all = await Promise.all([...queries, ...queries].map((q) => onThread.retrieve(q)));
      expect(all).toEqual([...expected, ...expected]);
    }
  });
});
