import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import type { CaseResult } from '../run/types.js';
import { agreement, assessJudgeQuality } from './assess-judge-quality.js';
import { loadJudgeLabels } from './load-judge-labels.js';

function result(caseId: string, value: number | null, repeat = 0, metric = 'judge.faithfulness'): CaseResult {
  return {
    suite: 'qa',
    task: 'qa',
    caseId,
    baseId: caseId,
    provider: 'local/extractive',
    repeat,
    promptVersion: null,
    input: 'q',
    output: 'a',
    costUsd: null,
    latencyMs: null,
    cached: false,
    attempts: 1,
    attribution: null,
    scores: { [metric]: value },
    tags: [],
  };
}

describe('assessJudgeQuality', () => {
  // Judge says pass on c1..c6 (c5, c6 wrongly), fail on c7, c8; people labelled c1..c4, c5, c7 only.
  const judge = [1, 1, 1, 1, 1, 1, 0, 0];
  const results = judge.map((v, i) => result(`c${i + 1}`, v));
  const labels = [
    { id: 'c1', metric: 'judge.faithfulness', label: 1 },
    { id: 'c2', metric: 'judge.faithfulness', label: 1 },
    { id: 'c3', metric: 'judge.faithfulness', label: 1 },
    { id: 'c4', metric: 'judge.faithfulness', label: 0 },
    { id: 'c7', metric: 'judge.faithfulness', label: 0 },
  ];

  it('computes agreement and corrected estimates from the labelled subset', () => {
    const [row] = assessJudgeQuality({ results, labels });
    expect(row).toMatchObject({ suite: 'qa', metric: 'judge.faithfulness', judged: 8, labelled: 5 });
    // judge×human on c1,c2,c3,c4,c7: (1,1)×3, (1,0)×1, (0,0)×1 → rows [1,0]: [[3,1],[0,1]]
    expect(row.agreement?.table.counts).toEqual([
      [3, 1],
      [0, 1],
    ]);
    // p_o = 0.8; judge marginals .8/.2, human .6/.4 → p_e = .48 + .08 = .56 → κ = .24/.44
    expect(row.agreement?.kappa).toBeCloseTo(0.24 / 0.44, 12);
    // raw judge mean over all 8 = 6/8; human-only mean 3/5
    expect(row.judgeOnly?.estimate).toBeCloseTo(0.75, 12);
    expect(row.humanOnly?.estimate).toBeCloseTo(0.6, 12);
    // PPI: unlabelled f (c5,c6,c8) mean 2/3, rectifier f−y on labelled: 0,0,0,1,0 → 0.2 → 2/3 − 0.2
    expect(row.ppi?.estimate).toBeCloseTo(2 / 3 - 0.2, 12);
    expect(row.ppiPlusPlus?.lambda).toBeGreaterThan(0);
  });

  it('averages repeats per case for the estimate, and uses the first rating for agreement', () => {
    const repeated = [...results, result('c1', 0, 1), result('c5', 0, 1)];
    const [row] = assessJudgeQuality({ results: repeated, labels });
    expect(row.judged).toBe(8);
    // c5 → mean 0.5; unlabelled mean (0.5 + 1 + 0)/3; c1 → 0.5 in the rectifier
    // labelled f − y: c1 0.5−1, c2 0, c3 0, c4 1, c7 0 → mean 0.1
    expect(row.ppi?.estimate).toBeCloseTo(0.5 - (-0.5 + 0 + 0 + 1 + 0) / 5, 12);
    expect(row.agreement?.table.counts[0][0]).toBe(3);
  });

  it('uses weighted kappa for grades, and says "not assessed" when it cannot estimate', () => {
    const graded = [0, 0.5, 1, 1].map((v, i) => result(`g${i}`, v, 0, 'judge.rubric'));
    const [row] = assessJudgeQuality({
      results: graded,
      labels: [0, 0.5, 1, 0.5].map((label, i) => ({ id: `g${i}`, metric: 'judge.rubric', label })),
    });
    expect(row.agreement?.kind).toBe('graded');
    // Pairs (0,0) (.5,.5) (1,1) (1,.5): the table spans the 1–5 rubric's five grades.
    expect(row.agreement?.table.categories).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // Linear: observed .5/4 = 0.125; expected Σ|a−b|·r·c with judge {0: ¼, .5: ¼, 1: ½} and
    // human {0: ¼, .5: ½, 1: ¼} = 0.5·(¼·½) + 1·(¼·¼) + .5·(¼·¼) + .5·(¼·¼) + 1·(½·¼) + .5·(½·½) = 0.4375
    expect(row.agreement?.linear).toBeCloseTo(1 - 0.125 / 0.4375, 12);
    expect(row.notAssessed).toMatch(/every judged case is labelled/);
    expect(row.ppi).toBeUndefined();
    // No labels for a metric → no row at all (nothing to say about it).
    expect(assessJudgeQuality({ results, labels: [] })).toEqual([]);
  });

  it('reports labels that match nothing as not assessed, never silently dropped', () => {
    const rows = assessJudgeQuality({
      results,
      labels: [
        { id: 'nope', metric: 'judge.faithfulness', label: 1 },
        { id: 'c1', metric: 'judge.typo', label: 1 },
      ],
    });
    expect(rows.map((r) => [r.metric, r.notAssessed])).toEqual([
      ['judge.typo', 'the judge produced no scores for this metric'],
      ['judge.faithfulness', 'none of the labelled ids is a case judged here'],
    ]);
  });
});

describe('loadJudgeLabels', () => {
  it('reads numbers and booleans; bad lines name file, line and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evalgate-labels-'));
    const file = join(dir, 'labels.jsonl');
    await writeFile(
      file,
      '{"id":"a","metric":"judge.rubric","label":0.5}\n{"id":"b","metric":"judge.rubric","label":true}\n',
    );
    expect(await loadJudgeLabels(file)).toEqual([
      { id: 'a', metric: 'judge.rubric', label: 0.5 },
      { id: 'b', metric: 'judge.rubric', label: 1 },
    ]);
    await writeFile(file, '{"id":"a","metric":"judge.rubric","label":2}\n');
    await expect(loadJudgeLabels(file)).rejects.toThrow(`${file}:1: label:`);
    await writeFile(file, '{"id":"a","metric":"m","label":1}\n{"id":"a","metric":"m","label":0}\n');
    await expect(loadJudgeLabels(file)).rejects.toThrow(
      `${file}:2: id: "a" already labelled for m on line 1`,
    );
    const missing = await loadJudgeLabels(join(dir, 'nope.jsonl')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(InputError);
  });
});

describe('agreement with pass/fail labels', () => {
  it("reads a continuous judge score as pass at JUDGE_PASS_AT before Cohen's kappa", () => {
    // Judge 0.8, 0.2, 0.9, 0.6 → pass, fail, pass, pass; people 1, 0, 1, 0: 3 of 4 agree.
    // p_o = 0.75, p_e = 0.75·0.5 + 0.25·0.5 = 0.5, κ = (0.75 − 0.5)/(1 − 0.5) = 0.5.
    const result = agreement([
      { judge: 0.8, human: 1 },
      { judge: 0.2, human: 0 },
      { judge: 0.9, human: 1 },
      { judge: 0.6, human: 0 },
    ]);
    expect(result.kind).toBe('binary');
    expect(result.kappa).toBeCloseTo(0.5, 12);
  });
});
