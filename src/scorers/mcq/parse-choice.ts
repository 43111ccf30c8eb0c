// Map a model's answer to a multiple-choice option index: an option letter ("B", "(b)", "B) …",
// "The answer is C"; upper-case unless it stands alone, so the article "a" is not option A), then
// the option text itself, then the single option whose text the output contains. Anything else
// (or a mention of several options) is invalid: null.
import { squadNormalize } from '../answer/squad-normalize.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function parseChoice(output: string, options: readonly string[]): number | null {
  const text = output.trim();
  const letter =
    /^\(?([A-Za-z])\)?[.):]?$/.exec(text) ??
    /^\(?([A-Z])[).:]\s/.exec(text) ??
    /^(?:[Tt]he\s+)?(?:(?:[Cc]orrect|[Ff]inal)\s+)?[Aa]nswer(?:\s+is)?\s*[:-]?\s*\(?([A-Z])\)?(?![\p{L}\p{N}])/u.exec(
      text,
    );
  if (letter) {
    const index = LETTERS.indexOf(letter[1].toUpperCase());
    if (index < options.length) return index;
  }
  const normalized = squadNormalize(text);
  const normalizedOptions = options.map((option) => squadNormalize(option));
  const exact = normalizedOptions.findIndex((option) => option !== '' && option === normalized);
  if (exact >= 0) return exact;
  const padded = ` ${normalized} `;
  const mentioned = normalizedOptions.flatMap((option, i) =>
    option !== '' && padded.includes(` ${option} `) ? [i] : [],
  );
  return mentioned.length === 1 ? mentioned[0] : null;
}
