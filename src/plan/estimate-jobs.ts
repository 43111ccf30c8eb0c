// What each model call of a run will cost before it is made: the exact request the run would
// send (pipeline/generation-request.ts), looked up in the response cache under the cache's own
// key, its input counted with the project's tokenizer, its output taken from the cache entry,
// the baseline's measured mean or the prompt's max_tokens, and the sum priced.
import { BATCH_PRICE_FACTOR } from '../providers/pricing.js';
import { caseInput } from '../cases/eval-case.js';
import type { RagConfig } from '../config/schema.js';
import type { CaseJob } from '../pipeline/run-case.js';
import { buildGenerationRequest, passagesFor, pricedModelId } from '../pipeline/generation-request.js';
import { planJobs } from '../pipeline/run-jobs.js';
import type { PreparedSuite } from '../pipeline/prepared-suite.js';
import type { GenerateResult } from '../providers/language-model.js';
import type { PriceTable } from '../providers/pricing.js';
import type { ResponseCache } from '../providers/response-cache.js';
import { estimateUsage, getTokenizer } from '../providers/token-estimate.js';
import type { CachingModel } from '../providers/with-cache.js';
import type { AssembledContext, RetrievedChunk } from '../rag/types.js';
import type { UsageProfile } from './usage-profile.js';

/** The providers' batch APIs bill about half the standard price (OpenAI Batch, Anthropic Message Batches). */

/** Provider families whose calls are billed (and have a batch API). */
const PAID_FAMILIES = new Set(['openai', 'anthropic']);
/** Output tokens assumed for a call with neither a baseline measurement nor a max_tokens. */
export const ASSUMED_OUTPUT_TOKENS = 400;

export type OutputSource = 'cache' | 'baseline' | 'max_tokens' | 'assumed';

export interface JobEstimate {
  suite: string;
  caseId: string;
  provider: string;
  repeat: number;
  /** A billed API provider (openai/…, anthropic/…), as opposed to local, replay or your own app. */
  paid: boolean;
  /** The response cache already holds this exact request. */
  cached: boolean;
  inputTokens: number;
  outputTokens: number;
  outputSource: OutputSource;
  /** The input was bounded by the context budget because retrieval itself would cost money. */
  contextBounded: boolean;
  /** USD; 0 when cached or free, null when the model has no price. */
  costUsd: number | null;
}

export interface RetrievalForPlan {
  retrieve(query: string): Promise<RetrievedChunk[]>;
  assemble(retrieved: RetrievedChunk[]): AssembledContext;
}

export interface EstimateJobsOptions {
  suites: PreparedSuite[];
  repeat: number;
  /** The run's retrieval, when running it is free; otherwise contexts are bounded by the budget. */
  retrieval: RetrievalForPlan | null;
  rag: RagConfig | undefined;
  /** null with --no-cache: every call is made. */
  cache: ResponseCache | null;
  prices: PriceTable;
  profile: UsageProfile;
  batch: boolean;
  /** Only these jobs (a case selection); default every planned job. */
  include?: (job: CaseJob) => boolean;
}

/** One estimate per model call, in the run's job order (pipeline/run-jobs.ts planJobs). */
export async function estimateJobs(options: EstimateJobsOptions): Promise<JobEstimate[]> {
  const tokenizer = getTokenizer();
  const out: JobEstimate[] = [];
  for (const job of planJobs(options.suites, options.repeat)) {
    if (!job.model || job.suite.config.task === 'retrieval') continue;
    if (options.include && !options.include(job)) continue;
    out.push(await estimateJob(job, options, tokenizer));
  }
  return out;
}

async function estimateJob(
  job: CaseJob,
  options: EstimateJobsOptions,
  tokenizer: ReturnType<typeof getTokenizer>,
): Promise<JobEstimate> {
  const { suite, variant } = job;
  const model = job.model!;
  const evalCase = variant.evalCase;
  let assembled: AssembledContext | undefined;
  const needsRetrieval = evalCase.task === 'rag-qa' && options.rag !== undefined;
  if (needsRetrieval && options.retrieval)
    assembled = options.retrieval.assemble(await options.retrieval.retrieve(caseInput(evalCase)));
  const contextBounded = needsRetrieval && !options.retrieval;
  const request = buildGenerationRequest({
    suite,
    evalCase,
    model,
    repeat: job.repeat,
    passages: passagesFor(evalCase, assembled),
    contextText: assembled?.text,
  });
  const caching = model.languageModel as Partial<CachingModel>;
  const hit =
    options.cache && !contextBounded && typeof caching.cacheKey === 'function'
      ? asResult(await options.cache.get(caching.cacheKey(request)))
      : undefined;
  const paid = isPaidFamily(model.provider);
  let inputTokens = estimateUsage({ messages: request.messages, output: '', tokenizer }).inputTokens;
  if (contextBounded) inputTokens += options.rag!.context_budget_tokens;
  const measured = options.profile.outputTokens(suite.config.name, model.id);
  const output: { tokens: number; source: OutputSource } = hit?.usage
    ? { tokens: hit.usage.outputTokens, source: 'cache' }
    : measured !== null
      ? { tokens: measured, source: 'baseline' }
      : request.maxTokens !== undefined
        ? { tokens: request.maxTokens, source: 'max_tokens' }
        : { tokens: ASSUMED_OUTPUT_TOKENS, source: 'assumed' };
  if (hit?.usage) inputTokens = hit.usage.inputTokens;
  const listCost = hit
    ? 0
    : options.prices.costUsd({
        model: pricedModelId(model, suite),
        usage: { inputTokens, outputTokens: output.tokens, estimated: true },
      });
  const costUsd = listCost === null ? null : options.batch && paid ? listCost * BATCH_PRICE_FACTOR : listCost;
  return {
    suite: suite.config.name,
    caseId: evalCase.id,
    provider: model.id,
    repeat: job.repeat,
    paid,
    cached: hit !== undefined,
    inputTokens,
    outputTokens: output.tokens,
    outputSource: output.source,
    contextBounded,
    costUsd,
  };
}

/** A provider family whose calls are billed (openai, anthropic). */
export function isPaidFamily(family: string): boolean {
  return PAID_FAMILIES.has(family);
}

/** Running retrieval costs nothing with a local embedder and no reranking model. */
export function retrievalIsFree(rag: RagConfig | undefined): boolean {
  if (!rag) return true;
  if (rag.retrieve.rerank) return false;
  if (rag.retriever) return true;
  return rag.embedder.startsWith('local/');
}

function asResult(value: unknown): GenerateResult | undefined {
  return typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string'
    ? (value as GenerateResult)
    : undefined;
}
