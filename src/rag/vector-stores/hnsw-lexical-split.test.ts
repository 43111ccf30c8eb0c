// A hybrid query's BM25 side ranked half on the HNSW store's search thread: the store takes it
// only when both threads search as many graphs, and the merged hits are the BM25 index's own,
// label for label and score for score; a thread closed or ended mid-query fails the query, never
// hands back partial BM25 hits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAnnRecall } from '../ann-recall.js';
import { loadCorpus } from '../corpus-loader.js';
import { createHashEmbedderFactory } from '../embedders/hash-embedder.js';
import { buildRagIndex } from '../rag-index.js';
import { createRetriever } from '../retriever.js';
import type { InProcessVectorStore } from '../vector-store.js';
import { buildHnswStore } from './build-hnsw-store.js';
import { openHnswShardThread } from './hnsw-shard-thread.js';
import { DEFAULT_EF_SEARCH, createShardedHnswStore, hnswlib } from './hnsw-store.js';

const corpus = loadCorpus(new URL('../__fixtures__/corpus', import.meta.url).pathname);
const index = await buildRagIndex({
  documents: corpus.documents,
  chunking: { size: 24, overlap: 4, unit: 'tokens' },
  embedder: createHashEmbedderFactory({ dimension: 64 }),
});
const count = index.vectors.size;
const dimension = index.embedder.dimension;
const matrix = new Float32Array(count * dimension);
for (let label = 0; label < count; label++) matrix.set(index.vectors.vector!(label), label * dimension);
const QUERIES = [
  'How long does a refund take to arrive?',
  'reset link expired password',
  'SAML certificate error SSO-2',
  'refund refund invoices billing',
  'support hours',
  'zzzz unknown words only',
];
const dir = mkdtempSync(join(tmpdir(), 'evalgate-lexical-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const embed = async (q: string) => (await index.embedder.embed([q]))[0];
/** The index's own share (evalgate's BM25 always offers one). */
const shareOf = (q: string, k: number) => {
  if (!index.bm25.share) throw new Error('the built index offers no share');
  return index.bm25.share(q, k);
};
const bm25Hits = (q: string, k: number) =>
  index.bm25.search(q, k).map((h) => ({ label: h.index, score: h.score }));

describe('BM25 ranked beside the HNSW search thread', () => {
  let four: InProcessVectorStore;
  let three: InProcessVectorStore;
  let local: InProcessVectorStore;
  beforeAll(async () => {
    [four, three, local] = await Promise.all([
      buildHnswStore({ dimension, vectors: matrix, shardSize: Math.ceil(count / 4), searchThread: true }),
      buildHnswStore({ dimension, vectors: matrix, shardSize: Math.ceil(count / 3), searchThread: true }),
      buildHnswStore({ dimension, vectors: matrix, shardSize: Math.ceil(count / 4), searchThread: false }),
    ]);
  });

  it('takes the BM25 side with an even split of graphs, and gives the index its own hits', async () => {
    expect(count).toBeGreaterThan(8);
    let taken = 0;
    for (const q of QUERIES) {
      const vector = await embed(q);
      for (const k of [1, 5, 50, count + 10]) {
        const share = shareOf(q, k);
        const dense = four.startSearch!(vector, 20, share)();
        expect(dense).toEqual(local.search(vector, 20));
        if (share.terms.length === 0) expect(share.taken).toBeUndefined();
        else {
          expect(share.taken).toBe(true);
          taken++;
        }
        // Whether taken or not, the hits are the index's own: k beyond the matches included.
        if (share.taken) expect(share.hits).toEqual(bm25Hits(q, k));
      }
    }
    expect(taken).toBeGreaterThan(10);
  });

  it('keeps the split through the ANN-recall meter an eval wraps the store in', async () => {
    const metered = withAnnRecall(four, { k: 5, sampleRate: 1, exact: (v, k) => local.search(v, k) });
    const share = shareOf(QUERIES[0], 10);
    const dense = await metered.store.startSearch!(await embed(QUERIES[0]), 20, share)();
    expect(share.taken).toBe(true);
    expect(share.hits).toEqual(bm25Hits(QUERIES[0], 10));
    expect(dense).toEqual(local.search(await embed(QUERIES[0]), 20));
    expect(metered.report().sampledSearches).toBe(1);
  });

  it('leaves the BM25 side to the caller when the thread holds more graphs, or k exceeds the shared buffer', async () => {
    const vector = await embed(QUERIES[0]);
    const odd = shareOf(QUERIES[0], 10);
    expect(three.startSearch!(vector, 20, odd)()).toEqual(local.search(vector, 20));
    expect(odd.taken).toBeUndefined();
    expect(odd.hits).toBeUndefined();
    const deep = shareOf(QUERIES[0], 5000);
    four.startSearch!(vector, 20, deep)();
    expect(deep.taken).toBeUndefined();
  });

  it('leaves BM25 to the caller for good when the thread cannot take the postings; the dense side still answers', async () => {
    const store = await buildHnswStore({
      dimension,
      vectors: matrix,
      shardSize: Math.ceil(count / 4),
      searchThread: true,
    });
    const vector = await embed(QUERIES[0]);
    // Postings the thread's scorer cannot read stand for a scorer that failed to load there; postings
    // that cannot even be posted must not leave a reply owed (the dense search would wait 10 s).
    for (const postings of [{ notCloneable: () => 1 }, null]) {
      const broken = { ...shareOf(QUERIES[0], 10), postings } as unknown as ReturnType<typeof shareOf>;
      expect(store.startSearch!(vector, 20, broken)()).toEqual(local.search(vector, 20));
      expect(broken.taken).toBeUndefined();
    }
    const good = shareOf(QUERIES[0], 10);
    expect(store.startSearch!(vector, 20, good)()).toEqual(local.search(vector, 20));
    expect(good.taken).toBeUndefined();
  });

  it("a BM25 object without `share` (a caller's wrapper) still gets hybrid answers over the threaded store", async () => {
    const { share: _dropped, ...wrapped } = index.bm25;
    expect('share' in wrapped).toBe(false);
    const plain = createRetriever({ index: { ...index, vectors: four }, mode: 'hybrid' });
    const wrapper = createRetriever({ index: { ...index, bm25: wrapped, vectors: four }, mode: 'hybrid' });
    for (const q of QUERIES)
      expect(await wrapper.retrieve(q, { k: 5 })).toEqual(await plain.retrieve(q, { k: 5 }));
  });

  it('fails a query whose thread is closed or ends mid-query, without partial BM25 hits', async () => {
    await four.save(dir);
    const half = Math.ceil(count / 4);
    const open = async () => {
      const thread = await openHnswShardThread({
        dimension,
        shards: [0, 1].map((i) => ({ file: join(dir, `hnsw-${i}.bin`), from: i * half })),
      });
      const graphs = [2, 3].map((i) => {
        const graph = new (hnswlib().HierarchicalNSW)('cosine', dimension);
        graph.readIndexSync(join(dir, `hnsw-${i}.bin`));
        return { index: graph, from: i * half };
      });
      return { thread, store: createShardedHnswStore(graphs, dimension, DEFAULT_EF_SEARCH, thread) };
    };
    const vector = await embed(QUERIES[0]);
    for (const end of ['close', 'crash'] as const) {
      const { thread, store } = await open();
      const share = shareOf(QUERIES[0], 10);
      const finish = store.startSearch!(vector, 20, share);
      expect(share.taken).toBe(true);
      if (end === 'close') thread.close();
      else thread.crashForTest();
      // The thread may answer before it reads the close; then the answer is whole and exact.
      try {
        expect(finish()).toEqual(local.search(vector, 20));
        expect(share.hits).toEqual(bm25Hits(QUERIES[0], 10));
      } catch (error) {
        expect(error).toMatchObject({ code: expect.stringMatching(/VECTOR_SEARCH_FAILED|INDEX_CLOSED/) });
        expect(share.hits).toBeUndefined();
      }
      // Not used again: the next query fails (at once after a close, at its finish after a crash).
      expect(() => store.startSearch!(vector, 20, shareOf(QUERIES[0], 10))()).toThrow(
        expect.objectContaining({ code: expect.stringMatching(/VECTOR_SEARCH_FAILED|INDEX_CLOSED/) }),
      );
      thread.close();
    }
    await new Promise((r) => setTimeout(r, 50));
  });
});
