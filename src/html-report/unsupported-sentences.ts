// The answer sentences the offline support check finds unsupported by the passages the model
// was given. results.jsonl records only how many there were, so the report re-runs the same
// pure check over the stored chunk texts to highlight them, at the run's own threshold
// (`hallucination_threshold`, recorded in its manifest; the check's default when it set none).
import type { CaseResult } from '../run/types.js';
import {
  type UnsupportedSentence,
  unsupportedContent,
} from '../scorers/hallucination/unsupported-content.js';

export function unsupportedSentences(
  result: CaseResult,
  passages: { id: string; docId: string; text: string }[],
  hallucinationThreshold?: number,
): string[] {
  const scores = unsupportedContent({ answer: result.output, passages, hallucinationThreshold });
  const rate = scores.find((s) => s.name === 'hallucination.rate');
  const details = rate?.details as { unsupported?: UnsupportedSentence[] } | undefined;
  return (details?.unsupported ?? []).map((u) => u.sentence);
}
