// Judge flakiness under `repeat: K`: for every judge metric, how often the judge's pass/fail
// verdict on the same case flips between repeats, and pass@k / pass^k over the repeats. A judge
// score counts as a pass at JUDGE_PASS_AT or above (graded metrics are 0–1, so a 3 of 5 passes).
import type { CaseResult } from '../run/types.js';
import { type CaseTally, type RepeatReliability, repeatReliability } from '../stats/repeat-reliability.js';

export const JUDGE_PASS_AT = 0.5;

export interface JudgeReliability extends RepeatReliability {
  suite: string;
  provider: string;
  metric: string;
}

export function assessJudgeReliability(
  results: Iterable<Pick<CaseResult, 'suite' | 'provider' | 'caseId' | 'scores'>>,
): JudgeReliability[] {
  const groups = new Map<
    string,
    { suite: string; provider: string; metric: string; tallies: Map<string, CaseTally> }
  >();
  for (const r of results) {
    for (const [metric, value] of Object.entries(r.scores)) {
      if (!metric.startsWith('judge.') || metric === 'judge.disagreement') continue;
      if (value === null || !Number.isFinite(value)) continue;
      const key = `${r.suite}\u0000${r.provider}\u0000${metric}`;
      let group = groups.get(key);
      if (!group)
        groups.set(key, (group = { suite: r.suite, provider: r.provider, metric, tallies: new Map() }));
      const tally = group.tallies.get(r.caseId) ?? { caseId: r.caseId, passes: 0, runs: 0 };
      tally.runs++;
      if (value >= JUDGE_PASS_AT) tally.passes++;
      group.tallies.set(r.caseId, tally);
    }
  }
  const out: JudgeReliability[] = [];
  for (const { suite, provider, metric, tallies } of groups.values()) {
    const reliability = repeatReliability([...tallies.values()]);
    if (reliability) out.push({ suite, provider, metric, ...reliability });
  }
  return out.sort((a, b) =>
    `${a.suite}/${a.provider}/${a.metric}`.localeCompare(`${b.suite}/${b.provider}/${b.metric}`),
  );
}
