// The one call the pipeline makes after aggregation: judge flakiness over repeats (when a case
// ran more than once) and, with a labels file, agreement with people and corrected estimates.
// Returns only the parts that apply, ready to merge into the run record.
import type { CaseResult } from '../run/types.js';
import { type JudgeReliability, assessJudgeReliability } from './assess-judge-reliability.js';
import { assessJudgeQuality, type JudgeQuality } from './assess-judge-quality.js';
import { loadJudgeLabels } from './load-judge-labels.js';

export async function judgeQualityFor(
  /**
   * The rows, read once per check; `only` may drop the metrics (and rows left without one) the
   * check does not read.
   */
  results: (
    only?: (metric: string) => boolean,
  ) => Iterable<Pick<CaseResult, 'suite' | 'provider' | 'caseId' | 'repeat' | 'scores'>>,
  labelsFile: string | undefined,
): Promise<{ judgeQuality?: JudgeQuality[]; judgeReliability?: JudgeReliability[] }> {
  const out: { judgeQuality?: JudgeQuality[]; judgeReliability?: JudgeReliability[] } = {};
  // Reliability reads judge metrics only.
  const reliability = assessJudgeReliability(results((metric) => metric.startsWith('judge.')));
  if (reliability.length > 0) out.judgeReliability = reliability;
  if (labelsFile)
    out.judgeQuality = assessJudgeQuality({ results: results(), labels: await loadJudgeLabels(labelsFile) });
  return out;
}
