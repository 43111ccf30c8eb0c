import { describe, expect, it } from 'vitest';
import { renderSweepExperimentEntry } from './sweep-experiment-entry.js';
import type { SweepRecord, SweepVariantRecord } from './sweep-record.js';

function variant(name: string, extra: Partial<SweepVariantRecord>): SweepVariantRecord {
  return {
    name,
    origin: name === 'reference' ? 'reference' : 'grid',
    set: name === 'reference' ? {} : { 'rag.retrieve.k': 3 },
    runId: `20261206-080000-000-${name === 'reference' ? 'aaaaaa' : 'bbbbbb'}`,
    configHash: 'h',
    counts: { results: 10, requests: 4, cached: 6, errors: 0 },
    index: { embedder: 'local/hash', chunking: '220 tokens, overlap 40', reused: true },
    estimate: { modelCalls: 10, cachedCalls: 6, costUsd: null },
    gate: 'pass',
    biasFailures: [],
    biasChecks: { judged: 0, notJudged: 0 },
    ...extra,
  };
}

const SWEEP: SweepRecord = {
  schemaVersion: 1,
  id: '20261206-075959-000-cccccc',
  createdAt: '2026-12-06T07:59:59Z',
  configFile: 'eval/evalgate.yaml',
  specFile: 'eval/sweep.yaml',
  hypothesis: 'k = 3 is enough',
  grid: [{ path: 'rag.retrieve.k', values: [3] }],
  seed: 42,
  confidence: 0.95,
  metrics: ['answer.f1'],
  holdout: null,
  filters: {},
  variants: [variant('reference', { biasChecks: { judged: 4, notJudged: 1 } }), variant('k=3', {})],
  rows: [
    {
      suite: 'qa',
      provider: 'openai/m',
      metric: 'answer.f1',
      higherIsBetter: true,
      cells: [
        { variant: 'reference', value: 0.5, low: 0.4, high: 0.6, n: 10 },
        {
          variant: 'k=3',
          value: 0.6,
          low: 0.5,
          high: 0.7,
          n: 10,
          comparison: {
            n: 10,
            delta: 0.1,
            test: 'sign-flip',
            pValue: 0.001,
            adjustedP: 0.001,
            mark: 'better',
          },
        },
      ],
    },
  ],
  family: { size: 1, alpha: 0.05, excluded: 0 },
  pareto: ['k=3'],
};

describe('sweep experiment entry', () => {
  const entry = renderSweepExperimentEntry(SWEEP, { number: 7, targets: { qa: { 'answer.f1': '>= 0.45' } } });

  it('follows the team format, in order', () => {
    const labels = [...entry.matchAll(/^\*\*([A-Za-z ]+):\*\*/gm)].map((m) => m[1]);
    expect(entry.split('\n')[0]).toBe('## Experiment 007: Sweep rag.retrieve.k ∈ {3}');
    expect(labels).toEqual([
      'Date',
      'Hypothesis',
      'Approach',
      'Results',
      'Bias Audit',
      'Error Analysis',
      'Conclusion',
      'Next Steps',
    ]);
    expect(entry).toContain('| Metric | Target (from spec) | Achieved | Delta |');
    expect(entry).toContain(
      '| qa · `answer.f1` (openai/m) | ≥ 0.450 | reference 0.500 (95% CI 0.400–0.600) | ▲ k=3 +0.100 |',
    );
    expect(entry).toContain('8 model calls made, 12 answered from the cache');
  });

  it('never reports a bias audit that did not run as passed', () => {
    expect(entry).toContain(
      '| all (variant reference) | bias checks of the run | config thresholds | 4 judged, no blocking failure; 1 not assessed | ✅ |',
    );
    expect(entry).toContain(
      '| all (variant k=3) | bias checks of the run | config thresholds | not assessed (no bias check was judged in this run) | — |',
    );
  });

  it('names improvements without picking a winner, and points at a held-out confirmation', () => {
    expect(entry).toContain(
      'Significantly better than the reference on at least one metric and worse on none: `k=3`.',
    );
    expect(entry).toContain('must be confirmed on cases it did not see');
    expect(entry).toContain('--holdout 0.3');
  });
});
