// The answer sentences the offline support check finds something against, in the passages the
// model was given. results.jsonl records only how many there were, so the report re-runs the same
// pure check (with the case's question, as the run scored it) over the stored chunk texts to
// highlight them. A sentence is marked when it scores at or above the run's own threshold
// (`hallucination_threshold`, from its manifest; the check's default when it set none) and the cue
// step: below the cue step `groundedness` counts it as grounded (the default threshold sits below
// that step, to flag short answers no cue can check).
import type { CaseResult } from '../run/types.js';
import { CUE_THRESHOLD, DEFAULT_HALLUCINATION_THRESHOLD } from '../scorers/hallucination/support-model.js';
import { sentencesAtOrAbove } from '../scorers/hallucination/unsupported-content.js';

export function unsupportedSentences(
  result: CaseResult,
  passages: { id: string; docId: string; text: string }[],
  hallucinationThreshold?: number,
): string[] {
  const step = Math.max(hallucinationThreshold ?? DEFAULT_HALLUCINATION_THRESHOLD, CUE_THRESHOLD);
  return sentencesAtOrAbove({ answer: result.output, passages, question: result.input }, step);
}
