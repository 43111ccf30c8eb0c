import { describe, expect, it } from 'vitest';
import { holdoutFilter, splitHoldout } from './holdout-split.js';
import { finerValues, refineGrid } from './refine-grid.js';
import type { SweepRecord, SweepRow } from './sweep-record.js';

describe('refine', () => {
  it('proposes the best value with midpoints to its neighbours, half a gap outward at an edge', () => {
    expect(finerValues([128, 220, 400], 220)).toEqual([174, 220, 310]);
    expect(finerValues([3, 5, 8], 8)).toEqual([7, 8, 10]);
    expect(finerValues([3, 5, 8], 3)).toEqual([2, 3, 4]);
    expect(finerValues([1, 3], 1)).toEqual([1, 2]); // a positive integer setting does not go to 0
    expect(finerValues([0.2, 0.4], 0.4)).toEqual([0.3, 0.4, 0.5]);
  });

  it('centres on the variant with the most significant gains and no losses', () => {
    const row = (
      marks: Record<string, 'better' | 'worse' | 'same'>,
      values: Record<string, number>,
      metric = 'answer.f1',
    ): SweepRow => ({
      suite: 'qa',
      provider: 'p',
      metric,
      higherIsBetter: metric !== 'latency.p95_ms',
      cells: Object.keys(values).map((variant) => ({
        variant,
        value: values[variant],
        low: null,
        high: null,
        n: 10,
        ...(marks[variant]
          ? {
              comparison: {
                n: 10,
                delta: 0,
                test: 'sign-flip' as const,
                pValue: 0,
                adjustedP: 0,
                mark: marks[variant],
              },
            }
          : {}),
      })),
    });
    const sweep = {
      id: 's1',
      grid: [
        { path: 'rag.chunking.size', values: [160, 220, 300] },
        { path: 'rag.retrieve.mode', values: ['bm25', 'hybrid'] },
      ],
      referenceValues: { 'rag.chunking.size': 220, 'rag.retrieve.mode': null },
      variants: [
        { name: 'reference', set: {} },
        { name: 'a', set: { 'rag.chunking.size': 300, 'rag.retrieve.mode': 'hybrid' } },
        { name: 'b', set: { 'rag.chunking.size': 160, 'rag.retrieve.mode': 'bm25' } },
        { name: 'c', set: { 'rag.chunking.size': 300, 'rag.retrieve.mode': 'bm25' } },
      ],
      rows: [
        // a has the higher value but is significantly worse somewhere; b gains without a loss.
        // c is only faster: latency marks break ties, they do not outrank a quality gain.
        row({ a: 'better', b: 'better', c: 'same' }, { reference: 0.5, a: 0.7, b: 0.6, c: 0.65 }),
        row({ a: 'worse', b: 'same', c: 'same' }, { reference: 0.5, a: 0.4, b: 0.5, c: 0.5 }),
        row({ a: 'same', b: 'same', c: 'better' }, { reference: 90, a: 90, b: 95, c: 40 }, 'latency.p95_ms'),
      ],
    } as unknown as SweepRecord;
    const refined = refineGrid(sweep);
    expect(refined.around).toBe('b');
    expect(refined.reason).toBe(
      'significantly better than the reference on 1 quality metric(s), worse on none',
    );
    expect(refined.grid).toEqual({ 'rag.chunking.size': [130, 160, 190], 'rag.retrieve.mode': ['bm25'] });
    expect(refined.yaml).toContain('  rag.chunking.size: [ 130, 160, 190 ]');

    // A first quality row scored under different definitions (another hallucination_threshold)
    // must not break the tie between two variants with no significant marks.
    const tie = {
      ...sweep,
      rows: [
        {
          ...row({}, { reference: 0.3, a: 0.05, b: 0.2, c: 0.3 }, 'hallucination.rate'),
          higherIsBetter: false,
          definitionsDiffer: true,
        },
        row({}, { reference: 0.5, a: 0.5, b: 0.55, c: 0.5 }),
      ],
    } as unknown as SweepRecord;
    // Read on its own scale, a's lowest flag rate would win; answer.f1 decides instead.
    expect(refineGrid(tie).around).toBe('b');
  });
});

describe('holdout split', () => {
  const suites = { qa: Array.from({ length: 20 }, (_, i) => `q${i}`), tiny: ['only'] };

  it('holds out the asked share of each suite, seeded, and the two sides never overlap', () => {
    const split = splitHoldout({ suites, fraction: 0.3, seed: 42 });
    expect(split.cases.qa).toHaveLength(6);
    expect(split.cases.tiny).toEqual([]);
    expect(splitHoldout({ suites, fraction: 0.3, seed: 42 })).toEqual(split);
    expect(splitHoldout({ suites, fraction: 0.3, seed: 43 }).cases.qa).not.toEqual(split.cases.qa);
    const sweepSide = holdoutFilter(split, 'sweep');
    const heldSide = holdoutFilter(split, 'holdout');
    for (const id of suites.qa) expect(sweepSide('qa', id)).toBe(!heldSide('qa', id));
    expect(suites.qa.filter((id) => heldSide('qa', id)).sort()).toEqual(split.cases.qa);
    expect(sweepSide('tiny', 'only')).toBe(true);
    expect(() => splitHoldout({ suites, fraction: 1, seed: 1 })).toThrow(RangeError);
  });
});
