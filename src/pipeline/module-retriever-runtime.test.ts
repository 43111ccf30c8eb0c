import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.js';
import { createModuleRetrieverRuntime } from './module-retriever-runtime.js';

describe('a rag.retriever module', () => {
  it('that never answers fails the query after rag.retriever_timeout_ms instead of hanging the run', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'evalgate-retriever-'));
    await writeFile(path.join(root, 'stuck.mjs'), 'export const retriever = () => new Promise(() => {});\n');
    const config = ConfigSchema.parse({
      name: 't',
      providers: ['local/extractive'],
      suites: [{ name: 'r', task: 'retrieval', cases: 'r.jsonl' }],
      rag: { retriever: 'module/stuck.mjs#retriever', retriever_timeout_ms: 50 },
    });
    const runtime = await createModuleRetrieverRuntime({
      rag: { ...config.rag!, retriever: config.rag!.retriever! },
      root,
      configFile: 'eval/evalgate.yaml',
    });
    const started = Date.now();
    await expect(runtime.retrieve('anything')).rejects.toThrow(/did not return within 50 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
