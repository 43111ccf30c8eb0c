// Offline classification baseline: a nearest-centroid model over TF-IDF vectors of the
// few-shot examples (content terms and term bigrams). Softmax over cosine similarities gives
// per-label probabilities, so calibration metrics have something real to measure; its
// sharpness is fitted on the few-shot examples themselves (leave-one-out), never on test cases.
import type { FewShotExample } from '../language-model.js';
import type { Classification } from './classifier.js';
import { fitSoftmaxScale } from './fit-softmax-scale.js';
import { labelPosterior } from './label-posterior.js';
import { termFeatures } from './term-features.js';

export interface CentroidModel {
  labels: string[];
  idf: Map<string, number>;
  centroids: Map<string, Map<string, number>>;
  /** Softmax sharpness over cosine similarities, fitted on the few-shot examples. */
  scale: number;
}

/**
 * Used when the examples cannot calibrate a scale (fewer than two per label, say). It sets the
 * confidence only, never the label.
 */
export const FALLBACK_SOFTMAX_SCALE = 10;

export function trainCentroids(
  examples: readonly FewShotExample[],
  labels: readonly string[],
): CentroidModel {
  const model = fitCentroids(examples, labels);
  return { ...model, scale: heldOutScale(examples, labels) ?? FALLBACK_SOFTMAX_SCALE };
}

/**
 * Each example scored by centroids trained on the others, then the scale with the best
 * held-out likelihood (fit-softmax-scale.ts). Examples whose label then has no other example
 * say nothing about calibration and are skipped.
 */
function heldOutScale(examples: readonly FewShotExample[], labels: readonly string[]): number | null {
  const heldOut = [];
  for (let i = 0; i < examples.length; i++) {
    const truth = labels.indexOf(examples[i].output.trim());
    if (truth < 0) continue;
    const others = examples.filter((_, j) => j !== i);
    if (!others.some((e) => e.output.trim() === labels[truth])) continue;
    const model = fitCentroids(others, labels);
    heldOut.push({ scores: cosines(model, examples[i].input), truth });
  }
  return fitSoftmaxScale(heldOut);
}

function fitCentroids(
  examples: readonly FewShotExample[],
  labels: readonly string[],
): Omit<CentroidModel, 'scale'> {
  const docs = examples.map((e) => ({ label: e.output.trim(), features: termFeatures(e.input) }));
  const df = new Map<string, number>();
  for (const d of docs) for (const f of new Set(d.features)) df.set(f, (df.get(f) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [f, n] of df) idf.set(f, Math.log((1 + docs.length) / (1 + n)) + 1);
  const centroids = new Map<string, Map<string, number>>();
  for (const label of labels) {
    const sum = new Map<string, number>();
    for (const d of docs) {
      if (d.label !== label) continue;
      for (const [f, w] of normalize(weigh(d.features, idf))) sum.set(f, (sum.get(f) ?? 0) + w);
    }
    centroids.set(label, normalize(sum));
  }
  return { labels: [...labels], idf, centroids };
}

function cosines(model: Omit<CentroidModel, 'scale'>, input: string): number[] {
  const vector = normalize(weigh(termFeatures(input), model.idf));
  return model.labels.map((label) => dot(vector, model.centroids.get(label)!));
}

export function classifyCentroid(model: CentroidModel, input: string): Classification {
  return labelPosterior(
    model.labels,
    cosines(model, input).map((c) => model.scale * c),
  );
}

function weigh(feats: string[], idf: Map<string, number>): Map<string, number> {
  const tf = new Map<string, number>();
  for (const f of feats) tf.set(f, (tf.get(f) ?? 0) + 1);
  const out = new Map<string, number>();
  for (const [f, n] of tf) {
    const w = idf.get(f);
    if (w !== undefined) out.set(f, (1 + Math.log(n)) * w);
  }
  return out;
}

function normalize(v: Map<string, number>): Map<string, number> {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm === 0) return v;
  const out = new Map<string, number>();
  for (const [f, w] of v) out.set(f, w / norm);
  return out;
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [f, w] of small) {
    const o = large.get(f);
    if (o !== undefined) s += w * o;
  }
  return s;
}
