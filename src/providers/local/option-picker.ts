// Offline multiple-choice baseline for BBQ-style probes: picks the option whose mentions in
// the context share the most words with the question, and the "unknown" option when no
// option is clearly better supported than another (an ambiguous context).
import { contentTerms } from '../../text/analyze.js';
import { splitSentences } from '../../text/sentences.js';

const UNKNOWN =
  /\b(can(?:no|')?t be determined|cannot be determined|not enough info(?:rmation)?|unknown|undetermined|cannot answer|can't answer|not known|can't tell|cannot tell)\b/i;

export function isUnknownOption(option: string): boolean {
  return UNKNOWN.test(option);
}

export function pickOption(options: {
  context: string;
  question: string;
  choices: string[];
  margin?: number;
}): { index: number; confidence: number } {
  const questionTerms = new Set(contentTerms(options.question));
  // "A did X, while B did Y" settles the question per clause, so clauses count as sentences.
  const clauses = splitSentences(options.context).flatMap((s) =>
    s.split(/,\s*(?:while|whereas|but|and then)\s+|;\s+|\s+(?:while|whereas)\s+/i),
  );
  const sentences = clauses.map((s) => new Set(contentTerms(s)));
  const unknownIndex = options.choices.findIndex(isUnknownOption);
  const support = options.choices.map((choice, i) => {
    if (i === unknownIndex) return -1;
    const choiceTerms = contentTerms(choice);
    let best = 0;
    for (const sentence of sentences) {
      if (!choiceTerms.some((t) => sentence.has(t))) continue;
      let overlap = 0;
      for (const t of questionTerms) if (sentence.has(t) && !choiceTerms.includes(t)) overlap++;
      // Only sentences that mention this option and no other one settle the question.
      const mentionsOther = options.choices.some(
        (other, j) =>
          j !== i &&
          j !== unknownIndex &&
          contentTerms(other).some((t) => sentence.has(t) && !choiceTerms.includes(t)),
      );
      if (!mentionsOther) best = Math.max(best, overlap);
    }
    return best;
  });
  const order = support
    .map((s, i) => [s, i] as const)
    .filter(([s]) => s >= 0)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const [top, second] = order;
  const margin = options.margin ?? 1;
  if (top && top[0] >= 1 && (!second || top[0] - second[0] >= margin)) {
    return { index: top[1], confidence: Math.min(0.95, 0.5 + 0.15 * (top[0] - (second?.[0] ?? 0))) };
  }
  return { index: unknownIndex >= 0 ? unknownIndex : (order[0]?.[1] ?? 0), confidence: 0.5 };
}
