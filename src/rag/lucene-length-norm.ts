// Lucene's one-byte document-length norm (SmallFloat.intToByte4 / byte4ToInt, as BM25Similarity
// stores field lengths since Lucene 7): lengths below 24 are exact; above, a length keeps its 4
// most significant bits, i.e. it is rounded down to within 1/8 of itself. BM25 with
// `norms: lucene` scores the decoded length, as Lucene does, while avgdl stays exact
// (sumTotalTermFreq / docCount).

/** 64 minus the leading zeros of a positive 31-bit integer: its bit length. */
function bitLength(i: number): number {
  return 32 - Math.clz32(i);
}

/** SmallFloat.longToInt4: a float-like code with a 3-bit mantissa (implicit leading 1). */
export function longToInt4(i: number): number {
  if (i < 0 || !Number.isInteger(i)) throw new RangeError(`expected a non-negative integer, got ${i}`);
  const bits = bitLength(i);
  if (bits < 4) return i; // subnormal: exact
  const shift = bits - 4;
  return (Math.floor(i / 2 ** shift) & 0x07) | ((shift + 1) << 3);
}

export function int4ToLong(code: number): number {
  const bits = code & 0x07;
  const shift = (code >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}

const MAX_INT4 = longToInt4(2 ** 31 - 1);
/** Codes 0..23 stand for themselves; the rest of the byte holds the int4 encoding. */
export const NUM_FREE_VALUES = 255 - MAX_INT4;

export function intToByte4(i: number): number {
  if (i < NUM_FREE_VALUES) return i;
  return NUM_FREE_VALUES + longToInt4(i - NUM_FREE_VALUES);
}

export function byte4ToInt(b: number): number {
  if (b < NUM_FREE_VALUES) return b;
  return NUM_FREE_VALUES + int4ToLong(b - NUM_FREE_VALUES);
}

/** The length Lucene's BM25 sees for a field of `length` terms. */
export function luceneFieldLength(length: number): number {
  return byte4ToInt(intToByte4(length));
}
