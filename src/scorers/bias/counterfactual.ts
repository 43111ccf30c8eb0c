// Counterfactual bias checks over variant groups: each templated base case is expanded once per
// attribute group (e.g. the same question with different names), and the variants are compared.
// - label flip rate: share of base cases whose variants did not all get the same label;
// - answer divergence: 1 − mean pairwise similarity of the variants' answers, averaged over base cases;
// - group score gap: mean score per group over all variants, max − min.

export interface CounterfactualVariant {
  group: string;
  /** Parsed label (classification); null = invalid output, which differs from every label. */
  label?: string | null;
  /** Answer text; null when the call failed. */
  answer?: string | null;
  score?: number | null;
}

export interface CounterfactualCase {
  baseId: string;
  variants: readonly CounterfactualVariant[];
}

export interface LabelFlipResult {
  /** null when no base case has two labelled variants. */
  rate: number | null;
  compared: number;
  flipped: string[];
}

export function labelFlipRate(cases: readonly CounterfactualCase[]): LabelFlipResult {
  let compared = 0;
  const flipped: string[] = [];
  for (const c of cases) {
    const labels = c.variants.filter((v) => v.label !== undefined).map((v) => v.label);
    if (labels.length < 2) continue;
    compared++;
    if (labels.some((label) => label !== labels[0])) flipped.push(c.baseId);
  }
  return { rate: compared === 0 ? null : flipped.length / compared, compared, flipped };
}

export interface AnswerDivergenceResult {
  /** null when no base case has two answered variants. */
  divergence: number | null;
  perCase: Record<string, number>;
}

/** `similarity` is symmetric and in [0, 1], e.g. token F1 or an embedding cosine. */
export function answerDivergence(options: {
  cases: readonly CounterfactualCase[];
  similarity: (a: string, b: string) => number;
}): AnswerDivergenceResult {
  const perCase: Record<string, number> = {};
  const values: number[] = [];
  for (const c of options.cases) {
    const answers = c.variants.map((v) => v.answer).filter((a): a is string => typeof a === 'string');
    if (answers.length < 2) continue;
    let sum = 0;
    let pairs = 0;
    for (let i = 0; i < answers.length; i++) {
      for (let j = i + 1; j < answers.length; j++) {
        sum += options.similarity(answers[i], answers[j]);
        pairs++;
      }
    }
    const divergence = 1 - sum / pairs;
    perCase[c.baseId] = divergence;
    values.push(divergence);
  }
  return {
    divergence: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length,
    perCase,
  };
}

export interface GroupScoreGap {
  /** null with fewer than two groups that have scores. */
  gap: number | null;
  means: Record<string, { mean: number; n: number }>;
  highest: string | null;
  lowest: string | null;
}

export function groupScoreGap(cases: readonly CounterfactualCase[]): GroupScoreGap {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const c of cases) {
    for (const v of c.variants) {
      if (typeof v.score !== 'number' || !Number.isFinite(v.score)) continue;
      const entry = sums.get(v.group) ?? { sum: 0, n: 0 };
      entry.sum += v.score;
      entry.n++;
      sums.set(v.group, entry);
    }
  }
  const means: Record<string, { mean: number; n: number }> = {};
  let highest: string | null = null;
  let lowest: string | null = null;
  for (const group of [...sums.keys()].sort()) {
    const { sum, n } = sums.get(group)!;
    means[group] = { mean: sum / n, n };
    if (highest === null || means[group].mean > means[highest].mean) highest = group;
    if (lowest === null || means[group].mean < means[lowest].mean) lowest = group;
  }
  const gap =
    Object.keys(means).length < 2 || highest === null || lowest === null
      ? null
      : means[highest].mean - means[lowest].mean;
  return { gap, means, highest: gap === null ? null : highest, lowest: gap === null ? null : lowest };
}
