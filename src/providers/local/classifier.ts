// The port for the offline few-shot classifiers: train on the examples given in the request
// (never on gold cases), then classify one input into one of the suite's labels.
import type { FewShotExample } from '../language-model.js';

export interface Classification {
  label: string;
  /** Probability of `label`, in [0, 1]. */
  confidence: number;
  /** One probability per label; they sum to 1 up to rounding. */
  probabilities: Record<string, number>;
}

export type FewShotClassifier = (input: string) => Classification;

export type TrainClassifier = (
  examples: readonly FewShotExample[],
  labels: readonly string[],
) => FewShotClassifier;
