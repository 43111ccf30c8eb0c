// Data shapes shared across the RAG pipeline. Plain data, so an index can be saved and loaded.

export interface CorpusDocument {
  /** Path relative to the corpus root for files (`billing/refunds.md`), or the jsonl `id`. */
  id: string;
  title?: string;
  text: string;
}

export interface Chunk {
  /** `<doc-id>#<n>`, n counting from 0 within the document. */
  id: string;
  docId: string;
  index: number;
  text: string;
  /** Character offsets into the document text: text === doc.text.slice(start, end). */
  start: number;
  end: number;
  /** Markdown heading path above the chunk, outermost first. */
  headingPath: string[];
  tokenCount: number;
  title?: string;
}

export interface RetrievedChunk {
  chunk: Chunk;
  score: number;
  /** 1-based rank in the final list. */
  rank: number;
}

export interface Retriever {
  retrieve(query: string, options?: { k?: number }): Promise<RetrievedChunk[]>;
}

export interface AssembledContext {
  /** Rendered context with `[doc-id#n]` markers, ready for the prompt. */
  text: string;
  included: RetrievedChunk[];
  /** Retrieved but left out because the budget was exhausted (never silently). */
  dropped: RetrievedChunk[];
  usedTokens: number;
  budgetTokens: number;
  overflow: boolean;
}
