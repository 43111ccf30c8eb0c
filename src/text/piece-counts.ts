// Exact cl100k_base token counts without running the whole text through tiktoken: the encoder
// first splits text with its pre-tokenizer regex, then byte-pair-encodes each piece on its own,
// so a text's count is the sum of its pieces' counts. Pieces (words with their leading space,
// punctuation runs, whitespace) recur endlessly across prompts, so each piece's count is looked
// up once and remembered. A prompt that differs per request only in its input (a few-shot
// classify prompt) then costs a regex pass and map lookups instead of ~1,000 tokens of BPE.
//
// Only for ASCII text: there cl100k's pattern — `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|
// \p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+` — is written below with ASCII
// classes, which match exactly what the Unicode classes match on ASCII input. Other text goes to
// tiktoken whole (JavaScript's \s and the Unicode tables differ from Rust's at the edges).
// A piece matched in context is matched whole when encoded alone (the only context-sensitive
// part, `(?!\S)`, succeeds at the end of the string), so the per-piece count is the count the
// encoder gives that piece inside the text.

const CL100K_ASCII =
  /'(?:[sS]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD])|[^\r\nA-Za-z0-9]?[A-Za-z]+|[0-9]{1,3}| ?[^\sA-Za-z0-9]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/g;
const NON_ASCII = /[^\x00-\x7f]/;
const MAX_PIECES = 100_000;

export interface PieceCounter {
  /** The token count, or null when the text is not ASCII (count it with the encoder). */
  count(text: string): number | null;
}

export function createPieceCounter(encodePiece: (piece: string) => number): PieceCounter {
  const known = new Map<string, number>();
  return {
    count(text) {
      let total = 0;
      const complete = forEachPiece(text, (piece) => {
        let n = known.get(piece);
        if (n === undefined) {
          n = encodePiece(piece);
          if (known.size < MAX_PIECES) known.set(piece, n);
        }
        total += n;
      });
      return complete ? total : null;
    },
  };
}

export interface PieceEncoder {
  /** The token ids, or null when the text is not ASCII (encode it with the encoder). */
  encode(text: string): Uint32Array | null;
}

/** The same for token ids: a text's tokens are its pieces' tokens, in order. */
export function createPieceEncoder(encodePiece: (piece: string) => Uint32Array): PieceEncoder {
  const known = new Map<string, Uint32Array>();
  const parts: Uint32Array[] = [];
  return {
    encode(text) {
      parts.length = 0;
      let length = 0;
      const complete = forEachPiece(text, (piece) => {
        let tokens = known.get(piece);
        if (tokens === undefined) {
          tokens = encodePiece(piece);
          if (known.size < MAX_PIECES) known.set(piece, tokens);
        }
        parts.push(tokens);
        length += tokens.length;
      });
      if (!complete) return null;
      const out = new Uint32Array(length);
      let at = 0;
      for (const tokens of parts) {
        out.set(tokens, at);
        at += tokens.length;
      }
      parts.length = 0;
      return out;
    },
  };
}

/** Calls `visit` with each pre-token piece; false (stop) when the text is not ASCII. */
function forEachPiece(text: string, visit: (piece: string) => void): boolean {
  if (NON_ASCII.test(text)) return false;
  let end = 0;
  for (const match of text.matchAll(CL100K_ASCII)) {
    // The alternatives cover every ASCII character, so pieces are contiguous; a gap would mean
    // the pattern is wrong for this text, and the encoder must take it whole.
    if (match.index !== end) return false;
    end += match[0].length;
    visit(match[0]);
  }
  return end === text.length;
}
