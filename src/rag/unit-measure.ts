// How long a span of a document is in the chunking unit. Characters are trivial; for tokens the
// whole document is encoded once and every token's start is mapped to a character offset, so the
// chunker asks "how many tokens between these two offsets" in O(log n) instead of re-encoding.
import type { Tokenizer } from './tokenizer.js';

export interface UnitMeasure {
  /** Units overlapping [start, end). */
  units(start: number, end: number): number;
  /** The furthest legal cut p > start with units(start, p) <= n (the text end when it fits). */
  forward(start: number, n: number): number;
  /** The earliest legal cut p < end with units(p, end) <= n (0 at the text start). */
  backward(end: number, n: number): number;
  /** Exact token count of text.slice(start, end) encoded on its own. */
  tokenCount(start: number, end: number): number;
}

export function createCharMeasure(text: string, tokenizer: Tokenizer): UnitMeasure {
  // Never cut between the two halves of a surrogate pair.
  const legal = (p: number): boolean => !isHighSurrogate(text.charCodeAt(p - 1)) || p >= text.length;
  return {
    units: (start, end) => end - start,
    forward: (start, n) => {
      let p = Math.min(text.length, start + n);
      if (!legal(p) && p - 1 > start) p--;
      return p;
    },
    backward: (end, n) => {
      let p = Math.max(0, end - n);
      if (!legal(p)) p++;
      return p;
    },
    tokenCount: (start, end) => tokenizer.count(text.slice(start, end)),
  };
}

export function createTokenMeasure(text: string, tokenizer: Tokenizer): UnitMeasure {
  const tokens = tokenizer.encode(text);
  const count = tokens.length;
  // starts[t] = character offset where token t starts; starts[count] = text.length.
  const starts = new Uint32Array(count + 1);
  // A token may end inside a multi-byte character; cutting there would split the character.
  const aligned = new Uint8Array(count + 1);
  let charPos = 0;
  let charByte = 0;
  let bytePos = 0;
  for (let t = 0; t < count; t++) {
    starts[t] = charPos;
    aligned[t] = bytePos === charByte ? 1 : 0;
    bytePos += tokenizer.tokenByteLength(tokens[t]);
    while (charPos < text.length) {
      const c = text.charCodeAt(charPos);
      const pair =
        isHighSurrogate(c) && charPos + 1 < text.length && isLowSurrogate(text.charCodeAt(charPos + 1));
      const bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
      if (charByte + bytes > bytePos) break;
      charByte += bytes;
      charPos += pair ? 2 : 1;
    }
  }
  starts[count] = text.length;
  aligned[count] = 1;

  /** Index of the token containing character p: the last t with starts[t] <= p. */
  const floor = (p: number): number => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  /** Index of the first token starting at or after p. */
  const ceil = (p: number): number => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] >= p) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  return {
    units: (start, end) => (end <= start ? 0 : ceil(end) - floor(start)),
    forward: (start, n) => {
      const first = floor(start);
      let t = first + n;
      if (t >= count) return text.length;
      while (t > first + 1 && (!aligned[t] || starts[t] <= start)) t--;
      return Math.max(starts[t], start + 1);
    },
    backward: (end, n) => {
      const last = ceil(end);
      let t = last - n;
      if (t <= 0) return 0;
      while (t < last && !aligned[t]) t++;
      return Math.min(starts[t], end);
    },
    // Re-encoding every chunk would double the tokenizer's work. Instead only the edges are
    // re-encoded: at a "letter, space, letter" position both the document's and the chunk's own
    // pre-tokenisation (cl100k's regex) must cut, because no pre-token pattern spans a letter
    // followed by a space, and " word" always starts one. Between the first and last such
    // positions the chunk's tokens are exactly the document's tokens.
    tokenCount: (start, end) => {
      const first = safeCut(text, start + 1, end - 1, 1);
      const last = safeCut(text, end - 2, start + 1, -1);
      if (first < 0 || last < 0 || last <= first) return tokenizer.count(text.slice(start, end));
      return (
        tokenizer.count(text.slice(start, first)) +
        (ceil(last) - ceil(first)) +
        tokenizer.count(text.slice(last, end))
      );
    },
  };
}

/** The first position p (stepping by `step` from `from` towards `to`) with letter, space, letter at p-1, p, p+1; or -1. */
function safeCut(text: string, from: number, to: number, step: 1 | -1): number {
  for (let p = from; step > 0 ? p <= to : p >= to; p += step) {
    if (text.charCodeAt(p) === 32 && isLetter(text.charCodeAt(p - 1)) && isLetter(text.charCodeAt(p + 1)))
      return p;
  }
  return -1;
}

const LETTER = /\p{L}/u;

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // Surrogates are never treated as letters: the rule only needs to be safe, not complete.
  return !(c >= 0xd800 && c <= 0xdfff) && LETTER.test(String.fromCharCode(c));
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
