// Old import path of the case scoring step (renamed so one name, `CaseScorer`, means one thing:
// the scorers' pure per-family function). Kept until evaluate.ts imports case-scoring-step.js.
export { createCaseScoringStep as createCaseScorer } from './case-scoring-step.js';
