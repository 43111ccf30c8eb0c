// Maps a model's multiple-choice answer to an option index: a leading letter ("B", "B.",
// "(B)"), or the option text itself. Null when it matches nothing.
export function parseChoice(output: string, options: string[]): number | null {
  const text = output.trim();
  const letter = /^\(?([A-J])\)?(?:[.):\s]|$)/.exec(text);
  if (letter) {
    const index = letter[1].charCodeAt(0) - 65;
    if (index < options.length) return index;
  }
  const lower = text.toLowerCase();
  const exact = options.findIndex((o) => o.toLowerCase() === lower);
  if (exact >= 0) return exact;
  const contained = options.map((o, i) => [o.toLowerCase(), i] as const).filter(([o]) => lower.includes(o));
  return contained.length === 1 ? contained[0][1] : null;
}
