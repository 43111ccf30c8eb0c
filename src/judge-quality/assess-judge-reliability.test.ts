import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../run/types.js';
import { assessJudgeReliability } from './assess-judge-reliability.js';

const row = (caseId: string, repeat: number, value: number | null): CaseResult => ({
  suite: 'qa',
  task: 'qa',
  caseId,
  baseId: caseId,
  provider: 'p',
  repeat,
  promptVersion: null,
  input: 'q',
  output: 'a',
  costUsd: null,
  latencyMs: null,
  cached: false,
  attempts: 1,
  attribution: null,
  scores: { 'judge.rubric': value, 'judge.disagreement': 1, 'answer.f1': 0.1 },
  tags: [],
});

describe('assessJudgeReliability', () => {
  it('tallies passes (score ≥ 0.5) per case over repeats, per judge metric', () => {
    const results = [
      ...[1, 1, 1].map((v, i) => row('a', i, v)),
      ...[0.75, 0.25, 0.5].map((v, i) => row('b', i, v)), // passes 2 of 3
      ...[0, 0, null].map((v, i) => row('c', i, v)), // 2 runs, 0 passes
    ];
    const [r] = assessJudgeReliability(results);
    expect(r).toMatchObject({ metric: 'judge.rubric', cases: 3, k: 2, flakyCases: 1 });
    // flip rates: a 0, b 2·2·1/(3·2) = 2/3, c 0
    expect(r.flipRate).toBeCloseTo(2 / 9, 12);
    expect(assessJudgeReliability(results.filter((x) => x.repeat === 0))).toEqual([]);
  });
});
