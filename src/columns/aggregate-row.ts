// The part of a result row that aggregation reads (the bias audit, judge reliability, per-case
// tables): a CaseResult without its texts. The column store hands these out one group at a time,
// so a 100,000-case run never holds 100,000 full result objects.
import type { CaseResult } from '../run/types.js';

export type AggregateRow = Pick<
  CaseResult,
  | 'suite'
  | 'task'
  | 'caseId'
  | 'baseId'
  | 'variant'
  | 'provider'
  | 'repeat'
  | 'promptVersion'
  | 'label'
  | 'predicted'
  | 'confidence'
  | 'labelProbabilities'
  | 'costUsd'
  | 'latencyMs'
  | 'firstTokenMs'
  | 'cached'
  | 'error'
  | 'attribution'
  | 'scores'
  | 'tags'
> & {
  /** Kept for counterfactual variants only (the bias audit compares their answers). */
  output?: string | null;
  mcq?: Omit<NonNullable<CaseResult['mcq']>, 'options'>;
};
