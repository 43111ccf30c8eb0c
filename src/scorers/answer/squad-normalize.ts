// SQuAD answer normalisation, in the official evaluation script's order (v1.1 and v2.0 agree):
// lower-case → drop ASCII punctuation (Python's string.punctuation) → replace the articles
// a/an/the (as whole words) with a space → collapse whitespace.

// Python's string.punctuation is ASCII only, so curly quotes and dashes are kept, as officially.
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
// Python's \b with re.UNICODE treats any Unicode letter/digit/underscore as a word character;
// JavaScript's \b is ASCII-only, so spell the boundary out.
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

export function squadNormalize(text: string): string {
  const lower = text.toLowerCase();
  const noPunctuation = lower.replace(ASCII_PUNCTUATION, '');
  const noArticles = noPunctuation.replace(ARTICLES, ' ');
  return noArticles.split(/\s+/).filter(Boolean).join(' ');
}

/** Tokens of the normalised text (the official `get_tokens`). */
export function squadTokens(text: string): string[] {
  const normalized = squadNormalize(text);
  return normalized ? normalized.split(' ') : [];
}
