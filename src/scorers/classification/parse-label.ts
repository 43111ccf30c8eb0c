// Map a model's free-text output onto one of the declared labels: an exact match, then a
// case-insensitive match (ignoring surrounding quotes/punctuation), then the label that occurs
// first in the text as a whole word. Anything else is invalid (null), never a guessed label.

import { escapeRegExp } from '../../text/escape-regexp.js';

export function parseLabel(output: string, labels: readonly string[]): string | null {
  const trimmed = output.trim();
  if (labels.includes(trimmed)) return trimmed;
  const bare = trimmed.replace(/^[\s"'`*_([{]+|[\s"'`*_.,;:!?)\]}]+$/g, '').toLowerCase();
  const exact = labels.find((label) => label.toLowerCase() === bare);
  if (exact !== undefined) return exact;

  let best: { label: string; at: number } | null = null;
  const lower = trimmed.toLowerCase();
  for (const label of labels) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}_-])${escapeRegExp(label.toLowerCase())}(?![\\p{L}\\p{N}_-])`,
      'u',
    );
    const match = pattern.exec(lower);
    if (!match) continue;
    // Earliest occurrence wins; at the same position the longer label ("billing-dispute" over "billing").
    if (!best || match.index < best.at || (match.index === best.at && label.length > best.label.length))
      best = { label, at: match.index };
  }
  return best?.label ?? null;
}
