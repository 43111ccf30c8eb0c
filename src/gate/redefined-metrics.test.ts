// A metric scored under another definition than the baseline's (the offline hallucination check
// refitted between releases) is never compared with it: the gate must neither fail a run for the
// scorer's change nor count the comparison as passed. Same definitions: a real drop still fails.
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.js';
import type { Baseline, RunManifest, SuiteSummary } from '../run/types.js';
import { metricDefinitions, METRIC_DEFINITIONS, redefinedMetrics } from '../scorers/metric-definitions.js';
import { DEFAULT_HALLUCINATION_THRESHOLD } from '../scorers/hallucination/support-model.js';
import { judgeRun } from './judge-run.js';

const config = ConfigSchema.parse({
  name: 't',
  providers: ['local/extractive'],
  suites: [{ name: 'qa', task: 'rag-qa', cases: 'qa.jsonl' }],
  gate: { max_drop: { 'hallucination.rate': 0.02, 'answer.f1': 0.02 } },
});

const N = 60;
const ids = Array.from({ length: N }, (_, i) => `c${i}`);
const manifest = (definitions?: Record<string, string>) =>
  ({
    providers: [{ id: 'local/extractive', provider: 'local', model: 'extractive' }],
    prompts: {},
    suites: [{ name: 'qa', task: 'rag-qa', cases: N }],
    ...(definitions ? { metricDefinitions: definitions } : {}),
  }) as unknown as RunManifest;
const baseline = (definitions?: Record<string, string>) =>
  ({
    runId: 'base',
    configHash: 'h',
    corpusHash: null,
    prompts: {},
    providers: ['local/extractive'],
    summary: [{ suite: 'qa', provider: 'local/extractive', metrics: { 'hallucination.rate': 0.1 } }],
    cases: {
      qa: {
        'local/extractive': Object.fromEntries(
          ids.map((id, i) => [id, { 'hallucination.rate': i < 6 ? 1 : 0, 'answer.f1': 0.8 }]),
        ),
      },
    },
    ...(definitions ? { metricDefinitions: definitions } : {}),
  }) as unknown as Baseline;
// The run flags 40 of 60 answers (was 6) and keeps answer.f1: a large, significant rise.
const results = ids.map((caseId, i) => ({
  suite: 'qa',
  provider: 'local/extractive',
  caseId,
  scores: { 'hallucination.rate': i < 40 ? 1 : 0, 'answer.f1': 0.8 },
}));
const summary = [
  {
    suite: 'qa',
    task: 'rag-qa',
    provider: 'local/extractive',
    cases: N,
    errors: 0,
    metrics: {
      'hallucination.rate': { value: 40 / N, low: null, high: null, n: N, kind: 'mean' },
      'answer.f1': { value: 0.8, low: null, high: null, n: N, kind: 'mean' },
    },
  },
] as unknown as SuiteSummary[];

const judge = (then?: Record<string, string>, now?: Record<string, string>) =>
  judgeRun({
    manifest: manifest(now),
    summary,
    bias: { rows: [] } as never,
    results,
    config,
    baseline: baseline(then),
    today: '2026-12-06',
  });

describe('metrics scored under another definition than the baseline', () => {
  it('same definition: the rise in hallucination.rate fails the gate', () => {
    const v = judge({ 'hallucination.rate': 'offline-check-5' }, { 'hallucination.rate': 'offline-check-5' });
    expect(v.gate.status).toBe('fail');
    expect(v.comparison.find((c) => c.metric === 'hallucination.rate')?.regressed).toBe(true);
    expect(v.changes.metricDefinitions).toBeUndefined();
  });

  it('another definition: not compared, not failed, and said to be not assessed (never passed)', () => {
    const v = judge({ 'hallucination.rate': 'offline-check-5' }, { 'hallucination.rate': 'offline-check-6' });
    expect(v.comparison.some((c) => c.metric === 'hallucination.rate')).toBe(false);
    // The other metric is still compared.
    expect(v.comparison.some((c) => c.metric === 'answer.f1')).toBe(true);
    expect(v.gate.failures).toEqual([]);
    expect(v.gate.status).toBe('pass');
    expect(v.changes.metricDefinitions).toEqual([
      { metric: 'hallucination.rate', from: 'offline-check-5', to: 'offline-check-6' },
    ]);
    const note = v.gate.notAssessed.find((n) => n.what.includes('hallucination.rate'));
    expect(note?.why).toContain('offline-check-5');
    expect(note?.why).toContain('offline-check-6');
    expect(v.gate.passedChecks).toBe(1); // answer.f1's regression test only
  });

  it('a baseline from before versioning counts as another definition', () => {
    const v = judge(undefined, { 'hallucination.rate': 'offline-check-6' });
    expect(v.comparison.some((c) => c.metric === 'hallucination.rate')).toBe(false);
    expect(v.gate.notAssessed.find((n) => n.what.includes('hallucination.rate'))?.why).toContain(
      'an unversioned definition',
    );
  });
});

describe('redefinedMetrics', () => {
  it('lists each metric whose version differs, with both versions', () => {
    expect(redefinedMetrics({ a: '1', b: '1' }, { a: '1', b: '2', c: '1' })).toEqual([
      { metric: 'b', from: '1', to: '2' },
      { metric: 'c', from: null, to: '1' },
    ]);
    expect(redefinedMetrics(undefined, undefined)).toEqual([]);
  });

  it('a configured review threshold is part of the flag rate and, above the cue step, of groundedness', () => {
    expect(metricDefinitions()).toEqual(METRIC_DEFINITIONS);
    expect(metricDefinitions(DEFAULT_HALLUCINATION_THRESHOLD)).toEqual(METRIC_DEFINITIONS);
    // Below the cue step groundedness reads sentences at the cue step either way.
    const lower = metricDefinitions(0.1);
    expect(redefinedMetrics(METRIC_DEFINITIONS, lower).map((m) => m.metric)).toEqual(['hallucination.rate']);
    const higher = metricDefinitions(0.5);
    expect(redefinedMetrics(METRIC_DEFINITIONS, higher).map((m) => m.metric)).toEqual([
      'groundedness',
      'hallucination.rate',
    ]);
    expect(higher.groundedness).toBe(`${METRIC_DEFINITIONS.groundedness} at threshold 0.5`);
  });
});
