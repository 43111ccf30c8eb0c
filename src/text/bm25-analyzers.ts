// The analyzers BM25 can index and query with, by name (rag.bm25.analyzer).
import { contentTerms } from './analyze.js';
import { luceneEnglishTerms } from './lucene/english-analyzer.js';

export type Bm25AnalyzerName = 'standard' | 'lucene';

export const BM25_ANALYZERS = {
  standard: contentTerms,
  lucene: luceneEnglishTerms,
} satisfies Record<Bm25AnalyzerName, (text: string) => string[]>;
