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
      if (lastWord && isSaintTitle(candidate, lastWord, trimmedLine.slice(end))) continue;
      if (candidate) sentences.push(candidate);
      start = end;
    }
    const rest = trimmedLine.slice(start).trim();
    if (rest) sentences.push(rest);
  }
  return sentences;
}

// "St." and "Mt." before a name ("visiting hours at St. Aldric", "from London St. Pancras") are
// titles. After a digit ("21st.") they end an ordinal; in an address with a house number ("at 12
// Main St. The office …") or before a word that starts sentences ("Main St. The …") they may end
// the sentence.
const SENTENCE_STARTERS = new Set(
  'the a an it its this that these those there they we you he she our your their his her if for in on at please from to when while after before as so but and or then also'.split(
    ' ',
  ),
);

function isSaintTitle(candidate: string, lastWord: string, following: string): boolean {
  if (lastWord !== 'st' && lastWord !== 'mt') return false;
  const words = candidate.replace(/(?:\s*\[[^\]]+\])*["')\]]*\s*$/u, '').split(/\s+/);
  // "21st." has no word of its own: the letters follow a digit.
  if (!/^\p{L}/u.test(words[words.length - 1])) return false;
  if (words.slice(-4, -1).some((w) => /^\d/.test(w))) return false;
  const next = /^\s*([\p{L}]+)/u.exec(following)?.[1]?.toLowerCase() ?? '';
  return !SENTENCE_STARTERS.has(next);
}
