// Sentence splitting for answers and passages. Rule-based: split after . ! ? (or a newline)
// when followed by whitespace and an upper-case letter, digit, quote or bracket; keeps
// decimals (4.99), common abbreviations (e.g., i.e., Dr.) and citation markers intact.

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'inc',
  'no',
  'approx',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const lines = text.split(/\n+/);
  for (const line of lines) {
    const trimmedLine = line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim();
    if (!trimmedLine) continue;
    let start = 0;
    const boundary = /[.!?]+(?:\s*\[[^\]]+\])*["')\]]*\s+(?=[\p{Lu}\p{N}"'([])/gu;
    let match: RegExpExecArray | null;
    while ((match = boundary.exec(trimmedLine)) !== null) {
      const end = match.index + match[0].length;
      const candidate = trimmedLine.slice(start, end).trim();
      const lastWord = /([\p{L}.]+)[.!?]+(?:\s*\[[^\]]+\])*["')\]]*\s*$/u.exec(candidate)?.[1]?.toLowerCase();
      if (lastWord && ABBREVIATIONS.has(lastWord.replace(/\.$/, ''))) continue;
      if (lastWord && isSaintTitle(candidate, lastWord)) continue;
      if (candidate) sentences.push(candidate);
      start = end;
    }
    const rest = trimmedLine.slice(start).trim();
    if (rest) sentences.push(rest);
  }
  return sentences;
}

// "St." and "Mt." before a name ("visiting hours at St. Aldric") are titles; after a digit ("21st.")
// or a capitalised word inside the sentence ("12 Main St.") they end an address or an ordinal,
// and may end a sentence.
function isSaintTitle(candidate: string, lastWord: string): boolean {
  if (lastWord !== 'st' && lastWord !== 'mt') return false;
  const words = candidate.replace(/(?:\s*\[[^\]]+\])*["')\]]*\s*$/u, '').split(/\s+/);
  const title = words[words.length - 1];
  // "21st." has no word of its own: the letters follow a digit.
  if (!/^\p{L}/u.test(title)) return false;
  // The first word of a sentence is capitalised whatever it is ("Climb Mt. Kinder").
  if (words.length <= 2) return true;
  return !/^\p{Lu}/u.test(words[words.length - 2]);
}
