// A minimal CaseResult builder for analysis tests: a passing rag-qa case unless told otherwise.
import type { CaseResult } from '../../run/types.js';

export function caseResult(fields: Partial<CaseResult> & Pick<CaseResult, 'caseId'>): CaseResult {
  return {
    suite: 'qa',
    task: 'rag-qa',
    baseId: fields.caseId,
    provider: 'local/extractive',
    repeat: 0,
    promptVersion: 'answer@v1#00000000',
    input: `question ${fields.caseId}`,
    output: `answer ${fields.caseId}`,
    costUsd: 0,
    latencyMs: 10,
    cached: false,
    attempts: 1,
    attribution: 'pass',
    scores: {},
    tags: [],
    ...fields,
  };
}
