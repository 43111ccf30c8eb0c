import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { prAuc } from '../scorers/classification/pr-auc.js';
import { rocAuc, type ScoredClassificationItem } from '../scorers/classification/roc-auc.js';
import {
  presortOneVsRest,
  weightedAveragePrecision,
  weightedMacro,
  weightedRocAuc,
} from '../scorers/classification/weighted-one-vs-rest.js';
import { createResampler } from '../stats/resampler.js';
import { createOneVsRestReplicates, oneVsRestReplicates } from './one-vs-rest-replicates.js';

/** Random items; `levels` > 0 rounds scores to that many steps (ties), 'none' labels never gold. */
function randomItems(
  n: number,
  labels: readonly string[],
  seed: number,
  options: { levels?: number; goldFrom?: readonly string[]; place?: 'high' | 'low' | 'ends' | 'chance' } = {},
): (ScoredClassificationItem | undefined)[] {
  const rng = createRng(seed);
  const goldFrom = options.goldFrom ?? labels;
  return Array.from({ length: n }, (_, i) => {
    if (i % 17 === 16) return undefined; // a case without probabilities
    const gold = goldFrom[Math.floor(rng.next() * goldFrom.length)];
    const scores: Record<string, number> = {};
    for (const l of labels) {
      // Where the positives sit decides which stretch of negatives the fast path skips: the
      // bottom one (positives high), the top one (low), or one in the middle (both ends).
      const u = rng.next();
      const place = options.place ?? 'high';
      // 'chance': scores unrelated to the gold label (AUC ≈ 0.5), positives all along each order.
      const x =
        l !== gold || place === 'chance'
          ? u
          : place === 'high'
            ? u + 0.4
            : place === 'low'
              ? u - 0.4
              : u < 0.5
                ? u / 5 - 0.1
                : 0.9 + u / 5;
      scores[l] = options.levels ? Math.round(x * options.levels) / options.levels : x;
    }
    return { gold, scores };
  });
}

/** The current per-resample computation: one weightedMacro per resample and metric. */
function reference(items: (ScoredClassificationItem | undefined)[], labels: readonly string[], seed: number) {
  const presorted = presortOneVsRest(items, labels);
  const resampler = createResampler({ n: items.length, resamples: 203, rng: createRng(seed) });
  return {
    presorted,
    resampler,
    roc: resampler.countReplicates((c) => weightedMacro(presorted, c, weightedRocAuc) ?? Number.NaN),
    ap: resampler.countReplicates((c) => weightedMacro(presorted, c, weightedAveragePrecision) ?? Number.NaN),
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

describe('oneVsRestReplicates', () => {
  const cases: [string, number, readonly string[], Parameters<typeof randomItems>[3]][] = [
    ['distinct scores', 120, ['a', 'b', 'c', 'd'], {}],
    ['heavy ties (5 score levels)', 150, ['a', 'b', 'c'], { levels: 4 }],
    ['a label with no positives', 90, ['a', 'b', 'never'], { levels: 10, goldFrom: ['a', 'b'] }],
    ['one label, every case positive (no negatives)', 40, ['only'], {}],
    ['positives low: the top stretch is skipped', 120, ['a', 'b', 'c'], { place: 'low', levels: 30 }],
    ['positives at both ends: a middle stretch is skipped', 160, ['a', 'b'], { place: 'ends' }],
    ['tiny suite', 3, ['a', 'b'], { levels: 2 }],
    ['many lanes (n = 9: 16 resamples per float)', 9, ['a', 'b', 'c'], { levels: 3 }],
    // The worst case of the bench (--model chance): every label's positives spread over its whole
    // order, so short stretches between many groups, nothing worth skipping; with and without ties.
    ['chance-level scores, many labels', 400, LETTERS.slice(0, 12), { place: 'chance' }],
    ['chance-level scores with ties (20 levels)', 400, LETTERS.slice(0, 12), { place: 'chance', levels: 20 }],
    ['chance-level scores, two labels, heavy ties', 300, ['a', 'b'], { place: 'chance', levels: 6 }],
  ];
  for (const [name, n, labels, options] of cases) {
    it(`equals weightedMacro on every resample to the last bit: ${name}`, () => {
      const items = randomItems(n, labels, n + labels.length, options);
      const { presorted, resampler, roc, ap } = reference(items, labels, 11);
      const fast = oneVsRestReplicates(presorted, resampler);
      // Bit-equal, NaN (no label defined on that resample) included.
      expect(Array.from(fast.rocAuc)).toEqual(Array.from(roc));
      expect(Array.from(fast.averagePrecision)).toEqual(Array.from(ap));
    });
  }

  it('narrow lanes: chunked sums and the unpackable-resample fallback give the same results', () => {
    // 2-bit lanes hold counts 0–3: sums go one case at a time, and a resample that draws a
    // case 4 times or more is computed on its own (3-bit lanes: chunks of up to 7 / max count).
    const labels = ['a', 'b', 'c'];
    const items = randomItems(60, labels, 5, { levels: 6 });
    const { presorted, resampler, roc, ap } = reference(items, labels, 13);
    for (const laneBits of [2, 3]) {
      const fast = createOneVsRestReplicates(presorted, resampler, laneBits);
      let unpackable = 0;
      resampler.forEachCounts((r, counts) => {
        if (Math.max(...counts) >= 2 ** laneBits) unpackable++;
        fast.visit(r, counts);
      });
      if (laneBits === 2) expect(unpackable).toBeGreaterThan(0);
      expect(Array.from(fast.result().rocAuc)).toEqual(Array.from(roc));
      expect(Array.from(fast.result().averagePrecision)).toEqual(Array.from(ap));
    }
  });

  it('narrow lanes on chance-level scores: chunks end inside stretches, blocks end mid-way', () => {
    // 3- and 4-bit lanes (16 and 13 per float, 128 and 104 resamples per block): a chunk holds
    // at most 7 or 15 / max count cases, so the stretches between positives are summed in
    // several chunks; 203 resamples are one full block and a partial one.
    const labels = LETTERS.slice(0, 6);
    const items = randomItems(240, labels, 9, { place: 'chance', levels: 40 });
    const { presorted, resampler, roc, ap } = reference(items, labels, 17);
    for (const laneBits of [3, 4]) {
      const fast = createOneVsRestReplicates(presorted, resampler, laneBits);
      resampler.forEachCounts(fast.visit);
      expect(Array.from(fast.result().rocAuc)).toEqual(Array.from(roc));
      expect(Array.from(fast.result().averagePrecision)).toEqual(Array.from(ap));
    }
    // Chance level indeed: the full-sample macro ROC AUC is near ½.
    const ones = new Float64Array(items.length).fill(1);
    expect(Math.abs(weightedMacro(presorted, ones, weightedRocAuc)! - 0.5)).toBeLessThan(0.1);
  });

  it('refuses resamples out of order or missing', () => {
    const labels = ['a', 'b'];
    const presorted = presortOneVsRest(randomItems(10, labels, 1), labels);
    const fast = createOneVsRestReplicates(presorted, { n: 10, resamples: 3 });
    expect(() => fast.visit(1, new Uint16Array(10))).toThrow(/in order/);
    fast.visit(0, new Uint16Array(10).fill(1));
    expect(() => fast.result()).toThrow(/visited 1 of 3/);
  });

  it('packs resamples across a large n (Uint32 counts) with the same results', () => {
    const labels = ['a', 'b'];
    const items = randomItems(70_000, labels, 3, { levels: 50 });
    const presorted = presortOneVsRest(items, labels);
    const resampler = createResampler({ n: items.length, resamples: 4, rng: createRng(2) });
    const fast = oneVsRestReplicates(presorted, resampler);
    const roc = resampler.countReplicates((c) => weightedMacro(presorted, c, weightedRocAuc) ?? Number.NaN);
    const ap = resampler.countReplicates(
      (c) => weightedMacro(presorted, c, weightedAveragePrecision) ?? Number.NaN,
    );
    expect(Array.from(fast.rocAuc)).toEqual(Array.from(roc));
    expect(Array.from(fast.averagePrecision)).toEqual(Array.from(ap));
  });

  it('each resample equals rocAuc / prAuc re-computed on the drawn copies (hand-checkable, with ties)', () => {
    // Label a: positives 0.9 and 0.4, negatives 0.4 and 0.1; label b never gold.
    const items: ScoredClassificationItem[] = [
      { gold: 'a', scores: { a: 0.9, b: 0.2 } },
      { gold: 'a', scores: { a: 0.4, b: 0.2 } },
      { gold: 'c', scores: { a: 0.4, b: 0.7 } },
      { gold: 'c', scores: { a: 0.1, b: 0.2 } },
    ];
    const labels = ['a', 'b'];
    const presorted = presortOneVsRest(items, labels);
    const resampler = createResampler({ n: 4, resamples: 64, rng: createRng(7) });
    const fast = oneVsRestReplicates(presorted, resampler);
    const drawn: ScoredClassificationItem[][] = [];
    resampler.forEachCounts((_, counts) => {
      drawn.push(items.flatMap((item, i) => Array.from({ length: counts[i] }, () => item)));
    });
    drawn.forEach((copies, r) => {
      const roc = rocAuc({ items: copies, labels }).macro;
      const ap = prAuc({ items: copies, labels }).macro;
      if (roc === null) expect(fast.rocAuc[r]).toBeNaN();
      else expect(fast.rocAuc[r]).toBeCloseTo(roc, 12);
      if (ap === null) expect(fast.averagePrecision[r]).toBeNaN();
      else expect(fast.averagePrecision[r]).toBeCloseTo(ap, 12);
    });
    // The full sample by hand: AUC 3.5/4, AP ½·1 + ½·⅔ = 5/6 (label b has no positive: left out).
    const ones = new Float64Array(4).fill(1);
    expect(weightedMacro(presorted, ones, weightedRocAuc)).toBeCloseTo(3.5 / 4, 12);
    expect(weightedMacro(presorted, ones, weightedAveragePrecision)).toBeCloseTo(5 / 6, 12);
    // Some resample draws no positive of a: both metrics undefined there, not a number.
    expect(drawn.some((copies) => !copies.some((c) => c.gold === 'a'))).toBe(true);
  });
});
