// Per-label scores for ranking metrics (ROC/PR AUC) from what a model exposes: its per-label
// probabilities when present; otherwise its confidence goes to the predicted label and the rest
// is shared equally among the other labels (an invalid output gets no scores).

export interface ClassScoresInput {
  labels: readonly string[];
  predicted: string | null;
  confidence?: number;
  labelProbabilities?: Readonly<Record<string, number>>;
}

export function classScores(input: ClassScoresInput): Record<string, number> | null {
  const { labels } = input;
  if (input.labelProbabilities) {
    const scores: Record<string, number> = {};
    for (const label of labels) scores[label] = input.labelProbabilities[label] ?? 0;
    return scores;
  }
  if (input.predicted === null || input.confidence === undefined || !labels.includes(input.predicted))
    return null;
  const rest = labels.length > 1 ? (1 - input.confidence) / (labels.length - 1) : 0;
  const scores: Record<string, number> = {};
  for (const label of labels) scores[label] = label === input.predicted ? input.confidence : rest;
  return scores;
}
