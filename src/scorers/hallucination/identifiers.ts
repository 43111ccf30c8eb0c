// Two swaps the number checks miss, found by what sits right before a number.
// - Identifiers of one series: codes that mix letters and digits ("E21", "A4") and numbered names
//   ("take the Route 22 bus", "from Gate 5"; in a claim, not at the start of a sentence, where the
//   capital says nothing: "Take 2 tablets"). The number checks leave these alone (a number after a capitalised word names
//   something; it is no quantity), so "take the Route 22 bus", where the aligned sentence says
//   Route 14, is caught here.
// - A number in another number's slot: "within 2 days" where the aligned sentence says "within 1
//   business day" and never states 2 — the word before a number is the slot it fills.

interface Tagged {
  /** As compared: "e21", "route 22", "within 2". */
  id: string;
  /** What a swap stays within: "e", "route", "within". */
  series: string;
  value: string;
}

const CODE = /(?<![\p{L}\d])(\p{L}{1,4})-?(\d{1,4})(?![\p{L}\d])/gu;
// Neither kind is a time or a range ("Saturdays 2–4pm", "Monday 9:30").
const NOT_A_TIME = String.raw`(?![\p{L}\d]|\s*(?:am|pm|[:.–-]\d))`;
const NUMBERED = new RegExp(
  String.raw`(?<![\p{L}\d])(\p{Lu}\p{Ll}+)\s+(\d{1,4}[A-Za-z]?)${NOT_A_TIME}`,
  'gu',
);
const SLOT = new RegExp(String.raw`(?<![\p{L}\d])(\p{L}+)\s+(\d+(?:[.,]\d+)?)${NOT_A_TIME}`, 'gu');

function tagged(text: string, pattern: RegExp, joiner: string, midSentence = false): Tagged[] {
  const out: Tagged[] = [];
  for (const m of text.matchAll(pattern)) {
    // A capital that starts a sentence is no name: "Take 2 tablets", "Book 3 weeks ahead".
    if (midSentence && /(?:^|[.!?:;—–-])\s*$/.test(text.slice(0, m.index))) continue;
    const series = m[1].toLowerCase();
    const value = m[2].toLowerCase();
    out.push({ id: `${series}${joiner}${value}`, series, value });
  }
  return out;
}

/** `claimSide`: a claim's sentence-initial capital is skipped; the context's still names a series. */
const identifiersIn = (text: string, claimSide: boolean): Tagged[] => [
  ...tagged(text, CODE, ''),
  ...tagged(text, NUMBERED, ' ', claimSide),
];

/**
 * What the claim tags that the aligned sentence does not, where that sentence tags another of the
 * same series. A claim also tagging the aligned sentence's own one compares the two ("the Corvex
 * 16 is 600 g heavier than the Corvex 14") and swaps nothing.
 */
function swapped(claim: readonly Tagged[], aligned: readonly Tagged[]): Tagged[] {
  if (aligned.length === 0) return [];
  const stated = new Set(aligned.map((t) => t.id));
  const compared = new Set(claim.filter((t) => stated.has(t.id)).map((t) => t.series));
  return claim.filter(
    (t) => !stated.has(t.id) && !compared.has(t.series) && aligned.some((a) => a.series === t.series),
  );
}

/** "E21 is a door lock fault" against "Error E35 indicates a door lock fault" → ["e21"]. */
export function swappedIdentifiers(claimText: string, alignedText: string): string[] {
  return swapped(identifiersIn(claimText, true), identifiersIn(alignedText, false)).map((t) => t.id);
}

/**
 * "arrive within 2 days" against "arrive within 1 business day" → ["2"]: the swapped numbers as
 * written. A number the aligned sentence states anywhere has moved at most, which
 * number-binding.ts weighs.
 */
export function swappedSlotNumbers(claimText: string, alignedText: string): string[] {
  const stated = new Set(alignedText.match(/\d+(?:[.,]\d+)?/g) ?? []);
  return swapped(
    tagged(claimText, SLOT, ' ').filter((t) => !stated.has(t.value)),
    tagged(alignedText, SLOT, ' '),
  ).map((t) => t.value);
}
