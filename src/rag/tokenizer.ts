// Token counting for chunking and context budgets: one lazily created cl100k_base encoder
// (the encoding of the GPT-4 / text-embedding-3 family), shared by every caller in the process
// because creating it parses a ~1.7 MB BPE table.
import { get_encoding } from 'tiktoken';
import type { Tiktoken } from 'tiktoken';

export interface Tokenizer {
  readonly name: string;
  /** Special-token text such as `<|endoftext|>` is encoded as ordinary text, never rejected. */
  encode(text: string): Uint32Array;
  count(text: string): number;
  decode(tokens: Uint32Array | number[]): string;
  /** UTF-8 byte length of one token; lets the chunker map token positions to character offsets. */
  tokenByteLength(token: number): number;
}

let shared: Tokenizer | undefined;

export function getTokenizer(): Tokenizer {
  shared ??= createTiktokenTokenizer(get_encoding('cl100k_base'), 'cl100k_base');
  return shared;
}

function createTiktokenTokenizer(encoding: Tiktoken, name: string): Tokenizer {
  const decoder = new TextDecoder();
  // Token ids of cl100k_base are < 2^17; 0 marks "not looked up yet" (no token has 0 bytes).
  const byteLengths = new Uint8Array(1 << 18);
  return {
    name,
    encode: (text) => encoding.encode_ordinary(text),
    count: (text) => (text.length === 0 ? 0 : encoding.encode_ordinary(text).length),
    decode: (tokens) => decoder.decode(encoding.decode(tokens instanceof Uint32Array ? tokens : Uint32Array.from(tokens))),
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
