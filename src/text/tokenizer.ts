// The one tiktoken wrapper: token counts for chunking, context budgets and usage estimates.
// Encoders are created on first use (loading one parses a ~1.7 MB BPE table) and shared by
// every caller in the process. tiktoken itself is required on first use too: importing it
// instantiates its WASM module (~20 MB resident, ~17 ms), which a run whose provider reports
// usage and that has no RAG section never needs.
import { createRequire } from 'node:module';
import type { Tiktoken } from 'tiktoken';
import { createPieceCounter, createPieceEncoder } from './piece-counts.js';

type GetEncoding = typeof import('tiktoken').get_encoding;
let getEncoding: GetEncoding | undefined;

function loadTiktoken(): GetEncoding {
  getEncoding ??= (createRequire(import.meta.url)('tiktoken') as typeof import('tiktoken')).get_encoding;
  return getEncoding;
}

export interface Tokenizer {
  readonly name: TokenizerEncoding;
  /** Special-token text such as `<|endoftext|>` is encoded as ordinary text, never rejected. */
  encode(text: string): Uint32Array;
  count(text: string): number;
  decode(tokens: Uint32Array | number[]): string;
  /** UTF-8 byte length of one token; lets the chunker map token positions to character offsets. */
  tokenByteLength(token: number): number;
}

export type TokenizerEncoding = 'cl100k_base' | 'o200k_base';

/**
 * cl100k_base by default: it loads faster than o200k_base, and a chunk size or a usage
 * estimate does not need the exact tokenizer of the model being evaluated.
 */
export const DEFAULT_ENCODING: TokenizerEncoding = 'cl100k_base';

// A process-wide memo rather than ambient state: an encoder is immutable once built, and
// building it twice would only cost time and WASM memory.
const shared = new Map<TokenizerEncoding, Tokenizer>();

export function getTokenizer(encoding: TokenizerEncoding = DEFAULT_ENCODING): Tokenizer {
  let tokenizer = shared.get(encoding);
  if (!tokenizer) {
    tokenizer = createTiktokenTokenizer(loadTiktoken()(encoding), encoding);
    shared.set(encoding, tokenizer);
  }
  return tokenizer;
}

const MEMO_MIN_CHARS = 1000;
const MEMO_MAX_ENTRIES = 256;

function createTiktokenTokenizer(encoding: Tiktoken, name: TokenizerEncoding): Tokenizer {
  const decoder = new TextDecoder();
  // Token ids of cl100k_base are < 2^17; 0 marks "not looked up yet" (no token has 0 bytes).
  const byteLengths = new Uint8Array(1 << 18);
  const counts = new Map<string, number>();
  const encodeCount = (text: string) => encoding.encode_ordinary(text).length;
  // Prompts that differ per case only in a few fields are counted piece by piece (exact).
  const pieces = name === 'cl100k_base' ? createPieceCounter(encodeCount) : null;
  const countWhole = (text: string) => pieces?.count(text) ?? encodeCount(text);
  // Chunking encodes whole documents: the same, piece by piece (exact; ids in the same order).
  const encodePiece = (text: string) => encoding.encode_ordinary(text);
  const pieceIds = name === 'cl100k_base' ? createPieceEncoder(encodePiece) : null;
  return {
    name,
    encode: (text) => pieceIds?.encode(text) ?? encoding.encode_ordinary(text),
    count: (text) => {
      if (text.length === 0) return 0;
      // Long texts recur (a system prompt with few-shot examples is sent with every case and
      // every served request): their counts are remembered, a bounded number of them.
      if (text.length < MEMO_MIN_CHARS) return countWhole(text);
      let n = counts.get(text);
      if (n === undefined) {
        n = countWhole(text);
        if (counts.size >= MEMO_MAX_ENTRIES) counts.delete(counts.keys().next().value as string);
        counts.set(text, n);
      }
      return n;
    },
    decode: (tokens) =>
      decoder.decode(encoding.decode(tokens instanceof Uint32Array ? tokens : Uint32Array.from(tokens))),
    tokenByteLength: (token) => {
      if (token >= byteLengths.length) return encoding.decode_single_token_bytes(token).length;
      let n = byteLengths[token];
      if (n === 0) {
        n = encoding.decode_single_token_bytes(token).length;
        byteLengths[token] = n;
      }
      return n;
    },
  };
}
