// Citation markers `[doc-id#n]` (several ids may share one bracket: `[a.md#0, b.md#2]`).
// Shared by the answer metrics (which strip them) and the citation scorer (which checks them).

const MARKER = /\[\s*([^[\]\s,;]+#\d+(?:\s*[,;]\s*[^[\]\s,;]+#\d+)*)\s*\]/g;

/** Cited passage ids in order of appearance (duplicates kept: each marker counts). */
export function findCitationMarkers(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(MARKER)) {
    for (const id of match[1].split(/\s*[,;]\s*/)) ids.push(id);
  }
  return ids;
}

export function stripCitationMarkers(text: string): string {
  if (!text.includes('[')) return text;
  return text
    .replace(MARKER, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
