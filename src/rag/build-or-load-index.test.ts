import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOrLoadIndex, indexStatus } from './build-or-load-index.js';
import type { BuildOrLoadIndexOptions } from './build-or-load-index.js';
import { createHashEmbedder, createHashEmbedderFactory } from './embedders/hash-embedder.js';
import { createLsaEmbedderFactory } from './embedders/lsa-embedder.js';
import { createRetriever } from './retriever.js';

const root = mkdtempSync(join(tmpdir(), 'evalgate-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function setup(name: string): BuildOrLoadIndexOptions {
  const corpusPath = join(root, name, 'corpus');
  cpSync(new URL('./__fixtures__/corpus', import.meta.url).pathname, corpusPath, { recursive: true });
  return {
    corpusPath,
    dir: join(root, name, 'index'),
    chunking: { size: 50, overlap: 10, unit: 'tokens' },
    embedder: createHashEmbedderFactory({ dimension: 128 }),
  };
}

describe('buildOrLoadIndex', () => {
  it('builds once, then reuses the saved index with identical retrieval', async () => {
    const options = setup('reuse');
    const phases: string[] = [];
    const first = await buildOrLoadIndex({ ...options, onProgress: (e) => phases.push(e.phase) });
    expect(first.reused).toBe(false);
    expect(phases).toEqual(
      expect.arrayContaining(['load-corpus', 'chunk', 'fit', 'embed', 'vectors', 'bm25', 'save']),
    );
    expect(first.manifest.storeKind).toBe('exact'); // small corpus: brute force
    expect(first.manifest.documentCount).toBe(5);
    expect(first.manifest.chunkCount).toBe(first.index.chunks.length);
    expect(first.manifest.inputs.embedder).toEqual({
      id: 'local/hash@128',
      dimension: 128,
      fitted: true,
      algorithmVersion: 1,
    });

    const second = await buildOrLoadIndex(options);
    expect(second.reused).toBe(true);
    expect(second.manifest).toEqual(first.manifest);
    expect(second.index.chunks).toEqual(first.index.chunks);
    expect(second.index.corpusHash).toBe(first.index.corpusHash);
    for (const query of [
      'refund to the original payment method',
      'SSO-7 clock skew',
      'download invoices as PDF',
    ]) {
      const before = await createRetriever({ index: first.index }).retrieve(query);
      const after = await createRetriever({ index: second.index }).retrieve(query);
      expect(after).toEqual(before);
    }
    expect((await indexStatus(options)).upToDate).toBe(true);
  });

  it('rebuilds when a document changes, and removes the stale build', async () => {
    const options = setup('text-change');
    const first = await buildOrLoadIndex(options);
    writeFileSync(join(options.corpusPath, 'general.txt'), 'Support is now open on weekends too.\n');
    expect((await indexStatus(options)).upToDate).toBe(false);
    const second = await buildOrLoadIndex(options);
    expect(second.reused).toBe(false);
    expect(second.index.corpusHash).not.toBe(first.index.corpusHash);
    expect(second.index.chunks.some((c) => c.text.includes('weekends'))).toBe(true);
    expect(readdirSync(options.dir!).filter((d) => !d.startsWith('.'))).toHaveLength(1);
  });

  it('rebuilds when the chunking or embedder changes, keeping other configurations', async () => {
    const options = setup('config-change');
    await buildOrLoadIndex(options);
    const resized = await buildOrLoadIndex({ ...options, chunking: { ...options.chunking, size: 80 } });
    expect(resized.reused).toBe(false);
    expect(resized.manifest.inputs.chunking.size).toBe(80);
    const otherEmbedder = await buildOrLoadIndex({
      ...options,
      embedder: createHashEmbedder({ dimension: 64 }),
    });
    expect(otherEmbedder.reused).toBe(false);
    expect(otherEmbedder.manifest.inputs.embedder).toEqual({
      id: 'local/hash@64',
      dimension: 64,
      fitted: false,
    });
    expect(readdirSync(options.dir!).filter((d) => !d.startsWith('.'))).toHaveLength(3);
    expect((await buildOrLoadIndex(options)).reused).toBe(true);
  });

  it("rebuilds when the embedder's algorithm version changes under the same id", async () => {
    const options = setup('algorithm-change');
    await buildOrLoadIndex(options);
    const factory = createHashEmbedderFactory({ dimension: 128 });
    const newer = await buildOrLoadIndex({ ...options, embedder: { ...factory, algorithmVersion: 2 } });
    expect(newer.reused).toBe(false);
    expect(newer.manifest.inputs.embedder.id).toBe('local/hash@128');
  });

  it.each(['chunks.json', 'embedder.bin', 'bm25.bin', 'vectors.bin'])(
    'rebuilds the index, and says why, when %s was cut short',
    async (file) => {
      const options = setup(`damaged-${file}`);
      const first = await buildOrLoadIndex(options);
      const build = join(options.dir!, readdirSync(options.dir!).find((d) => !d.startsWith('.'))!);
      expect(readdirSync(build)).toContain(file);
      // A write cut off halfway, as a crash or a full disk leaves it.
      const bytes = readFileSync(join(build, file));
      writeFileSync(join(build, file), bytes.subarray(0, Math.floor(bytes.length / 2)));
      const second = await buildOrLoadIndex(options);
      expect(second.reused).toBe(false);
      expect(second.repairedBecause).toEqual(expect.any(String));
      expect(second.index.chunks).toEqual(first.index.chunks);
      const third = await buildOrLoadIndex(options);
      expect(third.reused).toBe(true);
      expect(third.repairedBecause).toBeUndefined();
    },
  );

  it('persists a corpus-fitted LSA embedder: reloaded and rebuilt indexes give identical vectors and rankings', async () => {
    const options: BuildOrLoadIndexOptions = {
      ...setup('lsa'),
      embedder: createLsaEmbedderFactory({ rank: 8 }),
    };
    const built = await buildOrLoadIndex(options);
    expect(built.manifest.inputs.embedder).toEqual({
      id: 'local/lsa@8',
      dimension: 264,
      fitted: true,
      withTitle: true,
      algorithmVersion: 6,
    });
    const loaded = await buildOrLoadIndex(options);
    expect(loaded.reused).toBe(true);
    rmSync(options.dir!, { recursive: true, force: true });
    const rebuilt = await buildOrLoadIndex(options);
    expect(rebuilt.reused).toBe(false);
    for (let label = 0; label < built.index.chunks.length; label++) {
      expect(Array.from(rebuilt.index.vectors.vector!(label))).toEqual(
        Array.from(built.index.vectors.vector!(label)),
      );
    }
    for (const query of ['money back for a yearly plan', 'SSO-7 clock skew']) {
      const expected = await createRetriever({ index: built.index, mode: 'dense' }).retrieve(query);
      expect(await createRetriever({ index: loaded.index, mode: 'dense' }).retrieve(query)).toEqual(expected);
      expect(await createRetriever({ index: rebuilt.index, mode: 'dense' }).retrieve(query)).toEqual(
        expected,
      );
    }
  });

  it('persists an HNSW store and its graph files when asked for one', async () => {
    const options: BuildOrLoadIndexOptions = { ...setup('hnsw'), store: { kind: 'hnsw', efSearch: 50 } };
    const built = await buildOrLoadIndex(options);
    expect(built.manifest.storeKind).toBe('hnsw');
    const loaded = await buildOrLoadIndex(options);
    expect(loaded.reused).toBe(true);
    expect(loaded.index.vectors.kind).toBe('hnsw');
    const path = (await indexStatus(options)).path;
    expect(existsSync(join(path, 'hnsw.json'))).toBe(true);
    const query = 'certificate expired';
    expect(await createRetriever({ index: loaded.index, mode: 'dense' }).retrieve(query)).toEqual(
      await createRetriever({ index: built.index, mode: 'dense' }).retrieve(query),
    );
  });

  it('rebuilds when the BM25 analyzer or norms change, and records them in the manifest', async () => {
    const options = setup('bm25-analyzer');
    const standard = await buildOrLoadIndex(options);
    expect(standard.manifest.inputs.bm25).toEqual({ k1: 0.9, b: 0.4, analyzer: 'standard', norms: 'exact' });
    const lucene = await buildOrLoadIndex({ ...options, bm25: { analyzer: 'lucene', norms: 'lucene' } });
    expect(lucene.reused).toBe(false);
    expect(lucene.manifest.inputs.bm25).toMatchObject({ analyzer: 'lucene', norms: 'lucene' });
    const again = await buildOrLoadIndex({ ...options, bm25: { analyzer: 'lucene', norms: 'lucene' } });
    expect(again.reused).toBe(true);
    expect(again.index.bm25.toState()).toMatchObject({ analyzer: 'lucene', norms: 'lucene' });
  });
});
