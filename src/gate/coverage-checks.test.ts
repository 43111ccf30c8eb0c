import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.js';
import type { Baseline, RunManifest, SuiteSummary } from '../run/types.js';
import { checkCoverage } from './coverage-checks.js';

const config = (extra: Record<string, unknown> = {}) =>
  ConfigSchema.parse({
    name: 't',
    providers: ['local/extractive'],
    suites: [
      { name: 'qa', task: 'rag-qa', cases: 'qa.jsonl' },
      { name: 'intent', task: 'classify', cases: 'i.jsonl', labels: ['a', 'b'] },
    ],
    gate: { max_drop: { 'judge.rubric': 0.05, 'answer.f1': 0.02 } },
    ...extra,
  });

const manifest = (extra: Partial<RunManifest> = {}): RunManifest =>
  ({
    providers: [{ id: 'local/extractive', provider: 'local', model: 'extractive' }],
    suites: [],
    ...extra,
  }) as unknown as RunManifest;

const summary = (suite: string, metrics: Record<string, number>): SuiteSummary =>
  ({
    suite,
    provider: 'local/extractive',
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([k, n]) => [
        k,
        { value: n > 0 ? 0.5 : null, low: null, high: null, n, kind: 'mean' },
      ]),
    ),
  }) as unknown as SuiteSummary;

const baseline = (providers: string[]): Baseline =>
  ({
    providers,
    summary: [
      { suite: 'qa', provider: 'local/extractive', metrics: { 'judge.rubric': 0.7, 'answer.f1': 0.4 } },
    ],
  }) as unknown as Baseline;

describe('checkCoverage: a gated metric that was never measured', () => {
  const summaries = [summary('qa', { 'judge.rubric': 0, 'answer.f1': 40 }), summary('intent', {})];

  it('fails when it came back null on every case (e.g. a judge without its key)', () => {
    const out = checkCoverage({
      manifest: manifest(),
      summaries,
      config: config(),
      baseline: baseline(['local/extractive']),
    });
    expect(out.failures).toHaveLength(1);
    expect(out.failures[0]).toMatchObject({ kind: 'not-measured', suite: 'qa', metric: 'judge.rubric' });
    expect(out.failures[0].message).toContain('null on every case');
  });

  it('fails when a baseline pair lost the metric entirely', () => {
    const out = checkCoverage({
      manifest: manifest(),
      summaries: [summary('qa', { 'answer.f1': 40 }), summary('intent', {})],
      config: config(),
      baseline: baseline(['local/extractive']),
    });
    expect(out.failures.map((f) => f.metric)).toEqual(['judge.rubric']);
  });

  it('is "not assessed", not a failure, when the config marks it optional', () => {
    const out = checkCoverage({
      manifest: manifest(),
      summaries,
      config: config({ gate: { max_drop: { 'judge.rubric': 0.05 }, optional_metrics: ['judge.rubric'] } }),
      baseline: baseline(['local/extractive']),
    });
    expect(out.failures).toEqual([]);
    expect(out.notAssessed[0].what).toContain('judge.rubric');
  });

  it('passes when it was measured', () => {
    const out = checkCoverage({
      manifest: manifest(),
      summaries: [summary('qa', { 'judge.rubric': 30, 'answer.f1': 40 }), summary('intent', {})],
      config: config(),
      baseline: baseline(['local/extractive']),
    });
    expect(out.failures).toEqual([]);
  });

  it('fails a gated metric no suite produces (a typo), unless the run was filtered', () => {
    const typo = config({ gate: { max_drop: { 'answer.f2': 0.02 } } });
    const full = checkCoverage({ manifest: manifest(), summaries, config: typo, baseline: null });
    expect(full.failures.map((f) => f.metric)).toEqual(['answer.f2']);
    const filtered = checkCoverage({
      manifest: manifest({ filters: { suites: ['intent'] } }),
      summaries: [summary('intent', {})],
      config: typo,
      baseline: null,
    });
    expect(filtered.failures).toEqual([]);
    expect(filtered.notAssessed.map((n) => n.what)).toEqual(['suite qa', 'gated metric answer.f2']);
  });
});

describe('checkCoverage: a baseline provider that did not run', () => {
  const summaries = [summary('qa', { 'judge.rubric': 10, 'answer.f1': 40 }), summary('intent', {})];
  const skipped = manifest({
    skippedProviders: [
      { id: 'openai/gpt-4o-mini', reason: 'OPENAI_API_KEY is not set', keyEnv: 'OPENAI_API_KEY' },
    ],
  });

  it('fails with a line naming the missing key', () => {
    const out = checkCoverage({
      manifest: skipped,
      summaries,
      config: config(),
      baseline: baseline(['local/extractive', 'openai/gpt-4o-mini']),
    });
    expect(out.failures).toHaveLength(1);
    expect(out.failures[0]).toMatchObject({ kind: 'missing-provider', provider: 'openai/gpt-4o-mini' });
    expect(out.failures[0].message).toContain('OPENAI_API_KEY is not set');
  });

  it('is allowed by the flag or the config, and then listed as not assessed', () => {
    const base = baseline(['local/extractive', 'openai/gpt-4o-mini']);
    const byFlag = checkCoverage({
      manifest: skipped,
      summaries,
      config: config(),
      baseline: base,
      allowMissingProviders: true,
    });
    const byConfig = checkCoverage({
      manifest: skipped,
      summaries,
      config: config({ gate: { max_drop: {}, allow_missing_providers: ['openai/gpt-4o-mini'] } }),
      baseline: base,
    });
    for (const out of [byFlag, byConfig]) {
      expect(out.failures).toEqual([]);
      expect(out.notAssessed.map((n) => n.what)).toContain('provider openai/gpt-4o-mini');
    }
  });

  it('is not assessed when --provider left it out', () => {
    const out = checkCoverage({
      manifest: manifest({ filters: { providers: ['local/extractive'] } }),
      summaries,
      config: config(),
      baseline: baseline(['local/extractive', 'openai/gpt-4o-mini']),
    });
    expect(out.failures).toEqual([]);
    expect(out.notAssessed).toEqual([{ what: 'provider openai/gpt-4o-mini', why: 'left out by --provider' }]);
  });
});

describe('checkCoverage: a provider no selected suite needs', () => {
  it('is not assessed on a --suite run of a retrieval-only suite', () => {
    const withRetrieval = ConfigSchema.parse({
      name: 't',
      providers: ['local/extractive'],
      suites: [
        { name: 'qa', task: 'rag-qa', cases: 'qa.jsonl' },
        { name: 'retrieval', task: 'retrieval', cases: 'r.jsonl' },
      ],
    });
    const out = checkCoverage({
      manifest: manifest({ providers: [], filters: { suites: ['retrieval'] } }),
      summaries: [summary('retrieval', { 'retrieval.ndcg@10': 20 })],
      config: withRetrieval,
      baseline: baseline(['local/extractive']),
    });
    expect(out.failures).toEqual([]);
    expect(out.notAssessed).toContainEqual({
      what: 'provider local/extractive',
      why: 'no selected suite calls it',
    });
  });
});

describe('checkCoverage: baseline pairs and thin measurement', () => {
  it('fails a baseline suite × provider pair that did not run on an unfiltered run', () => {
    const out = checkCoverage({
      manifest: manifest(),
      summaries: [summary('intent', {})],
      config: config(),
      baseline: baseline(['local/extractive']),
    });
    expect(out.failures.map((f) => [f.kind, f.suite, f.provider])).toEqual([
      ['not-measured', 'qa', 'local/extractive'],
    ]);
  });

  it('fails a suite the config dropped, asking for a deliberate re-accept', () => {
    const base = {
      ...baseline(['local/extractive']),
      summary: [
        ...baseline(['local/extractive']).summary,
        { suite: 'old-suite', provider: 'local/extractive', metrics: { 'answer.f1': 0.5 } },
      ],
    } as Baseline;
    const out = checkCoverage({
      manifest: manifest(),
      summaries: [summary('qa', { 'judge.rubric': 9, 'answer.f1': 9 })],
      config: config(),
      baseline: base,
    });
    expect(out.failures.map((f) => f.suite)).toEqual(['old-suite']);
    expect(out.failures[0].message).toContain('re-accept the baseline');
  });

  it('fails a gated metric measured on fewer than half the cases the baseline measured', () => {
    const cases = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`c${i}`, { 'judge.rubric': 0.8, 'answer.f1': 0.5 }]),
    );
    const base = {
      ...baseline(['local/extractive']),
      cases: { qa: { 'local/extractive': cases } },
    } as unknown as Baseline;
    const thin = checkCoverage({
      manifest: manifest(),
      summaries: [summary('qa', { 'judge.rubric': 3, 'answer.f1': 40 })],
      config: config(),
      baseline: base,
    });
    expect(thin.failures.map((f) => f.metric)).toEqual(['judge.rubric']);
    expect(thin.failures[0].message).toContain('only 3 of the 40 cases');
    const enough = checkCoverage({
      manifest: manifest(),
      summaries: [summary('qa', { 'judge.rubric': 20, 'answer.f1': 40 })],
      config: config(),
      baseline: base,
    });
    expect(enough.failures).toEqual([]);
  });

  it('does not ask for a metric where the baseline did not have it either (it does not apply)', () => {
    const out = checkCoverage({
      manifest: manifest(),
      summaries: [
        summary('qa', { 'judge.rubric': 4, 'answer.f1': 4 }),
        summary('intent', { 'answer.f1': 0 }),
      ],
      config: config(),
      baseline: baseline(['local/extractive']),
    });
    expect(out.failures).toEqual([]);
  });

  it('accepts suite-scoped optional metrics', () => {
    const out = checkCoverage({
      manifest: manifest(),
      summaries: [summary('qa', { 'judge.rubric': 0, 'answer.f1': 40 }), summary('intent', {})],
      config: config({ gate: { max_drop: { 'judge.rubric': 0.05 }, optional_metrics: ['qa/judge.rubric'] } }),
      baseline: baseline(['local/extractive']),
    });
    expect(out.failures).toEqual([]);
  });
});

describe('checkCoverage: suites', () => {
  it('fails a suite with targets that ran on no provider; a filtered-out suite is not assessed', () => {
    const withTargets = config({ targets: { intent: { 'classification.accuracy': '>= 0.5' } } });
    const out = checkCoverage({
      manifest: manifest(),
      summaries: [summary('qa', { 'answer.f1': 4, 'judge.rubric': 4 })],
      config: withTargets,
      baseline: null,
    });
    expect(out.failures.map((f) => [f.kind, f.suite])).toEqual([['not-measured', 'intent']]);
    const filtered = checkCoverage({
      manifest: manifest({ filters: { suites: ['qa'] } }),
      summaries: [summary('qa', { 'answer.f1': 4, 'judge.rubric': 4 })],
      config: withTargets,
      baseline: null,
    });
    expect(filtered.failures).toEqual([]);
    expect(filtered.notAssessed).toEqual([{ what: 'suite intent', why: 'left out by --suite' }]);
  });
});
