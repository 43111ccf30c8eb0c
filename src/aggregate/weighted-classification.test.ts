import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { calibration } from '../scorers/classification/calibration.js';
import { classificationReport } from '../scorers/classification/classification-report.js';
import { createResampler } from '../stats/resampler.js';
import { createWeightedEce, createWeightedMacroF1 } from './weighted-classification.js';

const LABELS = ['a', 'b', 'c', 'd'];

/** Cases with gold labels (one outside the declared set), invalid predictions and unusable rows. */
function cases(n: number, seed: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const gold = rng.next() < 0.05 ? 'zz' : LABELS[rng.int(3)];
    const predicted = rng.next() < 0.1 ? null : rng.next() < 0.6 ? gold : LABELS[rng.int(4)];
    // 0.7 exactly sits on a bin edge; some cases have no confidence.
    const confidence = rng.next() < 0.1 ? Number.NaN : rng.next() < 0.1 ? 0.7 : rng.next();
    return { gold, predicted, confidence, usable: rng.next() > 0.1 };
  });
}

function setup(n: number, seed: number) {
  const items = cases(n, seed);
  const index = (l: string | null) => (l === null ? -1 : LABELS.indexOf(l));
  const macroF1 = createWeightedMacroF1({
    gold: Int32Array.from(items, (c) => index(c.gold)),
    predicted: Int32Array.from(items, (c) => index(c.predicted)),
    labels: LABELS.length,
    usable: Uint8Array.from(items, (c) => (c.usable ? 1 : 0)),
  });
  const ece = createWeightedEce({
    confidence: Float64Array.from(items, (c) => (c.usable ? c.confidence : Number.NaN)),
    correct: Uint8Array.from(items, (c) => (c.predicted === c.gold ? 1 : 0)),
  });
  /** The statistics as before: rebuild the drawn items and run the reports on them. */
  const byIndices = (idx: ArrayLike<number>) => {
    const drawn = Array.from(idx, (i) => items[i]).filter((c) => c.usable);
    const f1 = classificationReport({ items: drawn, labels: LABELS }).macroF1;
    const cal = calibration({
      items: drawn
        .filter((c) => !Number.isNaN(c.confidence))
        .map((c) => ({ confidence: c.confidence, correct: c.predicted === c.gold })),
    }).ece;
    return { f1: f1 ?? Number.NaN, ece: cal ?? Number.NaN };
  };
  return { items, macroF1, ece, byIndices };
}

describe('weighted macro-F1 and ECE over draw counts', () => {
  it('equal the reports on the full sample with every weight 1', () => {
    const { items, macroF1, ece, byIndices } = setup(300, 1);
    const ones = new Float64Array(items.length).fill(1);
    const all = byIndices(items.map((_, i) => i));
    expect(macroF1(ones)).toBe(all.f1);
    expect(ece(ones)).toBeCloseTo(all.ece, 12);
  });

  it('give the same replicates as the per-draw bootstrap with the same seed', () => {
    for (const seed of [2, 3]) {
      const { items, macroF1, ece, byIndices } = setup(150, seed);
      const resampler = () =>
        createResampler({ n: items.length, resamples: 300, rng: createRng(seed).fork('x') });
      const before = resampler().replicates((idx) => byIndices(idx).f1);
      const beforeEce = resampler().replicates((idx) => byIndices(idx).ece);
      const after = resampler().countReplicates(macroF1);
      const afterEce = resampler().countReplicates(ece);
      // Integer counts: macro-F1 is exactly the same number; ECE to float rounding.
      expect(Array.from(after)).toEqual(Array.from(before));
      afterEce.forEach((x, r) => {
        expect(x).toBeCloseTo(beforeEce[r], 12);
      });
    }
  });

  it('branch-free sums equal the skip-what-does-not-count loops to the last bit', () => {
    // The loops as they were before the dump slot: zero weights and unusable cases skipped.
    const { items } = setup(400, 4);
    const index = (l: string | null) => (l === null ? -1 : LABELS.indexOf(l));
    const gold = Int32Array.from(items, (c) => index(c.gold));
    const predicted = Int32Array.from(items, (c) => index(c.predicted));
    const usable = Uint8Array.from(items, (c) => (c.usable ? 1 : 0));
    const confidence = Float64Array.from(items, (c) => (c.usable ? c.confidence : Number.NaN));
    const correct = Uint8Array.from(items, (c) => (c.predicted === c.gold ? 1 : 0));
    const f1 = createWeightedMacroF1({ gold, predicted, labels: LABELS.length, usable });
    const ece = createWeightedEce({ confidence, correct });
    const referenceF1 = (w: ArrayLike<number>): number => {
      const support = [0, 0, 0, 0];
      const count = [0, 0, 0, 0];
      const hit = [0, 0, 0, 0];
      for (let c = 0; c < items.length; c++) {
        if (w[c] === 0 || !usable[c]) continue;
        if (gold[c] >= 0) support[gold[c]] += w[c];
        if (predicted[c] >= 0) {
          count[predicted[c]] += w[c];
          if (predicted[c] === gold[c]) hit[predicted[c]] += w[c];
        }
      }
      let sum = 0;
      let labels = 0;
      for (let l = 0; l < 4; l++) {
        if (support[l] === 0 && count[l] === 0) continue;
        const p = count[l] === 0 ? 0 : hit[l] / count[l];
        const r = support[l] === 0 ? 0 : hit[l] / support[l];
        sum += p + r === 0 ? 0 : (2 * p * r) / (p + r);
        labels++;
      }
      return labels === 0 ? Number.NaN : sum / labels;
    };
    const referenceEce = (w: ArrayLike<number>): number => {
      const n = new Array(10).fill(0);
      const right = new Array(10).fill(0);
      const conf = new Array(10).fill(0);
      let total = 0;
      for (let c = 0; c < items.length; c++) {
        if (w[c] === 0 || !Number.isFinite(confidence[c])) continue;
        const x = Math.min(1, Math.max(0, confidence[c]));
        const b = Math.min(9, Math.max(0, Math.ceil(x * 10 - 1e-9) - 1));
        n[b] += w[c];
        conf[b] += w[c] * x;
        if (correct[c]) right[b] += w[c];
        total += w[c];
      }
      if (total === 0) return Number.NaN;
      let e = 0;
      for (let b = 0; b < 10; b++)
        if (n[b] > 0) e += (n[b] / total) * Math.abs(right[b] / n[b] - conf[b] / n[b]);
      return e;
    };
    const resampler = createResampler({ n: items.length, resamples: 200, rng: createRng(8) });
    resampler.forEachCounts((_, counts) => {
      expect(f1(counts)).toBe(referenceF1(counts));
      expect(ece(counts)).toBe(referenceEce(counts));
    });
    // Fractional weights too (the order of additions is what keeps the bits).
    const rng = createRng(5);
    const weights = Float64Array.from(items, () => (rng.next() < 0.3 ? 0 : rng.next() * 3));
    expect(f1(weights)).toBe(referenceF1(weights));
    expect(ece(weights)).toBe(referenceEce(weights));
  });

  it('match hand-computed values on a small weighted sample', () => {
    // Cases: (gold a, pred a), (gold a, pred b), (gold b, pred b) with weights 2, 1, 0.
    const f1 = createWeightedMacroF1({
      gold: Int32Array.of(0, 0, 1),
      predicted: Int32Array.of(0, 1, 1),
      labels: 2,
      usable: Uint8Array.of(1, 1, 1),
    });
    // a: tp 2, predicted 2, support 3 → P 1, R 2/3, F1 0.8; b: tp 0, predicted 1, support 0 → 0.
    expect(f1([2, 1, 0])).toBeCloseTo(0.4, 12);
    // With case 3 drawn once too, b gets tp 1 of predicted 2, support 1 → F1 2/3.
    expect(f1([2, 1, 1])).toBeCloseTo((0.8 + 2 / 3) / 2, 12);
    // Confidence 0.95 right twice, 0.55 wrong once: bins (0.9,1] and (0.5,0.6].
    const ece = createWeightedEce({ confidence: Float64Array.of(0.95, 0.55), correct: Uint8Array.of(1, 0) });
    expect(ece([2, 1])).toBeCloseTo((2 / 3) * 0.05 + (1 / 3) * 0.55, 12);
    expect(Number.isNaN(ece([0, 0]))).toBe(true);
  });
});
