// Structure-aware chunking. A document is cut into heading sections; inside a section each chunk
// is filled up to `size` units and ends at the strongest boundary available in the upper part of
// that window (paragraph > line > sentence > word > token), which is what recursive splitting
// plus greedy packing converges to, computed in one pass over precomputed boundaries. The next
// chunk starts up to `overlap` units before the previous end, on a sentence start when one is
// there, else on a word start.
import { chunkIdOf } from './chunk-id.js';
import { InputError } from '../core/errors.js';
import { splitMarkdownSections } from './markdown-sections.js';
import { BoundaryLevel, findBoundaries, lastBoundaryAtOrBefore } from './split-boundaries.js';
import type { Boundaries } from './split-boundaries.js';
import { getTokenizer } from './tokenizer.js';
import type { Tokenizer } from './tokenizer.js';
import type { Chunk, CorpusDocument } from './types.js';
import { createCharMeasure, createTokenMeasure } from './unit-measure.js';
import type { UnitMeasure } from './unit-measure.js';

export interface ChunkingOptions {
  /** Maximum chunk length in `unit`s. */
  size: number;
  /** Units repeated from the end of the previous chunk (same section only); < size. */
  overlap: number;
  unit: 'tokens' | 'chars';
}

export interface ChunkDocumentOptions extends ChunkingOptions {
  tokenizer?: Tokenizer;
}

/** A chunk should be at least this full before a stronger boundary wins over a longer chunk. */
const MIN_FILL = 0.5;

export function validateChunking(options: ChunkingOptions): void {
  const { size, overlap, unit } = options;
  if (!Number.isInteger(size) || size < 1) {
    throw new InputError({
      code: 'CHUNKING_INVALID',
      field: 'chunking.size',
      message: `must be a positive integer, got ${size}`,
    });
  }
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
    throw new InputError({
      code: 'CHUNKING_INVALID',
      field: 'chunking.overlap',
      message: `must be an integer in [0, size), got ${overlap}`,
    });
  }
  if (unit !== 'tokens' && unit !== 'chars') {
    throw new InputError({
      code: 'CHUNKING_INVALID',
      field: 'chunking.unit',
      message: `must be "tokens" or "chars", got ${String(unit)}`,
    });
  }
}

export function chunkDocument(doc: CorpusDocument, options: ChunkDocumentOptions): Chunk[] {
  validateChunking(options);
  const tokenizer = options.tokenizer ?? getTokenizer();
  const { text } = doc;
  const measure =
    options.unit === 'tokens' ? createTokenMeasure(text, tokenizer) : createCharMeasure(text, tokenizer);
  const chunks: Chunk[] = [];
  for (const section of splitMarkdownSections(text)) {
    const start = skipSpace(text, section.start, section.end);
    const end = trimEnd(text, start, section.end);
    if (end <= start) continue;
    const spans = chunkSection({ text, start, end, measure, options });
    for (const span of spans) {
      chunks.push({
        id: chunkIdOf(doc.id, chunks.length),
        docId: doc.id,
        index: chunks.length,
        text: text.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        headingPath: section.headingPath,
        tokenCount: span.tokens,
        ...(doc.title !== undefined ? { title: doc.title } : {}),
      });
    }
  }
  return chunks;
}

interface Span {
  start: number;
  end: number;
  tokens: number;
}

interface SectionInput {
  text: string;
  start: number;
  end: number;
  measure: UnitMeasure;
  options: ChunkingOptions;
}

function chunkSection(input: SectionInput): Span[] {
  const { text, end: sectionEnd, measure, options } = input;
  const { size, overlap } = options;
  const bounds = findBoundaries(text, input.start, sectionEnd);
  const spans: Span[] = [];
  let start = input.start;
  let previousEnd = input.start;
  for (;;) {
    let end = chooseEnd({ bounds, measure, start, floor: previousEnd, sectionEnd, size });
    if (spans.length > 0 && end <= previousEnd) end = previousEnd + 1; // estimates disagreed; still move on
    let tokens = measure.tokenCount(start, end);
    // Estimates count tokens as they fall inside the whole document; the standalone encoding of
    // the chunk can differ by a token at either edge, so the exact count has the last word.
    while (options.unit === 'tokens' && tokens > size) {
      const shorter = shrinkEnd({ bounds, measure, start, floor: previousEnd, end, excess: tokens - size });
      if (shorter === undefined) {
        start = skipSpace(text, previousEnd, sectionEnd);
        end = chooseEnd({ bounds, measure, start, floor: previousEnd, sectionEnd, size });
      } else if (shorter >= end) {
        break; // one character already costs more than `size` tokens; nothing smaller exists
      } else {
        const trimmed = trimEnd(text, start, shorter);
        end = trimmed > Math.max(start, previousEnd) ? trimmed : shorter;
      }
      tokens = measure.tokenCount(start, end);
    }
    spans.push({ start, end, tokens });
    if (end >= sectionEnd) return spans;
    const next = nextStart({ text, bounds, measure, start, end, overlap, sectionEnd });
    previousEnd = end;
    start = next;
  }
}

interface EndInput {
  bounds: Boundaries;
  measure: UnitMeasure;
  start: number;
  /** The chunk must end after this (the previous chunk's end), so every chunk adds new text. */
  floor: number;
  sectionEnd: number;
  size: number;
}

function chooseEnd({ bounds, measure, start, floor, sectionEnd, size }: EndInput): number {
  const limit = measure.forward(start, size);
  if (limit >= sectionEnd) return sectionEnd;
  const fill = Math.max(floor + 1, measure.forward(start, Math.max(1, Math.floor(size * MIN_FILL))));
  const { pos, level } = bounds;
  let best = -1;
  let fallback = -1;
  for (let i = lastBoundaryAtOrBefore(pos, limit); i >= 0 && pos[i] > floor && pos[i] > start; i--) {
    if (fallback < 0) fallback = i;
    if (pos[i] < fill) break;
    if (best < 0 || level[i] > level[best]) best = i;
  }
  if (best >= 0) return pos[best];
  if (fallback >= 0) return pos[fallback];
  return limit;
}

interface ShrinkInput {
  bounds: Boundaries;
  measure: UnitMeasure;
  start: number;
  floor: number;
  end: number;
  excess: number;
}

/** A shorter end after `floor`, or undefined when only dropping the overlap can make room. */
function shrinkEnd({ bounds, measure, start, floor, end, excess }: ShrinkInput): number | undefined {
  const i = lastBoundaryAtOrBefore(bounds.pos, end - 1);
  const lowest = Math.max(floor, start);
  if (i >= 0 && bounds.pos[i] > lowest) return bounds.pos[i];
  const cut = measure.backward(end, Math.max(1, excess));
  if (cut > lowest && cut < end) return cut;
  return start < floor ? undefined : Math.max(lowest + 1, end - 1);
}

interface NextInput {
  text: string;
  bounds: Boundaries;
  measure: UnitMeasure;
  start: number;
  end: number;
  overlap: number;
  sectionEnd: number;
}

function nextStart({ text, bounds, measure, start, end, overlap, sectionEnd }: NextInput): number {
  const noOverlap = skipSpace(text, end, sectionEnd);
  if (overlap === 0) return noOverlap;
  const lowest = Math.max(measure.backward(end, overlap), start + 1);
  const { pos, next, level } = bounds;
  // Boundaries whose next content starts inside [lowest, end): walk back from the chunk end.
  let sentence = -1;
  let word = -1;
  for (let i = lastBoundaryAtOrBefore(pos, end - 1); i >= 0 && next[i] >= lowest; i--) {
    if (next[i] >= end) continue;
    word = i;
    if (level[i] >= BoundaryLevel.Sentence) sentence = i;
  }
  if (sentence >= 0) return next[sentence];
  if (word >= 0) return next[word];
  // The chunk ended mid-word (no whitespace nearby): overlap by raw units.
  if (!isSpace(text.charCodeAt(end)) && !isSpace(text.charCodeAt(end - 1)) && lowest < end) return lowest;
  return noOverlap;
}

function skipSpace(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 9 ||
    c === 13 ||
    c === 12 ||
    c === 11 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x3000 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x1680 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff
  );
}
