// Public surface of error analysis: selection of the failures worth a human's attention.
export { analyzeErrors, CATASTROPHIC_KINDS, EDGE_CASE_KINDS, FAILURE_KINDS } from './error-analysis.js';
export type {
  CatastrophicError,
  CatastrophicKind,
  EdgeCaseGroup,
  EdgeCaseKind,
  ErrorAnalysis,
  ErrorAnalysisOptions,
  ErrorExample,
  FailureGroup,
  FailureKind,
} from './error-analysis.js';
