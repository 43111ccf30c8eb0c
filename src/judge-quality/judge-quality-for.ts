// The one call the pipeline makes: load the configured labels and assess every labelled judge metric.
import type { CaseResult } from '../run/types.js';
import { assessJudgeQuality, type JudgeQuality } from './assess-judge-quality.js';
import { loadJudgeLabels } from './load-judge-labels.js';

export async function judgeQualityFor(
  results: readonly CaseResult[],
  labelsFile: string,
): Promise<JudgeQuality[]> {
  return assessJudgeQuality({ results, labels: await loadJudgeLabels(labelsFile) });
}
