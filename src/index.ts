// evalgate's library API: run an evaluation, load configs and cases, use the scorers and
// statistics directly, or plug in your own model behind the LanguageModel port.
export { evaluate, type EvaluateOptions, type EvaluateOutcome } from './pipeline/evaluate.js';
export { createModuleClosers, type ModuleClosers } from './providers/module/module-closers.js';
export { loadConfig, parseConfig, type LoadedConfig } from './config/load-config.js';
export {
  ConfigSchema,
  type EvalConfig,
  type ProviderConfig,
  type SuiteConfig,
  type RagConfig,
} from './config/schema.js';
export { loadCases, parseCases, expandCounterfactuals, type EvalCase } from './cases/index.js';
export { loadPrompt, renderPrompt, type LoadedPrompt } from './prompts/index.js';

export type {
  LanguageModel,
  GenerateRequest,
  GenerateResult,
  ChatMessage,
  ModelInputs,
  TokenUsage,
} from './providers/language-model.js';
export { createOpenAIModel, type OpenAIModelOptions } from './providers/openai-model.js';
export { createAnthropicModel, type AnthropicModelOptions } from './providers/anthropic-model.js';
export { createLocalExtractiveModel } from './providers/local/local-extractive-model.js';
export { withRetries } from './providers/with-retries.js';
export { withCache } from './providers/with-cache.js';
export { createResponseCache } from './providers/response-cache.js';
export { createPriceTable, PRICE_TABLE_VERSION } from './providers/pricing.js';

export {
  buildOrLoadIndex,
  createRetriever,
  assembleContext,
  loadCorpus,
  createHashEmbedder,
  createHashEmbedderFactory,
} from './rag/index.js';
export { fromLangChainRetriever, fromLangChainVectorStore } from './rag/langchain-adapter.js';
export type { Chunk, CorpusDocument, RetrievedChunk, Retriever, AssembledContext } from './rag/types.js';
export type { Embedder } from './rag/embedder.js';
export type { VectorStore } from './rag/vector-store.js';

export { scoreCase, defaultFamilies } from './scorers/score-case.js';
export type { CaseScoringInput, ScorerFamily } from './scorers/scoring-input.js';
export type { Score } from './core/score.js';
export * as stats from './stats/index.js';

export { aggregateRun } from './aggregate/aggregate-run.js';
export { judgeRun } from './gate/judge-run.js';
export { estimateRun, type EstimateRunOptions, type RunEstimateWithNotes } from './plan/estimate-run.js';
export { budgetLimit, refuseOverBudget, type BudgetLimit } from './budget/check-budget.js';
export { decideGate } from './gate/decide-gate.js';
export { compareRuns } from './gate/compare-runs.js';
export { readResults, readRunRecord } from './run/read-run.js';
export type {
  CaseResult,
  RunRecord,
  RunManifest,
  SuiteSummary,
  GateDecision,
  Baseline,
} from './run/types.js';
export { renderModelEvalReport, renderExperimentEntry, renderJunit } from './reporters/index.js';

export { InputError, ProviderError, RuntimeFailure, EvalgateError } from './core/errors.js';

export { buildCharts, renderCharts, writeCharts, type Chart, type WrittenChart } from './charts/index.js';
export { writeRunHtmlReport, writeCompareHtmlReport, rewriteRunHtml } from './html-report/index.js';
