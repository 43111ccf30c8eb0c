// Chance-corrected agreement between two raters (here: an LLM judge and a person) on the same
// cases. Cohen's kappa for categories (binary pass/fail): κ = (p_o − p_e)/(1 − p_e), p_o the
// observed agreement, p_e the agreement expected from the two raters' marginals alone. Weighted
// kappa for ordered grades (Cohen 1968): κ_w = 1 − Σ w·O / Σ w·E with disagreement weights
// w_ij = |cᵢ − cⱼ|/(c_max − c_min) (linear) or its square (quadratic), O and E the observed and
// chance-expected proportions. The weights come from the grade values, not their positions in
// the list: on a 1–5 rubric where only grades 1, 2 and 5 occur, 2→5 is three steps, not one.
// On an equally spaced scale with every grade present this is the usual |i − j|/(k − 1).
// Both are null when chance agreement is total (p_e = 1).

export interface ConfusionTable {
  /** Ordered categories (ascending for numeric grades). */
  categories: number[];
  /** counts[judge][human]: rows are the judge's category, columns the person's. */
  counts: number[][];
  n: number;
}

export interface RatingPair {
  judge: number;
  human: number;
}

export type KappaWeights = 'none' | 'linear' | 'quadratic';

export function confusionTable(pairs: readonly RatingPair[], categories?: readonly number[]): ConfusionTable {
  const cats = categories
    ? [...categories]
    : [...new Set(pairs.flatMap((p) => [p.judge, p.human]))].sort((a, b) => a - b);
  const at = new Map(cats.map((c, i) => [c, i]));
  const counts = cats.map(() => cats.map(() => 0));
  for (const { judge, human } of pairs) {
    const i = at.get(judge);
    const j = at.get(human);
    if (i === undefined || j === undefined)
      throw new RangeError(`rating outside the categories: ${judge}, ${human}`);
    counts[i][j]++;
  }
  return { categories: cats, counts, n: pairs.length };
}

/** Kappa from a confusion table; `weights: 'none'` is Cohen's kappa. */
export function kappa(table: ConfusionTable, weights: KappaWeights = 'none'): number | null {
  const k = table.categories.length;
  const { n, counts } = table;
  if (n === 0) return null;
  if (k < 2) return null;
  const rows = counts.map((row) => row.reduce((a, b) => a + b, 0) / n);
  const cols = table.categories.map((_, j) => counts.reduce((a, row) => a + row[j], 0) / n);
  const cats = table.categories;
  const span = cats[k - 1] - cats[0];
  const w = (i: number, j: number): number => {
    if (weights === 'none') return i === j ? 0 : 1;
    const d = Math.abs(cats[i] - cats[j]) / span;
    return weights === 'linear' ? d : d * d;
  };
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      observed += w(i, j) * (counts[i][j] / n);
      expected += w(i, j) * rows[i] * cols[j];
    }
  }
  if (expected === 0) return null;
  return 1 - observed / expected;
}
