// Text in backticks is literal: a command, flag, setting or field name is right only when spelt
// as the documents spell it. "Run `tallybook-cli invoice notify 4411`" where the context documents
// `tallybook-cli invoice remind <id>` names a subcommand that does not exist.

const SPAN = /`([^`\n]+)`/g;
const TOKEN = /[\p{L}_][\p{L}\p{N}_-]*/gu;

const tokens = (text: string): string[] =>
  (text.toLowerCase().match(TOKEN) ?? []).map((t) => t.replace(/-+$/, ''));

/** The words of the claim's code spans that neither the context nor the question contains. */
export function unknownCodeWords(claimText: string, contextText: string, questionText: string): string[] {
  if (!claimText.includes('`')) return [];
  const known = new Set(tokens(`${contextText} ${questionText}`));
  const unknown: string[] = [];
  for (const span of claimText.matchAll(SPAN))
    for (const token of tokens(span[1])) if (!known.has(token)) unknown.push(token);
  return unknown;
}
