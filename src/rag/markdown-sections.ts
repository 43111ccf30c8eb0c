// Splits a document into heading sections (ATX `#` headings outside fenced code), each with the
// heading path above it. The chunker never lets a chunk span two sections, so every chunk has
// exactly one heading path and citations point at one topic.

export interface Section {
  /** Character range in the document; the section's own heading line is inside it. */
  start: number;
  end: number;
  headingPath: string[];
}

// A closing run of #s counts only after whitespace, so `## C#` keeps its title.
const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

export function splitMarkdownSections(text: string): Section[] {
  const headings: { start: number; level: number; title: string; bodyStart: number }[] = [];
  let fence: string | undefined;
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const first = text.charCodeAt(lineStart);
    // Only lines starting with '#', '`', '~' or a space can matter; skip the regexes otherwise.
    if (first === 35 /* # */ || first === 96 /* ` */ || first === 126 /* ~ */ || first === 32) {
      const line = text.slice(lineStart, lineEnd);
      const fenceMatch = FENCE.exec(line);
      if (fenceMatch) {
        const marker = fenceMatch[1];
        if (fence === undefined) fence = marker[0];
        else if (marker[0] === fence) fence = undefined;
      } else if (fence === undefined && first === 35) {
        const match = HEADING.exec(line);
        if (match)
          headings.push({ start: lineStart, level: match[1].length, title: match[2], bodyStart: lineEnd });
      }
    }
    lineStart = lineEnd + 1;
  }

  const sections: Section[] = [];
  if (headings.length === 0 || headings[0].start > 0) {
    sections.push({ start: 0, end: headings.length ? headings[0].start : text.length, headingPath: [] });
  }
  const stack: { level: number; title: string }[] = [];
  // A heading with no body directly above a deeper heading ("# Billing" then "## Refunds") joins
  // the deeper section instead of becoming a chunk that holds nothing but a title.
  let pendingStart: number | undefined;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    stack.push({ level: h.level, title: h.title });
    const end = i + 1 < headings.length ? headings[i + 1].start : text.length;
    const start = pendingStart ?? h.start;
    const next = headings[i + 1];
    if (next && next.level > h.level && isBlank(text, h.bodyStart, end)) {
      pendingStart = start;
      continue;
    }
    pendingStart = undefined;
    sections.push({ start, end, headingPath: stack.map((s) => s.title) });
  }
  return sections;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false;
  }
  return true;
}
