import { describe, expect, it } from 'vitest';
import { caseResult } from '../analysis/__fixtures__/case-result.js';
import { columnsFromResults } from '../columns/result-columns.js';
import type { CaseResult } from '../run/types.js';
import { type TagBreakdownOptions, tagBreakdowns } from './tag-breakdowns.js';

/** n cases with these tags, `good` of them scoring 1 on answer.f1 and the rest 0. */
function cases(prefix: string, tags: string[], n: number, good: number) {
  return Array.from({ length: n }, (_, i) =>
    caseResult({ caseId: `${prefix}-${i}`, tags, scores: { 'answer.f1': i < good ? 1 : 0 } }),
  );
}

/** The results as the audit hands them over: the column store and every row of it. */
function asRows(results: CaseResult[]): Pick<TagBreakdownOptions, 'columns' | 'rows'> {
  const columns = columnsFromResults(results, { sort: false });
  return { columns, rows: Uint32Array.from({ length: columns.n }, (_, i) => i) };
}

const options = {
  suite: 'qa',
  provider: 'p',
  metric: 'answer.f1',
  protectedAttributes: ['segment', 'gender'],
  ignore: (tag: string) => tag === 'bias-probe',
  minCount: 5,
  threshold: 0.2,
};

describe('tagBreakdowns', () => {
  it('compares the values of each protected attribute among themselves; other tags go to topics, unflagged', () => {
    const results = [
      ...cases('a', ['segment:free', 'billing', 'channel:chat'], 10, 6),
      ...cases('b', ['segment:team', 'long-input', 'channel:email', 'bias-probe'], 10, 5),
      ...cases('c', ['segment:team', 'unanswerable', 'channel:chat'], 10, 10),
    ];
    const gaps = tagBreakdowns({ ...options, ...asRows(results) });
    expect(gaps.map((g) => [g.kind, g.attribute])).toEqual([
      ['topic', 'channel'],
      ['protected', 'segment'],
      ['topic', undefined],
    ]);
    const segment = gaps.find((g) => g.attribute === 'segment')!;
    // free 6/10 = 0.6, team 15/20 = 0.75: gap 0.15 ≤ 0.2, so no flag, although the topics
    // long-input (0.5) and unanswerable (1.0) are 0.5 apart.
    expect(segment.groups).toEqual([
      { tag: 'segment:free', n: 10, value: 0.6 },
      { tag: 'segment:team', n: 20, value: 0.75 },
    ]);
    expect(segment).toMatchObject({ gap: 0.15, flagged: false });
    const channel = gaps.find((g) => g.attribute === 'channel')!;
    // chat 16/20 = 0.8, email 5/10 = 0.5: gap 0.3 > 0.2, but a channel is not a protected group.
    expect(channel).toMatchObject({ gap: 0.3, flagged: false });
    const topic = gaps.find((g) => g.kind === 'topic' && g.attribute === undefined)!;
    expect(topic.groups.map((g) => g.tag)).toEqual(['billing', 'long-input', 'unanswerable']);
    expect(topic).toMatchObject({ gap: 0.5, flagged: false });
  });

  it('flags an attribute gap just above the threshold and not one at it', () => {
    const above = tagBreakdowns({
      ...options,
      ...asRows([...cases('x', ['segment:free'], 10, 5), ...cases('y', ['segment:team'], 10, 8)]),
    });
    expect(above[0]).toMatchObject({ attribute: 'segment', gap: 0.3, flagged: true });
    const at = tagBreakdowns({
      ...options,
      ...asRows([...cases('x', ['segment:free'], 10, 5), ...cases('y', ['segment:team'], 10, 7)]),
    });
    expect(at[0]).toMatchObject({ attribute: 'segment', flagged: false });
  });

  it('gives no breakdown for a single group', () => {
    expect(tagBreakdowns({ ...options, ...asRows(cases('x', ['segment:free', 'billing'], 10, 5)) })).toEqual(
      [],
    );
  });
});
