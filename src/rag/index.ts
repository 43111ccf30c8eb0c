// The RAG module: corpus loading, chunking, embedders, vector stores, BM25, retrieval, context
// assembly and the persisted index.
export type { AssembledContext, Chunk, CorpusDocument, RetrievedChunk, Retriever } from './types.js';
export type { Embedder } from './embedder.js';
export type { EmbedderFactory } from './embedder-factory.js';
export { toEmbedderFactory } from './embedder-factory.js';
export type { InProcessVectorStore, VectorHit, VectorStore } from './vector-store.js';

export { loadCorpus, corpusHash } from './corpus-loader.js';
export type { LoadedCorpus } from './corpus-loader.js';
export { chunkDocument, validateChunking } from './chunker.js';
export type { ChunkDocumentOptions, ChunkingOptions } from './chunker.js';
export { getTokenizer } from './tokenizer.js';
export type { Tokenizer } from './tokenizer.js';

export {
  createHashEmbedder,
  createHashEmbedderFactory,
  decodeHashEmbedderIdf,
  encodeHashEmbedderIdf,
  fitHashEmbedderIdf,
} from './embedders/hash-embedder.js';
export type {
  HashEmbedderFactoryOptions,
  HashEmbedderIdf,
  HashEmbedderOptions,
} from './embedders/hash-embedder.js';
export {
  DEFAULT_LSA_RANK,
  createLsaEmbedder,
  createLsaEmbedderFactory,
  decodeLsaEmbedderState,
  encodeLsaEmbedderState,
  fitLsaEmbedderState,
} from './embedders/lsa-embedder.js';
export type { LsaEmbedderFactoryOptions, LsaEmbedderState } from './embedders/lsa-embedder.js';
export { fitLsaModel } from './embedders/lsa-model.js';
export type { LsaModel } from './embedders/lsa-model.js';
export { truncatedSvd } from './embedders/truncated-svd.js';
export type { SparseRows, TruncatedSvd, TruncatedSvdOptions } from './embedders/truncated-svd.js';
export { LOCAL_EMBEDDERS, isLocalEmbedderId, localEmbedderFactory } from './embedders/local-embedders.js';
export type { LocalEmbedderId } from './embedders/local-embedders.js';

export { createExactStore, loadExactStore } from './vector-stores/exact-store.js';
export type { ExactStoreOptions } from './vector-stores/exact-store.js';
export { DEFAULT_EF_SEARCH, createHnswStore, loadHnswStore } from './vector-stores/hnsw-store.js';
export type { HnswParams, HnswStoreOptions } from './vector-stores/hnsw-store.js';
export { buildHnswStore, hnswShardCount } from './vector-stores/build-hnsw-store.js';
export type { BuildHnswStoreOptions } from './vector-stores/build-hnsw-store.js';

export { bm25FromJSON, createBm25Index, restoreBm25Index } from './bm25.js';
export type { Bm25Document, Bm25Hit, Bm25Index, Bm25Json, Bm25Options, Bm25State } from './bm25.js';

export { reciprocalRankFusion } from './rrf.js';
export { maximalMarginalRelevance } from './mmr.js';
export type { MmrOptions } from './mmr.js';
export type { Scored } from './top-k.js';
export { createRetriever } from './retriever.js';
export type { RetrievalMode, RetrieverOptions } from './retriever.js';
export { assembleContext, formatChunkBlock } from './context-assembler.js';
export type { AssembleContextOptions } from './context-assembler.js';

export { EXACT_STORE_MAX_CHUNKS, buildRagIndex, embeddingText, resolveStoreKind } from './rag-index.js';
export type {
  BuildRagIndexOptions,
  IndexPhase,
  IndexProgress,
  RagIndex,
  StoreKind,
  VectorStoreOptions,
} from './rag-index.js';
export { INDEX_FORMAT_VERSION, loadRagIndex, readManifest, saveRagIndex } from './index-store.js';
export type { IndexInputs, IndexManifest, LoadRagIndexOptions } from './index-store.js';
export { DEFAULT_INDEX_DIR, buildOrLoadIndex, indexStatus } from './build-or-load-index.js';
export type { BuildOrLoadIndexOptions, BuiltOrLoadedIndex, IndexStatus } from './build-or-load-index.js';

export { fromLangChainRetriever, fromLangChainVectorStore } from './langchain-adapter.js';
export type {
  LangChainAdapterOptions,
  LangChainDocumentLike,
  LangChainRetrieverLike,
  LangChainVectorStoreLike,
} from './langchain-adapter.js';
