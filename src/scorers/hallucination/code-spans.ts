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
 * its text (case aside), and the question, do not contain. An identifier the context writes
 * anywhere, exactly, is contained.
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
  let prose: Set<string> | undefined;
  const unknown: string[] = [];
  for (const span of claimText.matchAll(SPAN)) {
    prose ??= identifiersOf(contextText);
    const inProse = prose;
    const backed = new Set([...identifiersOf(span[1])].filter((w) => inProse.has(w)).flatMap(tokens));
    for (const token of tokens(span[1])) {
      if (backed.has(token)) continue;
      // Against prose, a plain word may differ in case ("Privacy Settings"); an identifier
      // ("log_level", "maxRetries", "LOG_LEVEL") may not.
      const known =
        !contextCode && /^\p{L}+$/u.test(token) && !/\p{Lu}/u.test(token.slice(1))
          ? caseless.has(token.toLowerCase())
          : exact.has(token);
      if (!known) unknown.push(token);
    }
  }
  return unknown;
}

// A word with an identifier's shape: an underscore, a dot or slash inside it, a digit, or a capital
// after its first letter ("ACME_API_KEY", "config.yaml", "maxRetries"), not a plain word ("notify").
const WORD = /[\p{L}\p{N}_](?:[\p{L}\p{N}_./-]*[\p{L}\p{N}_])?/gu;
const IDENTIFIER = /_|[\p{L}\p{N}][./][\p{L}\p{N}]|\p{N}|.\p{Lu}/u;

/**
 * The identifier-shaped words of a text, as written: one the context writes in prose exactly is
 * backed in backticks too, as prose would not spell "ACME_API_KEY" by chance, while a plain word
 * ("we notify you") backs no command word where the context has code of its own.
 */
function identifiersOf(text: string): Set<string> {
  return new Set((text.match(WORD) ?? []).filter((w) => IDENTIFIER.test(w) && /\p{L}/u.test(w)));
}
