// Word tokenisation shared by BM25, the hash embedder and the offline scorers.
// Lower-cases, keeps letters and digits (incl. decimals like 4.99 and ids like sso-2),
// splits everything else.

const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
