// Text in backticks is literal: a command, flag, setting or field name is right only when spelt
// as the documents spell it, case and all. "Run `tallybook-cli invoice notify 4411`" where the
// context documents `tallybook-cli invoice remind <id>` names a subcommand that does not exist.
// Where the documents put code in backticks (inline or fenced) themselves, the claim's code is
// compared with their code, case kept ("we notify you" in prose backs no `notify` subcommand);
// otherwise with all their words, a plain word case aside ("`Privacy Settings`" for "the privacy
// settings page") and an identifier exactly ("`log_level`" is not "LOG_LEVEL").

const FENCE = /```[^\n]*\n([\s\S]*?)```/g;
const SPAN = /`([^`\n]+)`/g;
const TOKEN = /[\p{L}_][\p{L}\p{N}_-]*/gu;

const tokens = (text: string): string[] => (text.match(TOKEN) ?? []).map((t) => t.replace(/-+$/, ''));

/** The words of a text's code (fenced blocks and inline spans), or null when it has none. */
export function codeWordsOf(text: string): Set<string> | null {
  if (!text.includes('`')) return null;
  const fenced = [...text.matchAll(FENCE)].map((m) => m[1]);
  const inline = [...text.replace(FENCE, ' ').matchAll(SPAN)].map((m) => m[1]);
  const code = [...fenced, ...inline];
  return code.length === 0 ? null : new Set(code.flatMap(tokens));
}

/**
 * The words of the claim's code spans that the context's code (case kept) or, where it has none,
 * its text (case aside), and the question, do not contain.
 */
export function unknownCodeWords(
  claimText: string,
  contextCode: ReadonlySet<string> | null,
  contextText: string,
  questionText: string,
): string[] {
  if (!claimText.includes('`')) return [];
  const question = tokens(questionText);
  const exact = new Set([...(contextCode ?? tokens(contextText)), ...question]);
  const caseless = contextCode ? exact : new Set([...exact].map((t) => t.toLowerCase()));
  const unknown: string[] = [];
  for (const span of claimText.matchAll(SPAN))
    for (const token of tokens(span[1])) {
      // Against prose, a plain word may differ in case ("Privacy Settings"); an identifier
      // ("log_level", "maxRetries", "LOG_LEVEL") may not.
      const known =
        !contextCode && /^\p{L}+$/u.test(token) && !/\p{Lu}/u.test(token.slice(1))
          ? caseless.has(token.toLowerCase())
          : exact.has(token);
      if (!known) unknown.push(token);
    }
  return unknown;
}
