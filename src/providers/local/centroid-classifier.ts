// Offline classification baseline: a nearest-centroid model over TF-IDF vectors of the
// few-shot examples (content terms and term bigrams). Softmax over cosine similarities gives
// per-label probabilities, so calibration metrics have something real to measure.
import { contentTerms } from '../../text/analyze.js';
import type { FewShotExample } from '../language-model.js';

export interface CentroidModel {
  labels: string[];
  idf: Map<string, number>;
  centroids: Map<string, Map<string, number>>;
}

export interface Classification {
  label: string;
  confidence: number;
  probabilities: Record<string, number>;
}

/** Sharpness of the softmax over cosine similarities (cosines are small numbers). */
const SOFTMAX_SCALE = 12;

export function trainCentroids(examples: FewShotExample[], labels: string[]): CentroidModel {
  const docs = examples.map((e) => ({ label: e.output.trim(), features: features(e.input) }));
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
  return { labels, idf, centroids };
}

export function classify(model: CentroidModel, input: string): Classification {
  const vector = normalize(weigh(features(input), model.idf));
  const sims = model.labels.map((label) => dot(vector, model.centroids.get(label)!));
  const max = Math.max(...sims);
  const exps = sims.map((s) => Math.exp(SOFTMAX_SCALE * (s - max)));
  const total = exps.reduce((a, b) => a + b, 0);
  const probabilities: Record<string, number> = {};
  model.labels.forEach((label, i) => { probabilities[label] = Math.round((exps[i] / total) * 1e6) / 1e6; });
  let best = 0;
  for (let i = 1; i < sims.length; i++) if (sims[i] > sims[best]) best = i;
  return { label: model.labels[best], confidence: probabilities[model.labels[best]], probabilities };
}

function features(text: string): string[] {
  const terms = contentTerms(text);
  const out = terms.slice();
  for (let i = 0; i + 1 < terms.length; i++) out.push(`${terms[i]} ${terms[i + 1]}`);
  return out;
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
