// Evaluates an existing LangChain retriever or vector store with evalgate's retrieval metrics.
// The LangChain shapes are described structurally (no import, not even of types), so
// @langchain/core stays an optional peer: any object with `invoke` or
// `similaritySearchWithScore` fits, whatever its @langchain/core version.
import { chunkIdOf } from './chunk-id.js';
import { getTokenizer } from './tokenizer.js';
import type { Chunk, RetrievedChunk, Retriever } from './types.js';

/** The parts of a LangChain `Document` we read. */
export interface LangChainDocumentLike {
  pageContent: string;
  metadata?: Record<string, unknown>;
  id?: string;
}

export interface LangChainRetrieverLike {
  invoke(query: string): Promise<LangChainDocumentLike[]>;
}

export interface LangChainVectorStoreLike {
  similaritySearchWithScore(query: string, k?: number): Promise<[LangChainDocumentLike, number][]>;
}

export interface LangChainAdapterOptions {
  /** Maps a LangChain document to a corpus doc id; default metadata.docId, .id, .source, then doc.id. */
  docIdOf?: (doc: LangChainDocumentLike) => string;
  countTokens?: (text: string) => number;
}

export function fromLangChainRetriever(
  retriever: LangChainRetrieverLike,
  options: LangChainAdapterOptions = {},
): Retriever {
  return {
    async retrieve(query, callOptions) {
      const docs = await retriever.invoke(query);
      const limited = callOptions?.k === undefined ? docs : docs.slice(0, callOptions.k);
      // LangChain retrievers return no scores; a reciprocal rank keeps "higher is better".
      return toRetrieved(
        limited.map((doc, i) => [doc, scoreFromMetadata(doc) ?? 1 / (i + 1)]),
        options,
      );
    },
  };
}

export function fromLangChainVectorStore(
  store: LangChainVectorStoreLike,
  options: LangChainAdapterOptions & { k?: number; scoreKind?: ScoreKind } = {},
): Retriever {
  // Learned once per store from the first answer that shows it (several results, not all tied),
  // so a single result or a tie later on is read the same way: a store does not switch scales.
  let kind = options.scoreKind;
  return {
    async retrieve(query, callOptions) {
      const k = callOptions?.k ?? options.k ?? 5;
      const results = await store.similaritySearchWithScore(query, k);
      kind ??= scoreKindOf(results);
      return toRetrieved(asSimilarities(results, kind), options);
    },
  };
}

/** What a store's `similaritySearchWithScore` numbers are. */
export type ScoreKind = 'similarity' | 'distance';

/**
 * LangChain stores disagree on what `similaritySearchWithScore` returns: some a similarity
 * (higher is better), others a distance (PGVectorStore with cosine or euclidean, HNSWLib,
 * Chroma). A list the store ranked with rising scores is distances, a falling one similarities;
 * one result, all tied or unordered says nothing (undefined).
 */
export function scoreKindOf(results: readonly [LangChainDocumentLike, number][]): ScoreKind | undefined {
  const scores = results.map(([, score]) => score);
  if (scores.length < 2 || scores[0] === scores.at(-1)) return undefined;
  const rising = scores.every((score, i) => i === 0 || score >= scores[i - 1]);
  const falling = scores.every((score, i) => i === 0 || score <= scores[i - 1]);
  return rising ? 'distance' : falling ? 'similarity' : undefined;
}

/**
 * evalgate's scores are "higher is better" (MMR and serving's confidence read them): distances
 * are mapped to 1 / (1 + d), which keeps the store's order and lies in (0, 1] for non-negative
 * distances. `kind` defaults to what this list itself shows.
 */
export function asSimilarities(
  results: [LangChainDocumentLike, number][],
  kind: ScoreKind | undefined = scoreKindOf(results),
): [LangChainDocumentLike, number][] {
  if (kind !== 'distance') return results;
  // A negative "distance" (a negated inner product) has no (0, 1] form; negating keeps the order.
  const toScore = results.every(([, d]) => d >= 0) ? (d: number) => 1 / (1 + d) : (d: number) => -d;
  return results.map(([doc, distance]) => [doc, toScore(distance)]);
}

function toRetrieved(
  results: [LangChainDocumentLike, number][],
  options: LangChainAdapterOptions,
): RetrievedChunk[] {
  const docIdOf = options.docIdOf ?? defaultDocId;
  const countTokens = options.countTokens ?? ((text: string) => getTokenizer().count(text));
  const perDoc = new Map<string, number>();
  return results.map(([doc, score], i) => {
    const docId = docIdOf(doc);
    const chunkIndex =
      numberField(doc.metadata, 'chunkIndex') ?? numberField(doc.metadata, 'chunk') ?? perDoc.get(docId) ?? 0;
    perDoc.set(docId, chunkIndex + 1);
    const chunk: Chunk = {
      id: chunkIdOf(docId, chunkIndex),
      docId,
      index: chunkIndex,
      text: doc.pageContent,
      // Offsets into the source document are unknown; the chunk is its own text.
      start: 0,
      end: doc.pageContent.length,
      headingPath: [],
      tokenCount: countTokens(doc.pageContent),
      ...(typeof doc.metadata?.title === 'string' ? { title: doc.metadata.title } : {}),
    };
    return { chunk, score, rank: i + 1 };
  });
}

function defaultDocId(doc: LangChainDocumentLike): string {
  for (const field of ['docId', 'id', 'source']) {
    const value = doc.metadata?.[field];
    if (typeof value === 'string' && value) return value;
    if (typeof value === 'number') return String(value);
  }
  return doc.id ?? 'unknown';
}

function scoreFromMetadata(doc: LangChainDocumentLike): number | undefined {
  return numberField(doc.metadata, 'score');
}

function numberField(metadata: Record<string, unknown> | undefined, field: string): number | undefined {
  const value = metadata?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
