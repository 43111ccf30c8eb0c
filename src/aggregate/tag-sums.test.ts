import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { columnsFromResults } from '../columns/result-columns.js';
import { createRng } from '../core/rng.js';
import { subgroups, subgroupsFromSums } from '../scorers/bias/subgroups.js';
import { tagSums } from './tag-sums.js';

const TAGS = ['billing', 'segment:a', 'segment:b', 'segment:', 'x:y:z', 'login'];

/** Cases with 0–4 tags (repeats allowed), the metric null, absent, non-round or a tie. */
function randomCases(n: number, seed: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const tags = Array.from({ length: rng.int(5) }, () => TAGS[rng.int(TAGS.length)]);
    const u = rng.next();
    const scores: Record<string, number | null> =
      u < 0.1 ? {} : u < 0.2 ? { 'answer.f1': null } : { 'answer.f1': rng.next() / 3, 'answer.em': 1 };
    return caseResult({ caseId: `c${i}`, tags, scores });
  });
}

describe('tagSums', () => {
  it('gives the breakdown subgroups() computes from the cases, to the last bit', () => {
    for (const seed of [1, 2, 3]) {
      const cases = randomCases(400, seed);
      const columns = columnsFromResults(cases, { sort: false });
      const rows = Uint32Array.from({ length: columns.n }, (_, i) => i);
      const sums = tagSums(columns, rows, 'answer.f1');
      const fromSums = subgroupsFromSums(
        sums.filter((t) => t.n > 0),
        { minCount: 5, threshold: 0.01 },
      );
      const definition = subgroups({
        items: cases.map((c) => ({ tags: c.tags, value: c.scores['answer.f1'] ?? null })),
        minCount: 5,
        threshold: 0.01,
      });
      expect(fromSums).toEqual(definition);
      // Every tag the rows carry is listed, also one on no scored row.
      expect(new Set(sums.map((t) => t.tag))).toEqual(new Set(cases.flatMap((c) => c.tags)));
    }
  });

  it('counts a tag twice on one case once, leaves out null and absent values, and reads only the given rows', () => {
    const cases = [
      caseResult({ caseId: 'a', tags: ['t', 't'], scores: { m: 0.5 } }),
      caseResult({ caseId: 'b', tags: ['t', 'u'], scores: { m: null } }),
      caseResult({ caseId: 'c', tags: ['t'], scores: {} }),
      caseResult({ caseId: 'd', tags: ['t'], scores: { m: 0.25 } }),
      caseResult({ caseId: 'e', tags: ['t', 'v'], scores: { m: 1 } }),
    ];
    const columns = columnsFromResults(cases, { sort: false });
    expect(tagSums(columns, [0, 1, 2, 3], 'm')).toEqual([
      { tag: 't', sum: 0.75, n: 2 },
      { tag: 'u', sum: 0, n: 0 },
    ]);
    expect(tagSums(columns, [0, 4], 'nowhere')).toEqual([
      { tag: 't', sum: 0, n: 0 },
      { tag: 'v', sum: 0, n: 0 },
    ]);
  });
});
