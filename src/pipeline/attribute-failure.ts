// Failure attribution for one result: why did this case fail? For RAG cases the order of the
// checks matters: a relevant document that never reached the context is a retrieval problem
// (or a budget problem when it was retrieved but dropped), not a generation problem.
import type { FailureAttribution } from '../run/types.js';

export interface AttributionInput {
  task: string;
  error: boolean;
  passed: boolean | null;
  /** Gold relevant docs (grade > 0); undefined when the case has none. */
  relevantDocs?: string[];
  retrievedDocs?: string[];
  includedDocs?: string[];
}

export function attributeFailure(input: AttributionInput): FailureAttribution | null {
  if (input.error) return 'provider-error';
  if (input.passed === null) return null;
  if (input.passed) return 'pass';
  if (input.task === 'classify' || input.task === 'mcq') return 'wrong-label';
  // Without any view of retrieval (an app that returns no contexts) a failure cannot be traced
  // to it, so it stays with generation.
  const retrievalSeen = input.retrievedDocs !== undefined || input.includedDocs !== undefined;
  if (input.task === 'rag-qa' && retrievalSeen && input.relevantDocs && input.relevantDocs.length > 0) {
    const relevant = new Set(input.relevantDocs);
    const inContext = (input.includedDocs ?? []).some((d) => relevant.has(d));
    if (!inContext) {
      const retrieved = (input.retrievedDocs ?? []).some((d) => relevant.has(d));
      return retrieved ? 'context-overflow' : 'retrieval-miss';
    }
  }
  if (input.task === 'retrieval') return 'retrieval-miss';
  return 'generation-error';
}
