// Public surface of the scorers: per-case families and registry, suite-level metrics, judges.
export type { CaseScorer, CaseScoringInput, ScorerFamily, ScoringPassage } from './scoring-input.js';
export { SCORER_FAMILIES } from './scoring-input.js';
export { SCORERS } from './registry.js';
export { defaultFamilies, scoreCase } from './score-case.js';
export { findCitationMarkers, stripCitationMarkers } from './citation-markers.js';
export { cosineSimilarity } from './cosine-similarity.js';

export { squadNormalize, squadTokens } from './answer/squad-normalize.js';
export { exactMatch } from './answer/exact-match.js';
export { tokenF1, tokenListF1 } from './answer/token-f1.js';
export { rougeL, lcsLength } from './answer/rouge-l.js';
export { DEFAULT_DECLINE_PHRASES, containsDeclinePhrase, isDecline } from './answer/decline.js';
export { semanticSimilarity } from './answer/semantic-similarity.js';
export { answerScores } from './answer/answer-scores.js';

export { answerRelevance } from './relevance/answer-relevance.js';
export { contextRelevance } from './relevance/context-relevance.js';

export type { RankingInput } from './retrieval/ranking-input.js';
export { recallAtK } from './retrieval/recall-at-k.js';
export { precisionAtK } from './retrieval/precision-at-k.js';
export { reciprocalRank } from './retrieval/reciprocal-rank.js';
export { ndcgAtK } from './retrieval/ndcg-at-k.js';
export { averagePrecision } from './retrieval/average-precision.js';
export { hitRate } from './retrieval/hit-rate.js';
export { collapseToDocuments } from './retrieval/collapse-to-documents.js';
export { docIdOfChunk } from '../rag/chunk-id.js';
export { trecOrder, type ScoredDocument } from './retrieval/trec-order.js';
export { retrievalMetricNames, retrievalScores } from './retrieval/retrieval-scores.js';

export {
  type HallucinationReason,
  type HallucinationScoringInput,
  unsupportedContent,
  type SupportScoringInput,
  type UnsupportedSentence,
} from './hallucination/unsupported-content.js';
export { type AnswerSupport, checkAnswerSupport } from './hallucination/answer-support.js';
export { DEFAULT_HALLUCINATION_THRESHOLD, SUPPORT_MODEL } from './hallucination/support-model.js';
export { citations, type InvalidCitation } from './hallucination/citations.js';
export { createSupportIndex } from './hallucination/support-index.js';
export { checkSupport, DEFAULT_SUPPORT_THRESHOLD } from './hallucination/sentence-support.js';

export { parseLabel } from './classification/parse-label.js';
export { classificationAccuracy } from './classification/classification-accuracy.js';
export {
  classificationReport,
  INVALID_COLUMN,
  type ClassificationItem,
  type ClassificationReport,
  type ClassMetrics,
} from './classification/classification-report.js';
export {
  calibration,
  type CalibrationItem,
  type CalibrationReport,
  type ReliabilityBin,
} from './classification/calibration.js';
export { classScores } from './classification/class-scores.js';
export {
  binaryRocAuc,
  rocAuc,
  type MulticlassAuc,
  type ScoredClassificationItem,
} from './classification/roc-auc.js';
export { binaryAveragePrecision, prAuc } from './classification/pr-auc.js';
export { reviewThreshold, type ReviewItem, type ReviewThreshold } from './classification/review-threshold.js';

export { parseChoice } from './mcq/parse-choice.js';
export { mcqAccuracy } from './mcq/mcq-accuracy.js';

export { bbqScore, type BbqItem, type BbqScores } from './bias/bbq-score.js';
export { fairness, type FairnessItem, type FairnessReport } from './bias/fairness.js';
export {
  answerDivergence,
  groupScoreGap,
  labelFlipRate,
  type CounterfactualCase,
  type CounterfactualVariant,
} from './bias/counterfactual.js';
export { subgroups, type SubgroupBreakdown, type SubgroupItem } from './bias/subgroups.js';

export { latencySummary, percentile, type LatencySummary } from './latency/percentile.js';
export { costSummary, type CostItem, type CostSummary } from './cost/cost-summary.js';

export {
  JUDGE_TEMPLATE_NAMES,
  judgeTemplate,
  loadJudgeTemplate,
  renderJudgeTemplate,
  type JudgeTemplate,
  type JudgeTemplateName,
} from './judge/load-judge-template.js';
export { parseJudgeJson, requestJudgeJson } from './judge/judge-json.js';
export {
  createRubricJudge,
  NO_JUDGE_REASON,
  type RubricJudge,
  type RubricJudgeInput,
} from './judge/rubric-judge.js';
export { createClaimVerdictJudge, type ClaimVerdictJudge, type JudgedClaim } from './judge/claim-verdicts.js';
