// A machine without hnswlib-node (no C++ toolchain): the index falls back to exact search, says so
// once, records it, and moves to HNSW once the addon can be loaded.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../config/schema.js';
import { createRagRuntime } from '../../pipeline/rag-runtime.js';
import { buildOrLoadIndex } from '../build-or-load-index.js';
import type { BuildOrLoadIndexOptions } from '../build-or-load-index.js';
import { createHashEmbedderFactory } from '../embedders/hash-embedder.js';
import { createRetriever } from '../retriever.js';
import type { HnswlibLoader } from './hnswlib-loader.js';
import { probeHnswlib } from './hnswlib-loader.js';

const root = mkdtempSync(join(tmpdir(), 'evalgate-fallback-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const missing: HnswlibLoader = () => {
  throw Object.assign(new Error("Cannot find module 'hnswlib-node'\nRequire stack: ..."), {
    code: 'MODULE_NOT_FOUND',
  });
};

function setup(name: string): BuildOrLoadIndexOptions {
  const corpusPath = join(root, name, 'rag', 'corpus');
  cpSync(new URL('../__fixtures__/corpus', import.meta.url).pathname, corpusPath, { recursive: true });
  return {
    corpusPath,
    dir: join(root, name, 'index'),
    chunking: { size: 50, overlap: 10, unit: 'tokens' },
    embedder: createHashEmbedderFactory({ dimension: 64 }),
  };
}

describe('hnswlib-node missing', () => {
  it('the probe reports the loader failure as one line', () => {
    expect(probeHnswlib(missing)).toEqual({ ok: false, reason: "Cannot find module 'hnswlib-node'" });
    expect(probeHnswlib().ok).toBe(true); // installed in this repository
  });

  it('builds an exact store instead of HNSW, records why, and moves to HNSW once it loads', async () => {
    const options = setup('index');
    const withoutAddon = await buildOrLoadIndex({
      ...options,
      store: { kind: 'hnsw', loadHnswlib: missing },
    });
    expect(withoutAddon.index.vectors.kind).toBe('exact');
    expect(withoutAddon.manifest.storeKind).toBe('exact');
    expect(withoutAddon.manifest.storeFallback).toMatch(
      /hnswlib-node could not be loaded .*exact vector search/,
    );

    // Same answers as an exact store asked for on purpose.
    const exact = await buildOrLoadIndex({ ...options, dir: join(root, 'exact'), store: { kind: 'exact' } });
    expect(exact.manifest.storeFallback).toBeUndefined();
    for (const query of ['refund to the original payment method', 'reset two-factor authentication']) {
      const a = await createRetriever({ index: withoutAddon.index, mode: 'dense' }).retrieve(query);
      const b = await createRetriever({ index: exact.index, mode: 'dense' }).retrieve(query);
      expect(a.map((r) => r.chunk.id)).toEqual(b.map((r) => r.chunk.id));
    }

    // Still missing: the saved fallback index is reused.
    const again = await buildOrLoadIndex({ ...options, store: { kind: 'hnsw', loadHnswlib: missing } });
    expect(again.reused).toBe(true);
    expect(again.index.storeFallback).toBe(withoutAddon.manifest.storeFallback);

    // Installed now: rebuilt as HNSW, no fallback recorded.
    const withAddon = await buildOrLoadIndex({ ...options, store: { kind: 'hnsw' } });
    expect(withAddon.reused).toBe(false);
    expect(withAddon.manifest.storeKind).toBe('hnsw');
    expect(withAddon.manifest.storeFallback).toBeUndefined();

    // Gone again: a saved HNSW index cannot load, so it is rebuilt as exact rather than failing.
    const gone = await buildOrLoadIndex({ ...options, store: { kind: 'hnsw', loadHnswlib: missing } });
    expect(gone.reused).toBe(false);
    expect(gone.manifest.storeKind).toBe('exact');
  });

  it('a run prints one note and its manifest names the store used', async () => {
    const options = setup('runtime');
    const rag = ConfigSchema.shape.rag.unwrap().parse({
      corpus: 'rag/corpus',
      chunking: { size: 50, overlap: 10 },
      vector_store: 'hnsw',
      index_dir: 'index',
    });
    const notes: string[] = [];
    const runtime = await createRagRuntime({
      rag,
      root: join(options.corpusPath, '..', '..'),
      env: {},
      configFile: 'eval/evalgate.yaml',
      loadHnswlib: missing,
      onNote: (line) => notes.push(line),
    });
    expect(notes.filter((n) => n.includes('hnswlib-node'))).toHaveLength(1);
    expect(runtime.describe.vectorStore).toBe('exact');
    expect(runtime.describe.vectorStoreFallback).toMatch(/hnswlib-node could not be loaded/);
    expect((await runtime.retrieve('refund')).length).toBeGreaterThan(0);

    const installed = await createRagRuntime({
      rag,
      root: join(options.corpusPath, '..', '..'),
      env: {},
      configFile: 'eval/evalgate.yaml',
    });
    expect(installed.describe.vectorStore).toBe('hnsw');
    expect(installed.describe.vectorStoreFallback).toBeUndefined();
  });

  it('an HNSW run reports the store recall against exact search on sampled searches', async () => {
    const options = setup('ann');
    const rag = ConfigSchema.shape.rag.unwrap().parse({
      corpus: 'rag/corpus',
      chunking: { size: 50, overlap: 10 },
      vector_store: 'hnsw',
      retrieve: { mode: 'dense' },
      index_dir: 'index',
    });
    const runtime = await createRagRuntime({
      rag,
      root: join(options.corpusPath, '..', '..'),
      env: {},
      configFile: 'eval/evalgate.yaml',
      annRecallSampleRate: 1,
    });
    for (const q of ['refund', 'password reset', 'invoice address', 'two-factor']) await runtime.retrieve(q);
    expect(runtime.describe.annRecall).toMatchObject({
      store: 'hnsw',
      k: 5,
      sampledSearches: 4,
      shortResults: 0,
    });
    expect(runtime.describe.annRecall?.recallAtK).toBe(1); // tiny graph: HNSW is exact here
    expect(JSON.parse(JSON.stringify(runtime.describe)).annRecall.sampledSearches).toBe(4);
  });
});

describe('hnswlib-node stays optional for type-checking', () => {
  it('no source file imports it (types included): they would reach the published .d.ts files', () => {
    const src = new URL('../../', import.meta.url).pathname;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ts$/.test(entry.name) && /from ['"]hnswlib-node['"]/.test(readFileSync(full, 'utf8')))
          offenders.push(full);
      }
    };
    walk(src);
    expect(offenders).toEqual([]);
  });
});
