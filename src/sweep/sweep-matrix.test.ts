// The matrix's verdicts on planted effects and on nulls: a planted improvement or worsening
// must be marked, an unchanged or noise-only variant must not — and across many null sweeps
// the chance that any variant is marked stays at α (Holm over variants × metrics), where
// uncorrected tests would mark something in about a third of them.
import { describe, expect, it } from 'vitest';
import { summarizeSuite } from '../aggregate/summarize-suite.js';
import { createRng, type Rng } from '../core/rng.js';
import type { CaseResult, SuiteSummary } from '../run/types.js';
import { paretoFront } from './pareto-front.js';
import { buildSweepMatrix, type VariantData } from './sweep-matrix.js';

interface CaseValues {
  em: number;
  f1: number;
  latency: number;
  cost: number;
}

function variant(name: string, cases: CaseValues[], provider = 'openai/m', summarize = true): VariantData {
  const results: CaseResult[] = cases.map((c, i) => ({
    suite: 'qa',
    task: 'rag-qa',
    caseId: `c${String(i).padStart(3, '0')}`,
    baseId: `c${String(i).padStart(3, '0')}`,
    provider,
    repeat: 0,
    promptVersion: null,
    input: 'q',
    output: 'a',
    costUsd: c.cost,
    latencyMs: c.latency,
    cached: false,
    attempts: 1,
    attribution: 'pass',
    scores: { 'answer.em': c.em, 'answer.f1': c.f1 },
    tags: [],
  }));
  if (!summarize) return { name, summary: [meansOnly(results, provider)], results };
  const summary = summarizeSuite({
    suite: 'qa',
    task: 'rag-qa',
    provider,
    model: 'm',
    promptVersion: null,
    results,
    resamples: 200,
    confidence: 0.95,
    seed: 1,
  });
  return { name, summary: [summary], results };
}

/** Just the means (the summary's intervals play no part in the verdicts): keeps the simulation fast. */
function meansOnly(results: CaseResult[], provider: string): SuiteSummary {
  const mean = (metric: string) =>
    results.reduce((a, r) => a + (r.scores[metric] as number), 0) / results.length;
  const m = (value: number) => ({ value, low: null, high: null, n: results.length, kind: 'mean' as const });
  return {
    suite: 'qa',
    task: 'rag-qa',
    provider,
    model: 'm',
    promptVersion: null,
    cases: results.length,
    errors: 0,
    metrics: { 'answer.em': m(mean('answer.em')), 'answer.f1': m(mean('answer.f1')) },
    cost: { totalUsd: null, perCaseUsd: null, inputTokens: 0, outputTokens: 0, estimatedCases: 0 },
  };
}

function baseCases(n: number, rng: Rng): CaseValues[] {
  return Array.from({ length: n }, () => ({
    em: rng.next() < 0.5 ? 1 : 0,
    f1: rng.next(),
    latency: 100 + 50 * rng.next(),
    cost: 0.001,
  }));
}

/** Redraws each case's em with probability `flip` (a fair coin: no change on average), f1 with noise. */
function noisy(cases: CaseValues[], rng: Rng, flip: number): CaseValues[] {
  return cases.map((c) => ({
    ...c,
    em: rng.next() < flip ? (rng.next() < 0.5 ? 1 : 0) : c.em,
    f1: Math.min(1, Math.max(0, c.f1 + (rng.next() - 0.5) * 0.2)),
    latency: c.latency + (rng.next() - 0.5) * 10,
  }));
}

const METRICS = ['answer.em', 'answer.f1', 'cost.per_case_usd', 'latency.p95_ms'];

function markOf(
  matrix: ReturnType<typeof buildSweepMatrix>,
  name: string,
  metric: string,
): string | undefined {
  return matrix.rows.find((r) => r.metric === metric)?.cells.find((c) => c.variant === name)?.comparison
    ?.mark;
}

describe('sweep matrix', () => {
  it('marks planted improvements and worsenings, and leaves unchanged and noise-only variants alone', () => {
    const rng = createRng(11);
    const ref = baseCases(120, rng);
    const better = ref.map((c, i) => ({ ...c, em: i % 3 === 0 ? 1 : c.em, f1: Math.min(1, c.f1 + 0.15) }));
    const worse = ref.map((c, i) => ({
      ...c,
      em: i % 3 === 0 ? 0 : c.em,
      latency: c.latency * 2,
      cost: 0.002,
    }));
    const matrix = buildSweepMatrix({
      variants: [
        variant('reference', ref),
        variant('same', ref),
        variant('noise', noisy(ref, createRng(5), 0.2)),
        variant('better', better),
        variant('worse', worse),
      ],
      metrics: METRICS,
      confidence: 0.95,
      resamples: 500,
      seed: 3,
    });
    expect(markOf(matrix, 'better', 'answer.em')).toBe('better');
    expect(markOf(matrix, 'better', 'answer.f1')).toBe('better');
    expect(markOf(matrix, 'worse', 'answer.em')).toBe('worse');
    // Lower is better for latency and cost: doubling them is worse, not better.
    expect(markOf(matrix, 'worse', 'latency.p95_ms')).toBe('worse');
    expect(markOf(matrix, 'worse', 'cost.per_case_usd')).toBe('worse');
    // Runs made one after another: the same doubling is shown, not marked.
    const sequential = buildSweepMatrix({
      variants: [variant('reference', ref), variant('worse', worse)],
      metrics: METRICS,
      confidence: 0.95,
      resamples: 500,
      seed: 3,
      latencyUntested: 'ran one after another',
    });
    expect(markOf(sequential, 'worse', 'latency.p95_ms')).toBe('untested');
    expect(markOf(sequential, 'worse', 'cost.per_case_usd')).toBe('worse');
    for (const metric of METRICS) {
      expect(markOf(matrix, 'same', metric), metric).toBe('same');
      expect(markOf(matrix, 'noise', metric), metric).toBe('same');
      expect(markOf(matrix, 'better', 'cost.per_case_usd')).toBe('same');
    }
    // The paired interval of the F1 gain covers the planted +0.15 (less where clipped at 1) and excludes 0.
    const f1 = matrix.rows.find((r) => r.metric === 'answer.f1')!.cells.find((c) => c.variant === 'better')!;
    expect(f1.comparison!.ci![0]).toBeGreaterThan(0);
    expect(f1.comparison!.ci![1]).toBeLessThanOrEqual(0.15 + 1e-9);
    // An identical variant cannot reach significance, so it is left out of the Holm family.
    const same = matrix.rows[0].cells.find((c) => c.variant === 'same')!.comparison!;
    expect(same.adjustedP).toBeNull();
    expect(same.note).toBe('no case changed');
    expect(matrix.family.excluded).toBeGreaterThanOrEqual(4);
    // McNemar's exact test for the 0/1 metric, sign-flip for the mean, the swap test for p95.
    const tests = Object.fromEntries(
      matrix.rows.map((r) => [r.metric, r.cells.find((c) => c.variant === 'better')!.comparison!.test]),
    );
    expect(tests).toEqual({
      'answer.em': 'mcnemar',
      'answer.f1': 'sign-flip',
      'cost.per_case_usd': 'sign-flip',
      'latency.p95_ms': 'swap',
    });
  });

  it('holds the family-wise error at α across variants × metrics (null simulation)', () => {
    const sweeps = 200;
    let anyMarked = 0;
    let anyRawBelowAlpha = 0;
    for (let s = 0; s < sweeps; s++) {
      const rng = createRng(1000 + s);
      const ref = baseCases(60, rng);
      const variants = [variant('reference', ref, 'openai/m', false)];
      for (let v = 0; v < 4; v++)
        variants.push(variant(`v${v}`, noisy(ref, rng.fork(`v${v}`), 0.3), 'openai/m', false));
      const matrix = buildSweepMatrix({
        variants,
        metrics: ['answer.em', 'answer.f1'],
        confidence: 0.95,
        resamples: 100,
        seed: s,
      });
      const cells = matrix.rows.flatMap((r) => r.cells.filter((c) => c.comparison));
      if (cells.some((c) => c.comparison!.mark === 'better' || c.comparison!.mark === 'worse')) anyMarked++;
      if (cells.some((c) => (c.comparison!.pValue ?? 1) <= 0.05)) anyRawBelowAlpha++;
    }
    // 8 comparisons per sweep: uncorrected, ~1 − 0.95^8 ≈ 34 % of null sweeps would mark something.
    expect(anyRawBelowAlpha / sweeps).toBeGreaterThan(0.2);
    // Holm: at most α, with room for simulation error (binomial SE at 5 % over 200 sweeps ≈ 1.5 %).
    expect(anyMarked / sweeps).toBeLessThanOrEqual(0.08);
  });

  it('pairs a variant that switched a provider model with the reference provider', () => {
    const rng = createRng(2);
    const ref = baseCases(40, rng);
    const switched = {
      ...variant('bigger-model', ref, 'openai/big'),
      providerAlias: { 'openai/big': 'openai/m' },
    };
    const matrix = buildSweepMatrix({
      variants: [variant('reference', ref), switched],
      metrics: ['answer.f1'],
      confidence: 0.95,
      resamples: 200,
      seed: 1,
    });
    expect(matrix.rows).toHaveLength(1);
    expect(matrix.rows[0].cells[1].value).toBeCloseTo(matrix.rows[0].cells[0].value!, 10);
    expect(matrix.rows[0].cells[1].comparison!.n).toBe(40);
  });

  it('never compares a metric a variant scored under another definition (a planted drop stays unmarked)', () => {
    const rng = createRng(3);
    const ref = baseCases(200, rng);
    // Every case loses its em: under one definition this is a certain worsening.
    const dropped = ref.map((c) => ({ ...c, em: 0 }));
    const defs = { 'answer.em': 'em-1', 'answer.f1': 'f1-1' };
    const build = (variantDefs: Record<string, string>) =>
      buildSweepMatrix({
        variants: [
          { ...variant('reference', ref), metricDefinitions: defs },
          { ...variant('rethresholded', dropped), metricDefinitions: variantDefs },
        ],
        metrics: ['answer.em', 'answer.f1'],
        confidence: 0.95,
        resamples: 200,
        seed: 1,
      });
    // Same definitions: the drop is found.
    expect(markOf(build(defs), 'rethresholded', 'answer.em')).toBe('worse');
    const redefined = build({ ...defs, 'answer.em': 'em-1 at threshold 0.3' });
    const em = redefined.rows.find((r) => r.metric === 'answer.em')!;
    expect(em.definitionsDiffer).toBe(true);
    expect(em.cells[1].comparison).toMatchObject({ mark: 'untested', n: 0 });
    expect(em.cells[1].comparison!.note).toContain('em-1 → em-1 at threshold 0.3');
    // The other metric is still compared, and the family counts only it.
    expect(redefined.rows.find((r) => r.metric === 'answer.f1')!.definitionsDiffer).toBeUndefined();
    expect(markOf(redefined, 'rethresholded', 'answer.f1')).not.toBe('untested');
  });
});

describe('pareto front', () => {
  const row = (metric: string, higherIsBetter: boolean, values: Record<string, number | null>) => ({
    suite: 'qa',
    provider: 'p',
    metric,
    higherIsBetter,
    cells: Object.entries(values).map(([variant, value]) => ({
      variant,
      value,
      low: null,
      high: null,
      n: 1,
    })),
  });

  it('keeps the variants nothing dominates, with cost and latency counted as lower-is-better', () => {
    const rows = [
      row('answer.f1', true, { a: 0.5, b: 0.6, c: 0.6, d: 0.4 }),
      row('cost.per_case_usd', false, { a: 0.001, b: 0.003, c: 0.004, d: 0.001 }),
      row('latency.p95_ms', false, { a: 100, b: 200, c: 200, d: 120 }),
    ];
    // c costs more than b for the same quality and speed; d is worse than a on everything it differs.
    expect(paretoFront(rows, ['a', 'b', 'c', 'd'])).toEqual(['a', 'b']);
  });

  it('leaves out a row whose metric the variants scored under different definitions', () => {
    const rows = [
      row('answer.f1', true, { a: 0.5, b: 0.5 }),
      { ...row('hallucination.rate', false, { a: 0.1, b: 0.3 }), definitionsDiffer: true as const },
    ];
    // Compared, b's higher flag rate would push it off the front; at another threshold it says nothing.
    expect(paretoFront(rows, ['a', 'b'])).toEqual(['a', 'b']);
    expect(paretoFront([rows[0], { ...rows[1], definitionsDiffer: undefined }], ['a', 'b'])).toEqual(['a']);
  });

  it('keeps ties on the front and ignores a row where some variant has no value', () => {
    const rows = [row('answer.f1', true, { a: 0.5, b: 0.5 }), row('answer.em', true, { a: null, b: 1 })];
    expect(paretoFront(rows, ['a', 'b'])).toEqual(['a', 'b']);
  });
});
