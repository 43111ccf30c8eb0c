// The pgvector store against real pgvector, in process: PGlite (Postgres compiled to WASM) with
// the pgvector extension, from npm. One database for the file; each test uses its own tables.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureProject } from '../cli/__fixtures__/fixture-project.js';
import { caseInput, loadCases } from '../cases/index.js';
import { loadConfig } from '../config/load-config.js';
import { createRagRuntime } from '../pipeline/rag-runtime.js';
import { evaluate } from '../pipeline/evaluate.js';
import { vectorStoreContract } from '../rag/__fixtures__/vector-store-contract.js';
import { buildOrLoadIndex } from '../rag/build-or-load-index.js';
import { createHashEmbedder } from '../rag/embedders/hash-embedder.js';
import { localEmbedderFactory } from '../rag/embedders/local-embedders.js';
import type { RagIndex } from '../rag/rag-index.js';
import { createRetriever } from '../rag/retriever.js';
import { retrievalScores } from '../scorers/retrieval/retrieval-scores.js';
import { buildPgvectorIndex } from './build-pgvector-index.js';
import { parseDatabaseUrl } from './database-url.js';
import { openSqlClient } from './open-sql-client.js';
import { createPgvectorStore } from './pgvector-store.js';
import { preparePgvectorTable } from './pgvector-table.js';
import type { SqlClient } from './sql-client.js';

const scratch = mkdtempSync(join(tmpdir(), 'evalgate-pg-'));
let client: SqlClient;
beforeAll(async () => {
  client = await openSqlClient(
    parseDatabaseUrl('pglite://memory', { file: 'x', field: 'y' }),
    'pglite://memory',
  );
});
afterAll(async () => {
  await client?.close();
  rmSync(scratch, { recursive: true, force: true });
});

let tables = 0;
vectorStoreContract('pgvector', {
  create: async (dimension) => {
    const table = `contract_${tables++}`;
    const session = await preparePgvectorTable({
      client,
      table,
      dimension,
      m: 16,
      efConstruction: 64,
      efSearch: 100,
    });
    return createPgvectorStore({ client, session, table, dimension, size: 0 });
  },
  minRecall: 0.95,
});

describe('pgvector store', () => {
  it('runs pgvector >= 0.8 with iterative scans, so a pool larger than ef_search is filled', async () => {
    const table = 'pool_check';
    const session = await preparePgvectorTable({
      client,
      table,
      dimension: 4,
      m: 16,
      efConstruction: 64,
      efSearch: 10,
    });
    expect(session.iterativeScan).toBe(true);
    const store = createPgvectorStore({ client, session, table, dimension: 4, size: 0 });
    await store.add(
      Array.from({ length: 300 }, (_, i) => Float32Array.from([Math.sin(i), Math.cos(i), i % 7, 1])),
    );
    // ef_search 10, 60 asked: without the iterative scan HNSW would stop at about 10 rows.
    expect(await store.search(Float32Array.from([0.3, 0.2, 1, 1]), 60)).toHaveLength(60);
    const exact = await store.exactSearch(Float32Array.from([0.3, 0.2, 1, 1]), 60);
    expect(exact).toHaveLength(60);
  });

  it('re-indexes incrementally: only added and changed documents are embedded, removed ones deleted', async () => {
    const corpus = join(scratch, 'corpus');
    cpSync(new URL('../rag/__fixtures__/corpus', import.meta.url).pathname, corpus, { recursive: true });
    let embedded = 0;
    const base = createHashEmbedder({ dimension: 64 });
    const embedder = {
      ...base,
      embed: async (texts: string[]) => {
        embedded += texts.length;
        return base.embed(texts);
      },
    };
    const build = () =>
      buildPgvectorIndex({
        corpusPath: corpus,
        chunking: { size: 50, overlap: 10, unit: 'tokens' },
        embedder,
        client,
        databaseUrl: 'pglite://memory',
        tablePrefix: 'incr_',
        efSearch: 100,
      });
    const first = await build();
    const docs = new Set(first.index.chunks.map((c) => c.docId)).size;
    expect(first.sync).toMatchObject({ added: docs, changed: 0, removed: 0, unchanged: 0 });
    expect(embedded).toBe(first.index.chunks.length);

    embedded = 0;
    const again = await build();
    expect(again.sync).toMatchObject({
      added: 0,
      changed: 0,
      removed: 0,
      unchanged: docs,
      embeddedChunks: 0,
    });
    expect(embedded).toBe(0);

    const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(corpus, f)).isFile())
      .sort();
    writeFileSync(
      join(corpus, files[0]),
      `${readFileSync(join(corpus, files[0]), 'utf8')}\nA new closing line.\n`,
    );
    rmSync(join(corpus, files[1]));
    writeFileSync(join(corpus, 'added.md'), '# Added\n\nA brand new article about exporting audit logs.\n');
    embedded = 0;
    const third = await build();
    expect(third.sync).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: docs - 2 });
    const touched = third.index.chunks.filter((c) => c.docId === files[0] || c.docId === 'added.md').length;
    expect(third.sync.embeddedChunks).toBe(touched);
    expect(embedded).toBe(touched);
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${third.sync.table}`);
    expect(rows[0].n).toBe(third.index.chunks.length);

    // Same dense ranking as an exact in-process index over the edited corpus.
    const exact = await buildOrLoadIndex({
      corpusPath: corpus,
      dir: join(scratch, 'exact-index'),
      chunking: { size: 50, overlap: 10, unit: 'tokens' },
      embedder: base,
      store: { kind: 'exact' },
    });
    for (const query of ['audit logs export', 'refund to the original payment method']) {
      const a = await createRetriever({ index: third.index, mode: 'dense' }).retrieve(query);
      const b = await createRetriever({ index: exact.index, mode: 'dense' }).retrieve(query);
      expect(a.map((r) => r.chunk.id)).toEqual(b.map((r) => r.chunk.id));
    }
  });

  it('matches the built-in store on the sample: nDCG@10 and recall@5 within 0.005 (dense and hybrid)', async () => {
    const { config, root } = await loadConfig('eval/evalgate.yaml', {});
    const rag = config.rag!;
    const factory = localEmbedderFactory(rag.embedder, {
      dimension: rag.embedding_dimension,
      configFile: 'x',
    })!;
    const pg = await buildPgvectorIndex({
      corpusPath: path.resolve(root, rag.corpus),
      chunking: rag.chunking,
      embedder: factory,
      client,
      databaseUrl: 'pglite://memory',
      tablePrefix: 'sample_',
      efSearch: 100,
    });
    const builtIn = await buildOrLoadIndex({
      corpusPath: path.resolve(root, rag.corpus),
      chunking: rag.chunking,
      embedder: factory,
      dir: join(scratch, 'sample-index'),
    });
    const suite = config.suites.find((s) => s.name === 'retrieval')!;
    const cases = await loadCases({
      file: path.resolve(root, suite.cases),
      displayPath: suite.cases,
      task: 'retrieval',
    });
    const mean = async (index: RagIndex, mode: 'dense' | 'hybrid') => {
      const retriever = createRetriever({ index, mode, k: 10 });
      let ndcg = 0;
      let recall = 0;
      for (const c of cases) {
        if (c.task !== 'retrieval') continue;
        const docs: string[] = [];
        for (const r of await retriever.retrieve(caseInput(c)))
          if (!docs.includes(r.chunk.docId)) docs.push(r.chunk.docId);
        const s = retrievalScores({ rankedDocIds: docs, relevantDocs: c.relevantDocs, k: 5 });
        ndcg += s.find((x) => x.name === 'retrieval.ndcg@10')!.value!;
        recall += s.find((x) => x.name === 'retrieval.recall@5')!.value!;
      }
      return { ndcg: ndcg / cases.length, recall: recall / cases.length };
    };
    for (const mode of ['dense', 'hybrid'] as const) {
      const a = await mean(pg.index, mode);
      const b = await mean(builtIn.index, mode);
      expect(Math.abs(a.ndcg - b.ndcg)).toBeLessThanOrEqual(0.005);
      expect(Math.abs(a.recall - b.recall)).toBeLessThanOrEqual(0.005);
    }
  });

  it('an eval with DATABASE_URL writes neither the URL nor its parts anywhere, and reports ANN recall', async () => {
    const root = await createFixtureProject({});
    const canary = `canary-${process.pid}-dbdir`;
    const dbDir = join(scratch, canary);
    const configPath = join(root, 'eval/evalgate.yaml');
    writeFileSync(
      configPath,
      readFileSync(configPath, 'utf8').replace(
        'retrieve: { k: 3 }',
        'retrieve: { k: 3, mode: hybrid }\n  vector_store: pgvector\n  database_url: ${DATABASE_URL}',
      ),
    );
    const notes: string[] = [];
    const { record, runDir } = await evaluate({
      configPath,
      env: { DATABASE_URL: `pglite://${dbDir}` },
      onNote: (line) => notes.push(line),
      useCache: false,
    });
    expect(record.manifest.retrieval?.vectorStore).toBe('pgvector');
    const ann = record.manifest.retrieval?.annRecall;
    expect(ann?.store).toBe('pgvector');
    expect(ann?.shortResults).toBe(0);
    // Which searches are sampled is fixed by a hash of the query vector (rate 0.25): on this
    // fixture some are, so the recall line is always checked here (and at rate 1 in the test below).
    expect(ann?.sampledSearches).toBeGreaterThan(0);
    expect(ann?.recallAtK).toBeGreaterThanOrEqual(0.9);
    expect(notes.some((n) => /pgvector 0\.\d+\.\d+ \(pglite\)/.test(n))).toBe(true);
    for (const line of notes) expect(line).not.toContain(canary);
    const written: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (full === dbDir) continue;
        if (entry.isDirectory()) walk(full);
        else written.push(full);
      }
    };
    walk(root);
    walk(runDir);
    expect(written.length).toBeGreaterThan(3);
    for (const file of written) expect(readFileSync(file, 'utf8').includes(canary), file).toBe(false);
  });

  it('measures ANN recall on every dense search at annRecallSampleRate 1 (no sampling luck)', async () => {
    const root = await createFixtureProject({});
    const { config, file } = await loadConfig(join(root, 'eval/evalgate.yaml'), {});
    const rag = {
      ...config.rag!,
      vector_store: 'pgvector' as const,
      database_url: `pglite://${join(scratch, 'ann-rate-1')}`,
    };
    const runtime = await createRagRuntime({
      rag,
      root,
      env: {},
      configFile: file,
      mode: 'dense',
      annRecallSampleRate: 1,
    });
    const queries = [
      'refund to the original payment method',
      'reset two-factor authentication',
      'export my data',
    ];
    for (const q of queries) await runtime.retrieve(q);
    const ann = (runtime.describe as { annRecall?: { sampledSearches: number; recallAtK: number | null } })
      .annRecall;
    expect(ann?.sampledSearches).toBe(queries.length);
    expect(ann?.recallAtK).toBeGreaterThanOrEqual(0.9);
    await runtime.close();
  });
});
