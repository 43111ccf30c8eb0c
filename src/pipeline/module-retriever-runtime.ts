// The RagRuntime for `rag.retriever: module/<path>#<export>`: the user's retriever stands in for
// the built-in index (no corpus is read or indexed); retrieval is memoised per query as the
// built-in runtime does, and the context is assembled within the same token budget.
import type { RagConfig } from '../config/schema.js';
import { ProviderError } from '../core/errors.js';
import { loadModuleExport } from '../providers/module/load-module-export.js';
import type { ModuleClosers } from '../providers/module/module-closers.js';
import { assembleContext } from '../rag/context-assembler.js';
import { createHashEmbedder } from '../rag/embedders/hash-embedder.js';
import { isRetrieverExport, retrieverFromExport } from '../rag/module-retriever.js';
import { getTokenizer } from '../rag/tokenizer.js';
import type { RetrievedChunk } from '../rag/types.js';
import type { RagRuntime } from './rag-runtime.js';

const RANKING_DEPTH = 10;

export async function createModuleRetrieverRuntime(options: {
  rag: RagConfig & { retriever: string };
  root: string;
  configFile: string;
  onNote?: (line: string) => void;
  moduleClosers?: ModuleClosers;
}): Promise<RagRuntime> {
  const { rag } = options;
  const target = await loadModuleExport({
    ref: rag.retriever,
    root: options.root,
    configFile: options.configFile,
    field: 'rag.retriever',
    accepts: isRetrieverExport,
    expected: 'a function, a LangChain retriever (invoke) or a vector store (similaritySearchWithScore)',
    closers: options.moduleClosers,
  });
  const tokenizer = getTokenizer();
  const retriever = retrieverFromExport(target, {
    docIdField: rag.doc_id_field,
    countTokens: (t) => tokenizer.count(t),
  });
  options.onNote?.(`retrieving with ${rag.retriever} (the built-in index is not used)`);
  const depth = Math.max(rag.retrieve.k, RANKING_DEPTH);
  const memo = new Map<string, Promise<RetrievedChunk[]>>();
  return {
    retrieve: (query) => {
      let pending = memo.get(query);
      if (!pending) {
        pending = withDeadline(
          retriever.retrieve(query, { k: depth }),
          rag.retriever_timeout_ms,
          rag.retriever,
        );
        memo.set(query, pending);
      }
      return pending;
    },
    rerankUsage: () => undefined,
    close: async () => {},
    shortVectorList: () => false,
    assemble: (retrieved) =>
      assembleContext({
        retrieved: retrieved.slice(0, rag.retrieve.k),
        budgetTokens: rag.context_budget_tokens,
        countTokens: (t) => tokenizer.count(t),
      }),
    // Semantic scorers embed question, answer and references only: the offline hash embedder serves.
    embedder: createHashEmbedder({ dimension: 256 }),
    corpusHash: null,
    // The app's retriever is the index: its module reference stands in for the key.
    indexKey: `module:${rag.retriever}`,
    chunkCount: 0,
    describe: {
      embedder: 'by the retriever',
      mode: `module retriever (${rag.retriever})`,
      k: rag.retrieve.k,
      chunking: 'by the retriever',
      vectorStore: 'by the retriever',
      contextBudgetTokens: rag.context_budget_tokens,
      indexReused: false,
    },
  };
}

/** Rejects when `work` has not settled within `ms`; the case then records a retrieval error. */
function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ProviderError({
            code: 'PROVIDER_TIMEOUT',
            provider: what,
            message: `${what} did not return within ${ms} ms (rag.retriever_timeout_ms)`,
            isRetryable: false,
          }),
        ),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
