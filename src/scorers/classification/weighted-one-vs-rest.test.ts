import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { prAuc } from './pr-auc.js';
import { rocAuc, type ScoredClassificationItem } from './roc-auc.js';
import {
  presortOneVsRest,
  weightedAveragePrecision,
  weightedMacro,
  weightedRocAuc,
} from './weighted-one-vs-rest.js';

const LABELS = ['a', 'b', 'c'];

function randomItems(n: number, seed: number, ties: boolean): ScoredClassificationItem[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const raw = LABELS.map(() => (ties ? Math.round(rng.next() * 4) / 4 : rng.next()));
    return {
      gold: LABELS[Math.floor(rng.next() * LABELS.length)],
      scores: Object.fromEntries(LABELS.map((l, k) => [l, raw[k]])),
    };
  });
}

describe('weighted one-vs-rest AUC and AP', () => {
  it('equal rocAuc and prAuc with unit weights, with and without ties', () => {
    for (const ties of [false, true]) {
      const items = randomItems(60, ties ? 3 : 4, ties);
      const presorted = presortOneVsRest(items, LABELS);
      const ones = new Float64Array(items.length).fill(1);
      expect(weightedMacro(presorted, ones, weightedRocAuc)).toBeCloseTo(
        rocAuc({ items, labels: LABELS }).macro!,
        12,
      );
      expect(weightedMacro(presorted, ones, weightedAveragePrecision)).toBeCloseTo(
        prAuc({ items, labels: LABELS }).macro!,
        12,
      );
    }
  });

  it('a resample as weights equals the metric on the drawn copies', () => {
    const items = randomItems(40, 9, true);
    const presorted = presortOneVsRest(items, LABELS);
    const rng = createRng(5);
    for (let r = 0; r < 20; r++) {
      const counts = new Float64Array(items.length);
      const drawn: ScoredClassificationItem[] = [];
      for (let k = 0; k < items.length; k++) {
        const i = Math.floor(rng.next() * items.length);
        counts[i]++;
        drawn.push(items[i]);
      }
      expect(weightedMacro(presorted, counts, weightedRocAuc)).toBeCloseTo(
        rocAuc({ items: drawn, labels: LABELS }).macro!,
        12,
      );
      expect(weightedMacro(presorted, counts, weightedAveragePrecision)).toBeCloseTo(
        prAuc({ items: drawn, labels: LABELS }).macro!,
        12,
      );
    }
  });

  it('matches hand-computed values and skips undefined items and undefined labels', () => {
    // Label a: positives score 0.9, 0.4; negatives 0.4, 0.1 → pairs: (0.9>0.4) 1, (0.9>0.1) 1,
    // (0.4=0.4) ½, (0.4>0.1) 1 → 3.5/4. AP: thresholds 0.9 (1 pos, P 1), 0.4 (1 pos of 2, P 2/3)
    // → ½·1 + ½·⅔ = 5/6. Label b has no positive: left out of the macro average.
    const items: (ScoredClassificationItem | undefined)[] = [
      { gold: 'a', scores: { a: 0.9 } },
      { gold: 'a', scores: { a: 0.4 } },
      undefined,
      { gold: 'c', scores: { a: 0.4 } },
      { gold: 'c', scores: { a: 0.1 } },
    ];
    const presorted = presortOneVsRest(items, ['a', 'b']);
    const ones = new Float64Array(5).fill(1);
    expect(weightedRocAuc(presorted[0], ones)).toBeCloseTo(3.5 / 4, 12);
    expect(weightedAveragePrecision(presorted[0], ones)).toBeCloseTo(5 / 6, 12);
    expect(weightedMacro(presorted, ones, weightedAveragePrecision)).toBeCloseTo(5 / 6, 12);
    expect(weightedRocAuc(presorted[1], ones)).toBeNull();
    expect(weightedAveragePrecision(presorted[1], ones)).toBeNull();
    // Weights that keep only positives of a (cases 0 and 1): no negative, not assessed.
    const onlyPositives = Float64Array.from([2, 1, 0, 0, 0]);
    expect(weightedRocAuc(presorted[0], onlyPositives)).toBeNull();
    expect(weightedAveragePrecision(presorted[0], onlyPositives)).toBeNull();
    expect(weightedAveragePrecision({ ...presorted[0], noTies: true }, onlyPositives)).toBeNull();
  });
});

describe('the no-ties fast path', () => {
  it('is taken only when no two scores are equal, and gives the tie path’s numbers to the last bit', () => {
    expect(presortOneVsRest(randomItems(200, 5, false), LABELS).every((p) => p.noTies)).toBe(true);
    expect(presortOneVsRest(randomItems(200, 5, true), LABELS).some((p) => p.noTies)).toBe(false);
    const presorted = presortOneVsRest(randomItems(200, 6, false), LABELS);
    const rng = createRng(8);
    for (let r = 0; r < 50; r++) {
      // Bootstrap-like counts: many zeros, some cases drawn several times.
      const counts = Float64Array.from({ length: 200 }, () => Math.floor(-Math.log(1 - rng.next())));
      for (const p of presorted) {
        const slow = { ...p, noTies: false, positiveAt: undefined };
        expect(weightedRocAuc(p, counts)).toBe(weightedRocAuc(slow, counts));
        expect(weightedAveragePrecision(p, counts)).toBe(weightedAveragePrecision(slow, counts));
      }
    }
  });
});
