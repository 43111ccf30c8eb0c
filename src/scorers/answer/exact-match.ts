// SQuAD exact match: 1 when the normalised prediction equals a normalised reference (max over references).
import { squadNormalize } from './squad-normalize.js';

/** null when there is no reference to compare with. */
export function exactMatch(prediction: string, references: readonly string[]): number | null {
  if (references.length === 0) return null;
  const normalized = squadNormalize(prediction);
  return references.some((reference) => squadNormalize(reference) === normalized) ? 1 : 0;
}
