// The default retrieval mode, and the held-out evidence it rests on: with the offline embedders,
// BM25 alone is not beaten by more than 0.005 nDCG@10 by any other mode on bench/heldout-water.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseInput, loadCases } from '../cases/index.js';
import { loadConfig } from '../config/load-config.js';
import { createRagRuntime } from '../pipeline/rag-runtime.js';
import { retrievalScores } from '../scorers/retrieval/retrieval-scores.js';
import { defaultRetrievalMode } from './default-retrieval-mode.js';

const scratch = mkdtempSync(join(tmpdir(), 'evalgate-defaults-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('defaultRetrievalMode', () => {
  it('is bm25 for the offline lexical embedders and hybrid for semantic ones', () => {
    expect(defaultRetrievalMode('local/hash')).toBe('bm25');
    expect(defaultRetrievalMode('local/lsa')).toBe('bm25');
    expect(defaultRetrievalMode('openai/text-embedding-3-small')).toBe('hybrid');
  });

  it('holds on the held-out corpus: no offline mode beats BM25 by more than 0.005 nDCG@10', async () => {
    const configPath = new URL('../../bench/heldout-water/eval/evalgate.yaml', import.meta.url).pathname;
    const { config, root, file } = await loadConfig(configPath, {});
    const suite = config.suites[0];
    const cases = await loadCases({
      file: join(root, suite.cases),
      displayPath: suite.cases,
      task: suite.task,
    });
    const ndcg = async (embedder: string, mode?: 'dense' | 'hybrid' | 'bm25'): Promise<number> => {
      const rag = { ...config.rag!, embedder, index_dir: join(scratch, 'index') };
      const runtime = await createRagRuntime({
        rag,
        root,
        env: {},
        configFile: file,
        ...(mode ? { mode } : {}),
      });
      expect(runtime.describe.mode).toBe(mode ?? 'bm25');
      let sum = 0;
      for (const evalCase of cases) {
        if (evalCase.task !== 'retrieval') throw new Error('expected retrieval cases');
        const docs: string[] = [];
        for (const r of await runtime.retrieve(caseInput(evalCase)))
          if (!docs.includes(r.chunk.docId)) docs.push(r.chunk.docId);
        const scores = retrievalScores({ rankedDocIds: docs, relevantDocs: evalCase.relevantDocs, k: 5 });
        sum += scores.find((s) => s.name === 'retrieval.ndcg@10')!.value!;
      }
      return sum / cases.length;
    };
    const defaultMode = await ndcg('local/hash');
    for (const embedder of ['local/hash', 'local/lsa'])
      for (const mode of ['dense', 'hybrid'] as const)
        expect(await ndcg(embedder, mode)).toBeLessThanOrEqual(defaultMode + 0.005);
  });
});
