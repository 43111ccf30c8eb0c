// Citation markers `[doc-id#n]` (several ids may share one bracket: `[a.md#0, b.md#2]`).
// Shared by the answer metrics (which strip them) and the citation scorer (which checks them).

const MARKER_BODY = String.raw`\[\s*([^[\]\s,;]+#\d+(?:\s*[,;]\s*[^[\]\s,;]+#\d+)*)\s*\]`;
const MARKER = new RegExp(MARKER_BODY, 'g');
// A run of adjacent markers with the whitespace around it: `text [a#1] [b#2]. More`.
const MARKER_RUN = new RegExp(String.raw`\s*(?:${MARKER_BODY}\s*)+`, 'g');
const CLOSING_PUNCTUATION = /^[.,;:!?]/;

/** Cited passage ids in order of appearance (duplicates kept: each marker counts). */
export function findCitationMarkers(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(MARKER)) {
    for (const id of match[1].split(/\s*[,;]\s*/)) ids.push(id);
  }
  return ids;
}

/**
 * The text without its markers. Only the whitespace a removed marker leaves behind goes with
 * it: `done [a#1].` becomes `done.`, but a space the author wrote (`such as .DS_Store`) stays,
 * so the SQuAD normaliser sees the answer's own words.
 */
export function stripCitationMarkers(text: string): string {
  if (!text.includes('[')) return text;
  return text
    .replace(MARKER_RUN, (run: string, ...rest: unknown[]) => {
      const offset = rest[rest.length - 2] as number;
      const whole = rest[rest.length - 1] as string;
      const after = whole.slice(offset + run.length);
      // At the start, at the end or before punctuation the marker's spacing goes entirely;
      // between two words one space keeps them apart.
      if (offset === 0 || after === '' || CLOSING_PUNCTUATION.test(after)) return '';
      return ' ';
    })
    .trim();
}
