// The numbers behind the charts, against hand-computed values.
import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { runRecord } from '../reporters/__fixtures__/run-record.js';
import type { MetricComparison, RunRecord } from '../run/types.js';
import { costBreakdown } from './cost-breakdown.js';
import { forestRows } from './forest-rows.js';
import { latencyDistribution } from './latency-distribution.js';
import { recallCurve } from './recall-curve.js';
import { runHistory } from './run-history.js';

function comparison(fields: Partial<MetricComparison>): MetricComparison {
  return {
    suite: 's',
    provider: 'p',
    metric: 'answer.f1',
    baseline: 0.5,
    candidate: 0.45,
    delta: -0.05,
    low: -0.08,
    high: -0.02,
    pValue: 0.01,
    minAttainableP: 1e-4,
    adjustedP: 0.02,
    level: 0.025,
    inFamily: true,
    regressed: false,
    reachable: true,
    margin: 0.02,
    test: 'sign-flip',
    n: 100,
    standardError: 0.01,
    minimumDetectableEffect: 0.03,
    higherIsBetter: true,
    onlyInBaseline: [],
    onlyInCandidate: [],
    ...fields,
  };
}

function withComparisons(comparisons: MetricComparison[], failing: string[] = []): RunRecord {
  return {
    ...runRecord,
    comparison: comparisons,
    gate: {
      ...runRecord.gate,
      failures: failing.map((metric) => ({
        kind: 'regression',
        suite: 's',
        provider: 'p',
        metric,
        message: '',
      })),
    },
  };
}

describe('forestRows', () => {
  it('keeps only gated metrics and signs the change so that + is better', () => {
    const record = withComparisons([
      comparison({}),
      comparison({
        metric: 'hallucination.rate',
        delta: 0.04,
        low: 0.01,
        high: 0.07,
        higherIsBetter: false,
        margin: 0.03,
      }),
      comparison({ metric: 'answer.rouge_l', adjustedP: null, margin: null }),
    ]);
    const rows = forestRows(record, {});
    expect(rows.map((r) => r.metric)).toEqual(['answer.f1', 'hallucination.rate']);
    expect(rows[0]).toMatchObject({ change: -0.05, low: -0.08, high: -0.02, margin: -0.02 });
    // A rise of a lower-is-better rate is a loss: [0.01, 0.07] becomes [-0.07, -0.01].
    expect(rows[1]).toMatchObject({ change: -0.04, low: -0.07, high: -0.01, margin: -0.03 });
  });

  it('marks a row failed only when the gate failed on that metric', () => {
    const record = withComparisons(
      [comparison({}), comparison({ metric: 'retrieval.ndcg@10' })],
      ['answer.f1'],
    );
    const rows = forestRows(record, {});
    expect(rows.find((r) => r.metric === 'answer.f1')?.failed).toBe(true);
    expect(rows.find((r) => r.metric === 'retrieval.ndcg@10')?.failed).toBe(false);
    // The margin drawn is the one the gate used, from the record.
    expect(rows.every((r) => r.margin === -0.02)).toBe(true);
  });

  it('marks a gated comparison the gate could not test as not assessed, never within margin', () => {
    const record = withComparisons([comparison({ delta: -0.2, low: -0.5, high: 0.1, reachable: false })]);
    const [row] = forestRows(record, {});
    expect(row).toMatchObject({ failed: false, notAssessed: true });
  });

  it('includes a metric named in the margins even without an adjusted p, and skips missing deltas', () => {
    const record = withComparisons([
      comparison({ metric: 'answer.em', adjustedP: null }),
      comparison({ metric: 'answer.f1', delta: null, low: null, high: null }),
    ]);
    expect(forestRows(record, { 'answer.em': 0.1, 'answer.f1': 0.1 }).map((r) => r.metric)).toEqual([
      'answer.em',
    ]);
  });
});

describe('recallCurve', () => {
  it('averages per-case recall@k over cases with judged relevant documents', () => {
    const results = [
      caseResult({
        caseId: 'a',
        retrieval: { chunks: [], docs: ['d1', 'x', 'd2'] },
        relevantDocs: { d1: 1, d2: 2, d3: 0 },
      }),
      caseResult({ caseId: 'b', retrieval: { chunks: [], docs: ['x', 'y'] }, relevantDocs: { z: 1 } }),
      caseResult({ caseId: 'c', retrieval: { chunks: [], docs: ['x'] }, relevantDocs: { x: 0 } }),
      caseResult({ caseId: 'd', relevantDocs: { x: 1 } }),
    ];
    const { points, depth } = recallCurve(results, 20);
    const at = (k: number) => points.find((p) => p.k === k)?.recall;
    // a: 1/2 at k=1,2 and 2/2 from k=3; b: 0 throughout; c and d are skipped.
    expect(at(1)).toBe(0.25);
    expect(at(2)).toBe(0.25);
    expect(at(3)).toBe(0.5);
    expect(at(20)).toBe(0.5);
    expect(points).toHaveLength(20);
    expect(points[0].cases).toBe(2);
    expect(Object.values(depth)).toEqual([3]);
  });

  it('has no points when no case has a judged ranking', () => {
    expect(recallCurve([caseResult({ caseId: 'a' })]).points).toEqual([]);
  });
});

describe('latencyDistribution', () => {
  it('gives nearest-rank percentiles and an ECDF ending at 1, over the results the record uses', () => {
    const results = Array.from({ length: 100 }, (_, i) =>
      caseResult({ caseId: `c${i}`, latencyMs: 100 - i }),
    );
    const { cdf, markers } = latencyDistribution(results);
    expect(markers.map((m) => [m.label, m.ms])).toEqual([
      ['p50', 50],
      ['p95', 95],
      ['p99', 99],
    ]);
    expect(cdf[0]).toMatchObject({ ms: 1, share: 0.01 });
    expect(cdf.at(-1)).toMatchObject({ ms: 100, share: 1 });
    // A cached result counts as the record counts it, and a second provider gets its own series.
    const mixed = [
      ...results,
      caseResult({ caseId: 'cached', latencyMs: 0.1, cached: true }),
      caseResult({ caseId: 'other', provider: 'openai/m', latencyMs: 7 }),
    ];
    const split = latencyDistribution(mixed);
    expect(new Set(split.markers.map((m) => m.suite)).size).toBe(2);
    expect(split.cdf[0].ms).toBe(0.1);
  });

  it('thins a large run to the point budget but keeps both extremes', () => {
    const results = Array.from({ length: 1001 }, (_, i) => caseResult({ caseId: `c${i}`, latencyMs: i }));
    const { cdf } = latencyDistribution(results, 100);
    expect(cdf.length).toBeLessThanOrEqual(101);
    expect(cdf[0].ms).toBe(0);
    expect(cdf.at(-1)).toMatchObject({ ms: 1000, share: 1 });
  });
});

describe('costBreakdown', () => {
  it('splits each result into answer, judge and rerank and counts unpriced results apart', () => {
    const results = [
      caseResult({
        caseId: 'a',
        suite: 'qa',
        costUsd: 0.01,
        rerank: { inputTokens: 1, outputTokens: 1, estimated: false, costUsd: 0.002 },
        judge: { inputTokens: 1, outputTokens: 1, estimated: false, costUsd: 0.003 },
      }),
      caseResult({ caseId: 'b', suite: 'qa', costUsd: 0.004 }),
      caseResult({ caseId: 'c', suite: 'intent', costUsd: null }),
    ];
    const { bars, totalUsd, unpriced } = costBreakdown(results);
    const usd = (suite: string, kind: string) => bars.find((b) => b.suite === suite && b.kind === kind)?.usd;
    expect(usd('qa', 'answer')).toBeCloseTo(0.009, 12);
    expect(usd('qa', 'rerank')).toBeCloseTo(0.002, 12);
    expect(usd('qa', 'judge')).toBeCloseTo(0.003, 12);
    expect(usd('intent', 'answer')).toBe(0);
    expect(totalUsd).toBeCloseTo(0.014, 12);
    expect(unpriced).toBe(1);
  });
});

describe('runHistory', () => {
  it('orders runs by start time, keeps this run last and leaves gaps where a metric is missing', () => {
    const target = runRecord.targets[0];
    const at = (runId: string, startedAt: string, value: number | null): RunRecord => ({
      ...runRecord,
      manifest: { ...runRecord.manifest, runId, startedAt },
      summary: runRecord.summary.map((s) =>
        s.suite === target.suite && s.provider === target.provider
          ? {
              ...s,
              metrics: {
                ...s.metrics,
                [target.metric]: { value, low: null, high: null, n: 1, kind: 'mean' },
              },
            }
          : s,
      ),
    });
    const current = at('r3', '2026-01-03T00:00:00Z', 0.7);
    const points = runHistory(current, [
      at('r2', '2026-01-02T00:00:00Z', null),
      at('r1', '2026-01-01T00:00:00Z', 0.9),
    ]);
    const series = points.filter(
      (p) => p.series === `${target.suite} · ${target.metric} (${target.provider})`,
    );
    expect(series.map((p) => [p.runId, p.value])).toEqual([
      ['r1', 0.9],
      ['r3', 0.7],
    ]);
  });
});
