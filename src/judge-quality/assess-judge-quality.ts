// How far to trust each judge metric, wherever people labelled some of its cases: agreement with
// the people (Cohen's kappa for pass/fail, weighted kappa for grades, and the confusion table),
// and the judge's mean corrected by the labels (PPI / PPI++) next to the raw judge mean and the
// people-only mean. Pure: results and labels in, plain data out (stored in run.json).
import { JUDGE_PASS_AT } from './assess-judge-reliability.js';
import type { CaseResult } from '../run/types.js';
import { rubricGrades } from '../scorers/judge/rubric-judge.js';
import { type ConfusionTable, confusionTable, kappa } from '../stats/cohen-kappa.js';
import { type MeanInterval, predictionPoweredMean } from '../stats/prediction-powered.js';
import type { JudgeLabel } from './load-judge-labels.js';

export interface JudgeAgreement {
  kind: 'binary' | 'graded';
  /** Cohen's kappa (unweighted). */
  kappa: number | null;
  /** Graded only: weighted kappa with linear and quadratic disagreement weights. */
  linear?: number | null;
  quadratic?: number | null;
  table: ConfusionTable;
}

export interface JudgeQuality {
  suite: string;
  provider: string;
  metric: string;
  /** Cases the judge scored (per-case mean over repeats). */
  judged: number;
  /** Of those, cases people labelled. */
  labelled: number;
  /** Set when the estimates could not be computed; the row then reads "not assessed". */
  notAssessed?: string;
  judgeOnly?: MeanInterval;
  humanOnly?: MeanInterval;
  ppi?: MeanInterval;
  ppiPlusPlus?: MeanInterval & { lambda: number };
  agreement?: JudgeAgreement;
}

export interface AssessJudgeQualityOptions {
  results: Iterable<Pick<CaseResult, 'suite' | 'provider' | 'caseId' | 'repeat' | 'scores'>>;
  labels: readonly JudgeLabel[];
  confidence?: number;
}

export function assessJudgeQuality(options: AssessJudgeQualityOptions): JudgeQuality[] {
  const labels = new Map<string, Map<string, number>>();
  for (const l of options.labels) {
    if (!labels.has(l.metric)) labels.set(l.metric, new Map());
    labels.get(l.metric)?.set(l.id, l.label);
  }
  // suite × provider × metric → caseId → judge values over repeats (repeat order)
  const groups = new Map<
    string,
    { suite: string; provider: string; metric: string; cases: Map<string, number[]> }
  >();
  for (const r of options.results) {
    for (const metric of labels.keys()) {
      const value = r.scores[metric];
      if (value === null || value === undefined) continue;
      const key = `${r.suite}\u0000${r.provider}\u0000${metric}`;
      let group = groups.get(key);
      if (!group)
        groups.set(key, (group = { suite: r.suite, provider: r.provider, metric, cases: new Map() }));
      const values = group.cases.get(r.caseId) ?? [];
      values[r.repeat] = value;
      group.cases.set(r.caseId, values);
    }
  }
  const out: JudgeQuality[] = [];
  for (const { suite, provider, metric, cases } of groups.values()) {
    const human = labels.get(metric) ?? new Map<string, number>();
    const unlabelled: number[] = [];
    const labelled: { f: number; y: number; first: number }[] = [];
    for (const [caseId, raw] of cases) {
      const values = raw.filter((v) => v !== undefined);
      const f = values.reduce((a, b) => a + b, 0) / values.length;
      const y = human.get(caseId);
      if (y === undefined) unlabelled.push(f);
      else labelled.push({ f, y, first: values[0] });
    }
    const row: JudgeQuality = { suite, provider, metric, judged: cases.size, labelled: labelled.length };
    if (labelled.length === 0) {
      // Labels were given for this metric but none names a case it judged here: say so.
      out.push({ ...row, notAssessed: 'none of the labelled ids is a case judged here' });
      continue;
    }
    row.agreement = agreement(labelled.map((l) => ({ judge: l.first, human: l.y })));
    if (labelled.length < 2 || unlabelled.length < 1) {
      row.notAssessed =
        labelled.length < 2
          ? 'fewer than 2 labelled cases'
          : 'every judged case is labelled: the human mean is the estimate';
    } else {
      const r = predictionPoweredMean({ unlabelled, labelled, confidence: options.confidence });
      Object.assign(row, {
        judgeOnly: r.judgeOnly,
        humanOnly: r.humanOnly,
        ppi: r.ppi,
        ppiPlusPlus: r.ppiPlusPlus,
      });
    }
    out.push(row);
  }
  // A labelled metric the judge never scored (a typo, or judge: none) is reported, not dropped.
  for (const metric of labels.keys()) {
    if (!out.some((r) => r.metric === metric))
      out.push({
        suite: '*',
        provider: '*',
        metric,
        judged: 0,
        labelled: 0,
        notAssessed: 'the judge produced no scores for this metric',
      });
  }
  return out.sort((a, b) =>
    `${a.suite}/${a.provider}/${a.metric}`.localeCompare(`${b.suite}/${b.provider}/${b.metric}`),
  );
}

/** Agreement on the first repeat's rating (one rating per case, as the person gave one). */
export function agreement(pairs: { judge: number; human: number }[]): JudgeAgreement {
  // Pass/fail labels from people: the judge's score (a share of supported claims, a scaled
  // grade) is read as pass at JUDGE_PASS_AT, as everywhere else a judge score becomes pass/fail.
  const binary = pairs.every((p) => p.human === 0 || p.human === 1);
  if (binary) {
    const table = confusionTable(
      pairs.map((p) => ({ human: p.human, judge: p.judge >= JUDGE_PASS_AT ? 1 : 0 })),
      [1, 0],
    );
    return { kind: 'binary', kappa: kappa(table), table };
  }
  // Graded: the table spans the rubric's whole scale (plus any off-scale label a person gave),
  // so a grade nobody used still sits at its true distance from the others.
  const observed = pairs.flatMap((p) => [p.judge, p.human]);
  const categories = [...new Set([...rubricGrades(), ...observed])].sort((a, b) => a - b);
  const table = confusionTable(pairs, categories);
  return {
    kind: 'graded',
    kappa: kappa(table),
    linear: kappa(table, 'linear'),
    quadratic: kappa(table, 'quadratic'),
    table,
  };
}
