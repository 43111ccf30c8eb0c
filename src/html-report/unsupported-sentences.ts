// The answer sentences the offline support check finds unsupported by the passages the model
// was given. results.jsonl records only how many there were, so the report re-runs the same
// pure check (with its default threshold) over the stored chunk texts to highlight them.
import type { CaseResult } from '../run/types.js';
import {
  type UnsupportedSentence,
  unsupportedContent,
} from '../scorers/hallucination/unsupported-content.js';

export function unsupportedSentences(
  result: CaseResult,
  passages: { id: string; docId: string; text: string }[],
): string[] {
  const scores = unsupportedContent({ answer: result.output, passages });
  const rate = scores.find((s) => s.name === 'hallucination.rate');
  const details = rate?.details as { unsupported?: UnsupportedSentence[] } | undefined;
  return (details?.unsupported ?? []).map((u) => u.sentence);
}
