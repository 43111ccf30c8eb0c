// What a reader must know about numbers from the offline baseline (`local/...`): it is a
// deterministic extractive baseline, not a language model, and some grounding metrics hold for
// it by construction. Reporters print these words wherever its numbers stand.

/** The one sentence that says what the offline baseline is. */
export const OFFLINE_BASELINE_DESCRIPTION =
  'a deterministic extractive baseline, not a language model: it answers with the retrieved context sentences that best cover the question (citing their passage), labels with a few-shot classifier trained on the prompt examples, and picks multiple-choice options by word overlap';

/**
 * Metrics that say nothing about the baseline: it copies context sentences verbatim and cites the
 * passage it copied, so its answers are supported and correctly cited whenever it answers.
 */
export const BY_CONSTRUCTION_METRICS: readonly string[] = [
  'hallucination.rate',
  'groundedness',
  'citations.precision',
];

/** Why those metrics hold by construction (a clause: "… hold by construction, because <this>"). */
export const BY_CONSTRUCTION_REASON = 'the baseline copies context sentences and cites their passage';

/** Every `local/...` provider is the offline baseline (`local/extractive` is the only one). */
export function isOfflineBaseline(providerId: string): boolean {
  return providerId.split('/')[0] === 'local';
}

export function holdsByConstruction(providerId: string, metric: string): boolean {
  return isOfflineBaseline(providerId) && BY_CONSTRUCTION_METRICS.includes(metric);
}
