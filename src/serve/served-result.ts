// Turns the eval's CaseResult for one request into what the server returns and logs: the
// answer or label, the contexts the model saw (with their text), the citations it made, and
// whether a person should look at it.
import type { RagRuntime } from '../pipeline/rag-runtime.js';
import type { CaseResult } from '../run/types.js';
import { findCitationMarkers } from '../scorers/citation-markers.js';
import type { ServedResult, ServedSuite } from './serving-pipeline.js';

export function servedResult(options: {
  suite: ServedSuite;
  result: CaseResult;
  assembled: ReturnType<RagRuntime['assemble']> | undefined;
  needsReview: (declined: boolean, confidence: number | null) => boolean;
  isDeclined: (text: string) => boolean;
}): ServedResult {
  const { suite, result } = options;
  const classify = result.task === 'classify';
  const failed = Boolean(result.error);
  const output = failed ? null : result.output;
  const confidence = typeof result.confidence === 'number' ? result.confidence : null;
  const declined = !classify && output !== null && options.isDeclined(output);
  return {
    suite: suite.name,
    model: suite.model,
    promptVersion: suite.promptVersion,
    promptHash: suite.promptHash,
    answer: classify ? null : output,
    label: classify ? (result.predicted ?? null) : null,
    probabilities: classify ? (result.labelProbabilities ?? null) : null,
    confidence,
    citations: output === null || classify ? [] : findCitationMarkers(output),
    contexts: (options.assembled?.included ?? []).map((r) => ({
      id: r.chunk.id,
      doc_id: r.chunk.docId,
      score: Math.round(r.score * 1e6) / 1e6,
      text: r.chunk.text,
    })),
    retrievedDocs: result.retrieval?.docs ?? [],
    topScore: result.retrieval?.chunks[0]?.score ?? null,
    declined,
    needsReview: options.needsReview(declined, confidence),
    error: result.error ?? null,
  };
}
