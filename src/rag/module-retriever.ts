// Adapts the export named by `rag.retriever: module/<path>#<export>` to evalgate's Retriever, so
// the user's own retrieval replaces the built-in index for retrieval and rag-qa suites. Accepted:
// a LangChain vector store (`similaritySearchWithScore`), a LangChain retriever (`invoke`), or a
// function `(query, {k, signal}) → [{id, text, score?}]` (LangChain documents or
// `[document, score]` pairs work too). Document ids come from a configurable metadata field.
import { docIdOfChunk } from './chunk-id.js';
import {
  fromLangChainRetriever,
  fromLangChainVectorStore,
  type LangChainDocumentLike,
  type LangChainRetrieverLike,
  type LangChainVectorStoreLike,
} from './langchain-adapter.js';
import type { RetrievedChunk, Retriever } from './types.js';

export type RetrieverFunction = (query: string, options: { k: number }) => unknown;

export interface ModuleRetrieverOptions {
  /** Metadata field holding a document's id (default: docId, id, source). */
  docIdField?: string;
  countTokens: (text: string) => number;
}

export function isRetrieverExport(value: unknown): boolean {
  const v = value as Record<string, unknown> | null;
  return (
    typeof value === 'function' ||
    (typeof v === 'object' &&
      v !== null &&
      (typeof v.similaritySearchWithScore === 'function' || typeof v.invoke === 'function'))
  );
}

export function retrieverFromExport(target: unknown, options: ModuleRetrieverOptions): Retriever {
  const docIdOf = (doc: LangChainDocumentLike): string => {
    const fields = options.docIdField ? [options.docIdField] : ['docId', 'id', 'source'];
    for (const field of fields) {
      const value = doc.metadata?.[field];
      if (typeof value === 'string' && value) return value;
      if (typeof value === 'number') return String(value);
    }
    if (doc.id) return doc.id;
    throw new TypeError(
      `a retrieved document has no id in metadata.${fields.join(', metadata.')} (set rag.doc_id_field)`,
    );
  };
  const adapter = { docIdOf, countTokens: options.countTokens };
  const t = target as Partial<LangChainVectorStoreLike & LangChainRetrieverLike>;
  if (typeof target !== 'function' && typeof t.similaritySearchWithScore === 'function')
    return fromLangChainVectorStore(target as LangChainVectorStoreLike, adapter);
  if (typeof target !== 'function') return fromLangChainRetriever(target as LangChainRetrieverLike, adapter);
  const fn = target as RetrieverFunction;
  return {
    async retrieve(query, callOptions) {
      const k = callOptions?.k ?? 5;
      const items = await fn(query, { k });
      if (!Array.isArray(items)) throw new TypeError('the retriever function must return a list');
      return toChunks(items.slice(0, k), docIdOf, options.countTokens, options.docIdField);
    },
  };
}

function toChunks(
  items: unknown[],
  docIdOf: (doc: LangChainDocumentLike) => string,
  countTokens: (text: string) => number,
  docIdField?: string,
): RetrievedChunk[] {
  const perDoc = new Map<string, number>();
  return items.map((item, i) => {
    const [raw, pairScore] = Array.isArray(item) ? item : [item, undefined];
    const r = (raw ?? {}) as Record<string, unknown>;
    const text = r.text ?? r.pageContent;
    if (typeof text !== 'string') throw new TypeError(`retrieved item ${i} has no text (or pageContent)`);
    // With a configured doc-id field the metadata decides, not the item's own id (a store UUID).
    const metadata = r.metadata as Record<string, unknown> | undefined;
    const configured = docIdField !== undefined && metadata?.[docIdField] !== undefined;
    const explicit =
      !configured && (typeof r.id === 'string' || typeof r.id === 'number') ? String(r.id) : undefined;
    const docId = explicit
      ? docIdOfChunk(explicit)
      : docIdOf({ pageContent: text, metadata: r.metadata as Record<string, unknown> | undefined });
    // `<doc>#<n>` keeps its chunk number; a bare document id gets the next one for that document.
    const index = explicit?.includes('#')
      ? Number(explicit.slice(explicit.lastIndexOf('#') + 1))
      : (perDoc.get(docId) ?? 0);
    perDoc.set(docId, (Number.isFinite(index) ? index : 0) + 1);
    const id = explicit?.includes('#') ? explicit : `${docId}#${index}`;
    const score =
      typeof pairScore === 'number' ? pairScore : typeof r.score === 'number' ? r.score : 1 / (i + 1);
    return {
      chunk: {
        id,
        docId,
        index: Number.isFinite(index) ? index : 0,
        text,
        start: 0,
        end: text.length,
        headingPath: [],
        tokenCount: countTokens(text),
      },
      score,
      rank: i + 1,
    };
  });
}
