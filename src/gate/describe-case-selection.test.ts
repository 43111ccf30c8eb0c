// A case selection (shard, --limit, --sample, --filter, --case, --rerun-failed) against the
// checks it would otherwise trip: the same thin coverage and missing suite that fail a full run
// are "not assessed" on a selection, which is named in the flags typed, and never recommended.
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.js';
import type { Baseline, RunManifest, SuiteSummary } from '../run/types.js';
import { checkCoverage } from './coverage-checks.js';
import { describeCaseSelection } from './describe-case-selection.js';
import { recommend } from './recommend.js';

const config = ConfigSchema.parse({
  name: 't',
  providers: ['local/extractive'],
  suites: [
    { name: 'qa', task: 'rag-qa', cases: 'qa.jsonl' },
    { name: 'intent', task: 'classify', cases: 'i.jsonl', labels: ['a', 'b'] },
  ],
  gate: { max_drop: { 'answer.f1': 0.02 } },
  targets: { intent: { 'classification.accuracy': '>= 0.5' } },
});

const manifest = (extra: Partial<RunManifest> = {}) =>
  ({
    providers: [{ id: 'local/extractive', provider: 'local', model: 'extractive' }],
    suites: [],
    ...extra,
  }) as unknown as RunManifest;

// The baseline measured answer.f1 on 40 qa cases; this run measured 3 and ran no intent case.
const baseline = {
  providers: ['local/extractive'],
  summary: [
    { suite: 'qa', provider: 'local/extractive', metrics: { 'answer.f1': 0.4 } },
    { suite: 'intent', provider: 'local/extractive', metrics: { 'classification.accuracy': 0.6 } },
  ],
  cases: {
    qa: {
      'local/extractive': Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [`c${i}`, { 'answer.f1': 0.5 }]),
      ),
    },
  },
} as unknown as Baseline;
const summaries = [
  {
    suite: 'qa',
    provider: 'local/extractive',
    metrics: { 'answer.f1': { value: 0.5, low: null, high: null, n: 3, kind: 'mean' } },
  },
] as unknown as SuiteSummary[];

describe('a case selection at the gate', () => {
  it('names the selection in the flags typed', () => {
    expect(describeCaseSelection(manifest())).toBeNull();
    expect(describeCaseSelection(manifest({ filters: { suites: ['qa'] } }))).toBeNull();
    expect(
      describeCaseSelection(
        manifest({
          shard: { index: 2, count: 4 },
          filters: { limit: 5, filter: ['tag:a', 'tag:b'], cases: ['x', 'y'], rerunFailed: 'r1', sample: 9 },
        }),
      ),
    ).toBe('shard 2/4, --limit 5, --sample 9, --filter tag:a, --filter tag:b, --case x y, --rerun-failed r1');
  });

  it('fails thin coverage and a missing suite on a full run, lists them as not assessed on a selection', () => {
    const full = checkCoverage({ manifest: manifest(), summaries, config, baseline });
    expect(full.failures.map((f) => `${f.suite}:${f.metric}`).sort()).toEqual([
      'intent:(suite)', // has targets but did not run
      'intent:(suite)', // was in the baseline but did not run
      'qa:answer.f1', // measured on 3 of the 40 cases
    ]);

    const limited = checkCoverage({
      manifest: manifest({ filters: { limit: 3 } }),
      summaries,
      config,
      baseline,
    });
    expect(limited.failures).toEqual([]);
    expect(limited.notAssessed).toEqual([
      {
        what: 'the cases this run left out',
        why: 'it ran a selection (--limit 3), so only the selected cases are judged',
      },
      { what: 'suite intent', why: 'the case selection picked none of its cases' },
    ]);
  });

  it('blocks the release recommendation of a selection, and only of a selection', () => {
    const base = {
      failures: [],
      warnings: [],
      waived: [],
      notAssessed: [],
      summaries: [{ suite: 'qa', provider: 'openai/gpt-4o', task: 'rag-qa' }] as unknown as SuiteSummary[],
      targets: [{ pass: true }] as never[],
      comparisons: [],
      hasBaseline: false,
    };
    expect(recommend(base).recommendation).not.toBe('do-not-ship');
    const shard = recommend({ ...base, partial: 'shard 1/3' });
    expect(shard.recommendation).toBe('do-not-ship');
    expect(shard.reasons[0]).toBe(
      'this run covered only part of the project (a selection of the cases: shard 1/3), so it cannot stand for a release',
    );
  });
});
