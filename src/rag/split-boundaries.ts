// Candidate cut points inside a section, ranked by how much structure a cut there preserves:
// paragraph (blank line) > line break > sentence end > word gap. The chunker prefers the
// strongest cut that still fills a chunk, which is recursive splitting without re-splitting text.

export const BoundaryLevel = { Word: 1, Sentence: 2, Line: 3, Paragraph: 4 } as const;
export type BoundaryLevel = (typeof BoundaryLevel)[keyof typeof BoundaryLevel];

export interface Boundaries {
  /** Where the whitespace run starts: a chunk ending here ends on content. Ascending. */
  pos: number[];
  /** Where the next content starts: a chunk starting here starts on content. */
  next: number[];
  level: BoundaryLevel[];
}

const WHITESPACE = /\s+/g;

/** Boundaries strictly inside [start, end); the range must start and end on non-whitespace. */
export function findBoundaries(text: string, start: number, end: number): Boundaries {
  const out: Boundaries = { pos: [], next: [], level: [] };
  WHITESPACE.lastIndex = start;
  let match: RegExpExecArray | null;
  while ((match = WHITESPACE.exec(text)) !== null && match.index < end) {
    const pos = match.index;
    const run = match[0];
    let newlines = 0;
    for (let i = 0; i < run.length && newlines < 2; i++) if (run.charCodeAt(i) === 10) newlines++;
    out.pos.push(pos);
    out.next.push(pos + run.length);
    out.level.push(
      newlines >= 2
        ? BoundaryLevel.Paragraph
        : newlines === 1
          ? BoundaryLevel.Line
          : endsSentence(text, pos)
            ? BoundaryLevel.Sentence
            : BoundaryLevel.Word,
    );
  }
  return out;
}

/** `.`, `!` or `?`, optionally followed by closing quotes or brackets, right before `pos`. */
function endsSentence(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i > 0 && CLOSERS.has(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  return c === 46 || c === 33 || c === 63;
}

const CLOSERS = new Set([34, 39, 41, 93, 0x2019, 0x201d, 42 /* markdown emphasis */]);

/** Index of the last boundary with pos <= value, or -1. */
export function lastBoundaryAtOrBefore(pos: readonly number[], value: number): number {
  let lo = 0;
  let hi = pos.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos[mid] <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
