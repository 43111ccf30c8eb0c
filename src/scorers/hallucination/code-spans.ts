// Text in backticks is literal: a command, flag, setting or field name is right only when spelt
// as the documents spell it, case and all. "Run `tallybook-cli invoice notify 4411`" where the
// context documents `tallybook-cli invoice remind <id>` names a subcommand that does not exist.
// Where the documents put code in backticks themselves, the claim's code is compared with their
// code only ("we notify you" in prose backs no `notify` subcommand); otherwise with all their words.

const SPAN = /`([^`\n]+)`/g;
const TOKEN = /[\p{L}_][\p{L}\p{N}_-]*/gu;

const tokens = (text: string): string[] => (text.match(TOKEN) ?? []).map((t) => t.replace(/-+$/, ''));

/** The words of a text's code spans, or null when it has none. */
export function codeWordsOf(text: string): Set<string> | null {
  if (!text.includes('`')) return null;
  const spans = [...text.matchAll(SPAN)];
  return spans.length === 0 ? null : new Set(spans.flatMap((m) => tokens(m[1])));
}

/**
 * The words of the claim's code spans that the context's code (or, without any, its text) and the
 * question do not contain, case kept.
 */
export function unknownCodeWords(
  claimText: string,
  contextCode: ReadonlySet<string> | null,
  contextText: string,
  questionText: string,
): string[] {
  if (!claimText.includes('`')) return [];
  const known = new Set([...(contextCode ?? tokens(contextText)), ...tokens(questionText)]);
  const unknown: string[] = [];
  for (const span of claimText.matchAll(SPAN))
    for (const token of tokens(span[1])) if (!known.has(token)) unknown.push(token);
  return unknown;
}
