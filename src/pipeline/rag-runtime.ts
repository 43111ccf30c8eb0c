// Builds (or reuses) the retrieval index from the config and exposes what a case needs:
// retrieve a query (memoised, so several providers and repeats share one retrieval), assemble
// the context within the token budget, the reranker's tokens for a query, and the embedder
// for semantic scorers.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RagConfig } from '../config/schema.js';
import { InputError } from '../core/errors.js';
import { assembleContext } from '../rag/context-assembler.js';
import type { Embedder } from '../rag/embedder.js';
import type { EmbedderFactory } from '../rag/embedder-factory.js';
import { localEmbedderFactory } from '../rag/embedders/local-embedders.js';
import { createOpenAIEmbedder } from '../rag/embedders/openai-embedder.js';
import { withEmbeddingCache } from '../rag/embedders/with-embedding-cache.js';
import { createResponseCache } from '../providers/response-cache.js';
import type { IndexProgress } from '../rag/rag-index.js';
import type { HnswlibLoader } from '../rag/vector-stores/hnswlib-loader.js';
import type { ModuleLoader } from '../pgvector/open-sql-client.js';
import { meterAnnRecall } from './meter-ann-recall.js';
import { builtInIndexOptions, openRetrievalIndex } from './open-retrieval-index.js';
import { indexStatus } from '../rag/build-or-load-index.js';
import { createLlmReranker } from '../rag/llm-reranker.js';
import { createRetriever } from '../rag/retriever.js';
import { defaultRetrievalMode } from '../rag/default-retrieval-mode.js';
import type { GenerateRequest, LanguageModel } from '../providers/language-model.js';
import { getTokenizer } from '../rag/tokenizer.js';
import type { AssembledContext, RetrievedChunk } from '../rag/types.js';
import type { RunManifest } from '../run/types.js';
import type { ModuleClosers } from '../providers/module/module-closers.js';
import { ragSettingNotes } from './rag-setting-notes.js';

const RANKING_DEPTH = 10;

/** Tokens a reranker spent on one query (summed over its calls). */
export interface RerankUsage {
  inputTokens: number;
  outputTokens: number;
  /** True when any call's usage was a tokenizer estimate (the provider reported none). */
  estimated: boolean;
  /** The reranker failed (error or unusable reply) and the first-stage order was kept. */
  fellBack?: boolean;
}

export interface RagRuntime {
  retrieve(query: string): Promise<RetrievedChunk[]>;
  /**
   * What reranking `query` cost in tokens, once its retrieve has settled; undefined without a
   * reranker. Every case that asks this query carries it: each would pay it in production,
   * even though the eval shares one retrieval between providers and repeats.
   */
  rerankUsage(query: string): RerankUsage | undefined;
  assemble(retrieved: RetrievedChunk[]): AssembledContext;
  embedder: Embedder;
  /** null when a module retriever replaces the built-in index (no corpus is read). */
  corpusHash: string | null;
  /** The index key: a hash of the corpus content, the chunking and the embedder (not the built bytes). */
  indexKey: string;
  chunkCount: number;
  describe: NonNullable<RunManifest['retrieval']>;
  /** Releases the database session of a pgvector index (a no-op otherwise). */
  close(): Promise<void>;
  /** Whether the vector store returned a short candidate list for this query (once retrieved). */
  shortVectorList(query: string): boolean;
}

export interface CreateRagRuntimeOptions {
  rag: RagConfig;
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  configFile: string;
  /** Override the retrieval mode (used by the hybrid-vs-single-mode comparison). */
  mode?: RagConfig['retrieve']['mode'];
  /** Where API embeddings are cached (the response cache); unset = no embedding cache. */
  cacheDir?: string;
  /** Reranks first-stage candidates (rag.retrieve.rerank). */
  rerankModel?: LanguageModel | null;
  onNote?: (line: string) => void;
  onProgress?: (event: IndexProgress) => void;
  /** Where a `rag.retriever` module's `close` export is registered (see module-closers.ts). */
  moduleClosers?: ModuleClosers;
  /** How hnswlib-node is loaded (tests simulate a machine without it). */
  loadHnswlib?: HnswlibLoader;
  /** How optional database drivers are imported (tests simulate missing ones). */
  loadModule?: ModuleLoader;
  /** Share of dense searches repeated exactly to measure the store's ANN recall (default 0.25). */
  annRecallSampleRate?: number;
  /**
   * Share one retrieval per query (default true: providers and repeats of a case ask the same
   * query). A server answering an open stream of queries turns it off, so memory stays flat.
   */
  memoize?: boolean;
}

export async function createRagRuntime(options: CreateRagRuntimeOptions): Promise<RagRuntime> {
  const { rag, root } = options;
  for (const note of ragSettingNotes(rag)) options.onNote?.(note);
  if (rag.retriever) {
    const { createModuleRetrieverRuntime } = await import('./module-retriever-runtime.js');
    return createModuleRetrieverRuntime({ ...options, rag: { ...rag, retriever: rag.retriever } });
  }
  const opened = await openRetrievalIndex({
    rag,
    root,
    configFile: options.configFile,
    embedder: embedderFor(options),
    onProgress: options.onProgress,
    ...(options.loadHnswlib ? { loadHnswlib: options.loadHnswlib } : {}),
    ...(options.loadModule ? { loadModule: options.loadModule } : {}),
  });
  const { index } = opened;
  for (const note of opened.notes) options.onNote?.(note);
  options.onNote?.(
    `${opened.reused ? 'reused' : 'built'} retrieval index: ${index.chunks.length} chunks from ${rag.corpus}`,
  );
  // The store's own recall against exact search, on a sample of the run's dense searches.
  const queryContext = new AsyncLocalStorage<string>();
  const metered = meterAnnRecall(
    index.vectors,
    rag.retrieve.k,
    () => queryContext.getStore(),
    options.annRecallSampleRate,
  );
  const mode = options.mode ?? rag.retrieve.mode ?? defaultRetrievalMode(rag.embedder);
  const reported = new Set<string>();
  const noteOnce = (reason: string): void => {
    const key = reason.slice(0, 60);
    if (!reported.has(key)) options.onNote?.(reason);
    reported.add(key);
  };
  // The reranker is called deep inside the retriever; an async-local meter set around each
  // query's retrieval tells its calls which query they are spending tokens for.
  const rerankMeter = new AsyncLocalStorage<RerankUsage>();
  const usageByQuery = new Map<string, RerankUsage>();
  const rerankModel = options.rerankModel ? meteredModel(options.rerankModel, rerankMeter) : undefined;
  const rerank = rerankModel
    ? createLlmReranker({
        model: rerankModel,
        onInvalid: (reason) => {
          // Inside the query's meter: the cases that ask this query record the fallback.
          const usage = rerankMeter.getStore();
          if (usage) usage.fellBack = true;
          noteOnce(reason);
        },
      })
    : undefined;
  const retriever = createRetriever({
    index: metered ? { ...index, vectors: metered.store } : index,
    mode,
    k: rag.retrieve.k,
    rrfK: rag.retrieve.rrf_k,
    lexicalWeight: rag.retrieve.lexical_weight,
    mmr: rag.retrieve.mmr_lambda === undefined ? undefined : { lambda: rag.retrieve.mmr_lambda },
    rerank,
  });
  // Ranking metrics look 10 deep (nDCG@10) even when fewer chunks go into the context.
  const depth = Math.max(rag.retrieve.k, RANKING_DEPTH);
  const memo = new Map<string, Promise<RetrievedChunk[]>>();
  const tokenizer = getTokenizer();
  const runtime: RagRuntime = {
    retrieve: (query) => {
      let pending = memo.get(query);
      if (!pending || options.memoize === false) {
        if (rerankModel) {
          const usage: RerankUsage = { inputTokens: 0, outputTokens: 0, estimated: false };
          usageByQuery.set(query, usage);
          pending = queryContext.run(query, () =>
            rerankMeter.run(usage, () => retriever.retrieve(query, { k: depth })),
          );
        } else {
          pending = queryContext.run(query, () => retriever.retrieve(query, { k: depth }));
        }
        if (options.memoize !== false) memo.set(query, pending);
      }
      return pending;
    },
    rerankUsage: (query) => usageByQuery.get(query),
    assemble: (retrieved) =>
      assembleContext({
        retrieved: retrieved.slice(0, rag.retrieve.k),
        budgetTokens: rag.context_budget_tokens,
        countTokens: (t) => tokenizer.count(t),
      }),
    embedder: index.embedder,
    corpusHash: index.corpusHash,
    indexKey: opened.key,
    chunkCount: index.chunks.length,
    describe: {
      embedder: index.embedder.id,
      mode: rerank ? `${mode} + rerank (${options.rerankModel!.id})` : mode,
      k: rag.retrieve.k,
      chunking: `${rag.chunking.size} ${rag.chunking.unit}, overlap ${rag.chunking.overlap}`,
      vectorStore: index.vectors.kind,
      ...(index.storeFallback ? { vectorStoreFallback: index.storeFallback } : {}),
      contextBudgetTokens: rag.context_budget_tokens,
      indexReused: opened.reused,
    },
    close: async () => {
      await opened.close?.();
    },
    shortVectorList: (query) => metered?.isShort(query) ?? false,
  };
  // A getter, read when the run record is written, after every search of the run.
  if (metered)
    Object.defineProperty(runtime.describe, 'annRecall', { enumerable: true, get: () => metered.report() });
  return runtime;
}

/** The index key the config's retrieval settings give today (reads and hashes the corpus, builds nothing). */
export async function ragIndexKey(
  options: Omit<CreateRagRuntimeOptions, 'mode' | 'rerankModel' | 'onNote' | 'onProgress' | 'memoize'>,
): Promise<{ key: string; corpusHash: string }> {
  const status = await indexStatus(builtInIndexOptions({ ...options, embedder: embedderFor(options) }));
  return { key: status.key, corpusHash: status.inputs.corpusHash };
}

function meteredModel(model: LanguageModel, meter: AsyncLocalStorage<RerankUsage>): LanguageModel {
  return {
    ...model,
    generate: async (request: GenerateRequest) => {
      const result = await model.generate(request);
      const usage = meter.getStore();
      if (usage && result.usage) {
        usage.inputTokens += result.usage.inputTokens;
        usage.outputTokens += result.usage.outputTokens;
        usage.estimated ||= result.usage.estimated;
      }
      return result;
    },
  };
}

function embedderFor(
  options: Pick<CreateRagRuntimeOptions, 'rag' | 'env' | 'configFile' | 'cacheDir'>,
): Embedder | EmbedderFactory {
  const { rag, env } = options;
  const local = localEmbedderFactory(rag.embedder, {
    dimension: rag.embedding_dimension,
    lsaMaxTerms: rag.lsa_max_terms,
    configFile: options.configFile,
  });
  if (local) return local;
  const [family, ...rest] = rag.embedder.split('/');
  if (family === 'openai') {
    const key = env.OPENAI_API_KEY;
    if (!key && !rag.embedder_base_url) {
      throw new InputError({
        code: 'EMBEDDER_KEY_MISSING',
        file: options.configFile,
        field: 'rag.embedder',
        message: `${rag.embedder} needs OPENAI_API_KEY (or rag.embedder_base_url for a compatible server)`,
      });
    }
    let embedder: Embedder;
    try {
      embedder = createOpenAIEmbedder({
        model: rest.join('/'),
        apiKey: key || 'no-key-required',
        baseURL: rag.embedder_base_url,
        batchSize: 256,
        dimensions: rag.embedding_dimension,
      });
    } catch (error) {
      // e.g. an OpenAI-compatible model whose output size evalgate cannot know.
      throw new InputError({
        code: 'EMBEDDER_INVALID',
        file: options.configFile,
        field: 'rag.embedding_dimension',
        message: `${error instanceof InputError ? error.detail : (error as Error).message.split('\n')[0]} (set rag.embedding_dimension)`,
      });
    }
    return options.cacheDir
      ? withEmbeddingCache(embedder, createResponseCache({ dir: options.cacheDir }), {
          namespace: rag.embedder_base_url,
        })
      : embedder;
  }
  throw new InputError({
    code: 'EMBEDDER_UNKNOWN',
    file: options.configFile,
    field: 'rag.embedder',
    message: `unknown embedder "${rag.embedder}" (available: local/hash, local/lsa, openai/<model>)`,
  });
}
