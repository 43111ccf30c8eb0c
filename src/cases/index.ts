export { loadCases, parseCases, type LoadCasesOptions } from './load-cases.js';
export { expandCounterfactuals, type CaseVariant } from './expand-counterfactuals.js';
export {
  caseInput,
  type EvalCase,
  type QaCase,
  type ClassifyCase,
  type RetrievalCase,
  type McqCase,
} from './eval-case.js';
export { findPlaceholders, fillPlaceholders } from './placeholders.js';
