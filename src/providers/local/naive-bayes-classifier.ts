// Offline classification baseline, second choice: multinomial Naive Bayes over the few-shot
// examples' term features (stemmed content terms and bigrams), Laplace smoothing (alpha = 1),
// priors from the examples' label counts (McCallum & Nigam 1998; Manning et al., IIR ch. 13).
// The posterior of the chosen label is the confidence. Features never seen in the examples are
// ignored, as they carry no evidence; a label with no examples has prior 0 and is never chosen.
import type { FewShotExample } from '../language-model.js';
import type { Classification } from './classifier.js';
import { labelPosterior } from './label-posterior.js';
import { termFeatures } from './term-features.js';

/** Laplace (add-one) smoothing: the textbook default, deliberately not tuned on the sample. */
const ALPHA = 1;

export interface NaiveBayesModel {
  labels: string[];
  /** Distinct features over the examples with a known label (|V| in the smoothing denominator). */
  vocabularySize: number;
  /** Per label, in `labels` order: examples, feature occurrences, and count per feature. */
  documents: number[];
  totals: number[];
  counts: Map<string, number>[];
}

export function trainNaiveBayes(
  examples: readonly FewShotExample[],
  labels: readonly string[],
): NaiveBayesModel {
  const index = new Map(labels.map((label, i) => [label, i]));
  const documents = labels.map(() => 0);
  const totals = labels.map(() => 0);
  const counts = labels.map(() => new Map<string, number>());
  const vocabulary = new Set<string>();
  for (const example of examples) {
    // An example whose output is not one of the labels teaches nothing about them.
    const i = index.get(example.output.trim());
    if (i === undefined) continue;
    documents[i]++;
    for (const f of termFeatures(example.input)) {
      vocabulary.add(f);
      counts[i].set(f, (counts[i].get(f) ?? 0) + 1);
      totals[i]++;
    }
  }
  return { labels: [...labels], vocabularySize: vocabulary.size, documents, totals, counts };
}

export function classifyNaiveBayes(model: NaiveBayesModel, input: string): Classification {
  const n = model.documents.reduce((a, b) => a + b, 0);
  // Known features only, counted once each, in first-seen order (a fixed summation order).
  const tf = new Map<string, number>();
  for (const f of termFeatures(input)) {
    if (model.counts.some((c) => c.has(f))) tf.set(f, (tf.get(f) ?? 0) + 1);
  }
  const logScores = model.labels.map((_, i) => {
    // Prior 0. With no examples at all, every label is -Infinity and labelPosterior falls
    // back to uniform: nothing was learned, so no label is more likely than another.
    if (model.documents[i] === 0) return -Infinity;
    let score = Math.log(model.documents[i] / n);
    const denominator = model.totals[i] + ALPHA * model.vocabularySize;
    for (const [f, k] of tf) score += k * Math.log(((model.counts[i].get(f) ?? 0) + ALPHA) / denominator);
    return score;
  });
  return labelPosterior(model.labels, logScores);
}
