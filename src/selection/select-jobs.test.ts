// The case selections over a synthetic plan: shards are disjoint, cover everything, keep a case's
// variants/providers/repeats together and are balanced to one case; sampling is seeded and
// stratified by hand-computed quotas; limit, filters, case ids and rerun-failed pick what they say.
import { describe, expect, it } from 'vitest';
import type { CaseJob } from '../pipeline/run-case.js';
import type { CaseResult } from '../run/types.js';
import { failedCases } from './failed-cases.js';
import { allocate } from './sample-jobs.js';
import { runFilters, selectJobs } from './select-jobs.js';
import { parseShard } from './shard-jobs.js';

/** suite → number of base cases; every case has 2 providers, case 0 of each suite 2 variants. */
function plan(
  sizes: Record<string, number>,
  tagOf = (i: number) => (i % 3 === 0 ? 'billing' : 'sync'),
): CaseJob[] {
  const jobs: CaseJob[] = [];
  for (const [suite, n] of Object.entries(sizes)) {
    const s = { config: { name: suite } };
    for (let i = 0; i < n; i++) {
      const baseId = `${suite}-${i}`;
      const ids = i === 0 ? [`${baseId}[g=a]`, `${baseId}[g=b]`] : [baseId];
      for (const id of ids)
        for (const model of [{ id: 'p1' }, { id: 'p2' }])
          jobs.push({
            suite: s,
            variant: { baseId, evalCase: { id, tags: [tagOf(i)] } },
            model,
            repeat: 0,
          } as unknown as CaseJob);
    }
  }
  return jobs;
}

const base = (jobs: CaseJob[]) => [...new Set(jobs.map((j) => `${j.suite.config.name}/${j.variant.baseId}`))];

describe('--shard', () => {
  it('splits every suite into disjoint, complete shards balanced to one case', () => {
    const jobs = plan({ a: 10, b: 7, c: 1 });
    const shards = [1, 2, 3].map((index) => selectJobs(jobs, { shard: { index, count: 3 } }, 1));
    const all = shards.flatMap(base);
    expect(new Set(all).size).toBe(all.length); // disjoint
    expect(all.sort()).toEqual(base(jobs).sort()); // complete
    expect(shards.reduce((n, s) => n + s.length, 0)).toBe(jobs.length);
    const perShard = shards.map((s) => base(s).length);
    expect(Math.max(...perShard) - Math.min(...perShard)).toBeLessThanOrEqual(1);
    for (const suite of ['a', 'b']) {
      const counts = shards.map((s) => base(s).filter((k) => k.startsWith(`${suite}/`)).length);
      const m = suite === 'a' ? 10 : 7;
      for (const c of counts) expect([Math.floor(m / 3), Math.ceil(m / 3)]).toContain(c);
    }
  });

  it('keeps variants and providers of a case in one shard, and is deterministic', () => {
    const jobs = plan({ a: 9 });
    const one = selectJobs(jobs, { shard: { index: 2, count: 4 } }, 1);
    expect(selectJobs(jobs, { shard: { index: 2, count: 4 } }, 99)).toEqual(one);
    for (const key of base(one)) {
      const inPlan = jobs.filter((j) => `${j.suite.config.name}/${j.variant.baseId}` === key).length;
      expect(one.filter((j) => `${j.suite.config.name}/${j.variant.baseId}` === key)).toHaveLength(inPlan);
    }
  });

  it('parses i/n from 1 and refuses 0, i > n and junk', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/3', '4/3', '1/0', 'x', '1-3']) expect(() => parseShard(bad)).toThrow(/--shard/);
    expect(() => selectJobs(plan({ a: 2 }), { shard: { index: 3, count: 3 } }, 1)).toThrow(
      /shard 3\/3 has no case/,
    );
  });
});

describe('--sample', () => {
  it('allocates by largest remainder (hand-computed)', () => {
    // 10 of 60/30/10: shares 10·60/100 = 6, 3 and 1 exactly.
    expect(allocate([60, 30, 10], 10)).toEqual([6, 3, 1]);
    // 5 of 7/7/1: shares 2.333, 2.333, 0.333 → floors 2,2,0 and one more to the first largest remainder.
    expect(allocate([7, 7, 1], 5)).toEqual([3, 2, 0]);
    expect(allocate([3, 2], 10)).toEqual([3, 2]);
  });

  it('is stratified by suite and seeded', () => {
    const jobs = plan({ a: 60, b: 30, c: 10 });
    const s1 = selectJobs(jobs, { sample: 10 }, 7);
    const per = (jobs: CaseJob[], suite: string) =>
      base(jobs).filter((k) => k.startsWith(`${suite}/`)).length;
    expect([per(s1, 'a'), per(s1, 'b'), per(s1, 'c')]).toEqual([6, 3, 1]);
    expect(selectJobs(jobs, { sample: 10 }, 7)).toEqual(s1);
    expect(base(selectJobs(jobs, { sample: 10 }, 8))).not.toEqual(base(s1));
  });
});

describe('--limit, --filter, --case, --rerun-failed', () => {
  it('--limit takes the first n cases of each suite', () => {
    expect(base(selectJobs(plan({ a: 5, b: 5 }), { limit: 2 }, 1))).toEqual([
      'a/a-0',
      'a/a-1',
      'b/b-0',
      'b/b-1',
    ]);
  });

  it('--filter keeps tagged cases (and across filters, or within one)', () => {
    const jobs = plan({ a: 6 });
    expect(base(selectJobs(jobs, { filter: ['tag:billing'] }, 1))).toEqual(['a/a-0', 'a/a-3']);
    expect(base(selectJobs(jobs, { filter: ['tag:billing,sync'] }, 1))).toHaveLength(6);
    expect(() => selectJobs(jobs, { filter: ['tag:billing', 'tag:sync'] }, 1)).toThrow(/matched no case/);
    expect(() => selectJobs(jobs, { filter: ['label:x'] }, 1)).toThrow(/expected tag:/);
  });

  it('--case selects a whole case by its id or a variant id, and refuses unknown ids', () => {
    const jobs = plan({ a: 3 });
    expect(selectJobs(jobs, { cases: ['a-0[g=b]'] }, 1)).toHaveLength(4);
    expect(base(selectJobs(jobs, { cases: ['a-2', 'a-1'] }, 1))).toEqual(['a/a-1', 'a/a-2']);
    expect(() => selectJobs(jobs, { cases: ['a-1', 'nope'] }, 1)).toThrow(/no case with id "nope"/);
  });

  it('--rerun-failed takes every case with an error or a non-pass, and nothing else', () => {
    const r = (caseId: string, extra: Partial<CaseResult>): CaseResult =>
      ({ suite: 'a', caseId, baseId: caseId.split('[')[0], attribution: 'pass', ...extra }) as CaseResult;
    const failed = failedCases([
      r('a-0[g=a]', {}),
      r('a-0[g=b]', { attribution: 'generation-error' }),
      r('a-1', { error: { code: 'PROVIDER_HTTP', message: '500' }, attribution: 'provider-error' }),
      r('a-2', {}),
      r('a-3', { attribution: null }),
    ]);
    expect(failed).toEqual([
      { suite: 'a', baseId: 'a-0' },
      { suite: 'a', baseId: 'a-1' },
    ]);
    const picked = selectJobs(plan({ a: 4 }), { rerunFailed: { runId: 'r1', cases: failed } }, 1);
    expect(base(picked)).toEqual(['a/a-0', 'a/a-1']);
  });

  it('records the selection in the manifest', () => {
    expect(runFilters({})).toEqual({});
    expect(runFilters({ suites: ['a'] })).toEqual({ filters: { suites: ['a'] } });
    expect(
      runFilters({
        selection: { limit: 3, shard: { index: 1, count: 2 }, rerunFailed: { runId: 'r', cases: [] } },
      }),
    ).toEqual({ filters: { limit: 3, rerunFailed: 'r' }, shard: { index: 1, count: 2 } });
  });
});
