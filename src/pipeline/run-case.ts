// Runs one case against one model: retrieve → assemble context → render prompt → generate →
// score → attribute. Never throws for a provider failure: the error is recorded on the result.
import { caseInput, type EvalCase } from '../cases/eval-case.js';
import type { CaseVariant } from '../cases/expand-counterfactuals.js';
import type { Clock } from '../core/clock.js';
import { EvalgateError } from '../core/errors.js';
import { relevantDocIds } from '../core/relevance.js';
import type { ContextPassage, GenerateResult } from '../providers/language-model.js';
import type { AssembledContext, RetrievedChunk } from '../rag/types.js';
import type { CaseResult } from '../run/types.js';
import { applyAppContexts } from './app-contexts.js';
import { attributeFailure } from './attribute-failure.js';
import { buildGenerationRequest, passagesFor, pricedModelId } from './generation-request.js';
import { parseChoice } from '../scorers/mcq/parse-choice.js';
import type { ModelHandle } from '../providers/model-handle.js';
import type { PreparedSuite } from './prepared-suite.js';
import type { CaseScoringStep } from './case-scoring-step.js';

export interface CaseRuntime {
  clock: Clock;
  /** Retrieval for a query, shared across providers and repeats of the same case. */
  retrieve?: (query: string) => Promise<RetrievedChunk[]>;
  assemble?: (retrieved: RetrievedChunk[]) => AssembledContext;
  costUsd: (model: string, usage: GenerateResult['usage']) => number | null;
  /** Tokens and cost of reranking a query that was retrieved; undefined without a reranker. */
  rerankCost?: (query: string) => NonNullable<CaseResult['rerank']> | undefined;
  scorer: CaseScoringStep;
  /** Whether the vector store returned a short candidate list for a retrieved query. */
  shortVectorList?: (query: string) => boolean;
}

export interface CaseJob {
  suite: PreparedSuite;
  variant: CaseVariant;
  model: ModelHandle | null;
  repeat: number;
}

export async function runCase(job: CaseJob, runtime: CaseRuntime): Promise<CaseResult> {
  const { suite, variant } = job;
  const evalCase = variant.evalCase;
  const input = caseInput(evalCase);
  const started = runtime.clock.monotonic();

  let retrieved: RetrievedChunk[] | undefined;
  let assembled: AssembledContext | undefined;
  let retrievalError: CaseResult['error'];
  if ((evalCase.task === 'rag-qa' || evalCase.task === 'retrieval') && runtime.retrieve) {
    try {
      retrieved = await runtime.retrieve(input);
      if (evalCase.task === 'rag-qa' && runtime.assemble) assembled = runtime.assemble(retrieved);
    } catch (error) {
      // An API embedder or reranker can fail like any provider: the case records it.
      retrievalError = {
        code: error instanceof EvalgateError ? error.code : 'RETRIEVAL_FAILED',
        message: `retrieval failed: ${oneLine((error as Error).message)}`,
      };
    }
  }
  let passages = passagesFor(evalCase, assembled);

  const result: CaseResult = {
    suite: suite.config.name,
    task: evalCase.task,
    caseId: evalCase.id,
    baseId: variant.baseId,
    ...(variant.variant ? { variant: variant.variant } : {}),
    provider: job.model?.id ?? 'retrieval',
    repeat: job.repeat,
    promptVersion: suite.prompt?.versionId ?? null,
    input,
    output: null,
    costUsd: null,
    latencyMs: null,
    cached: false,
    attempts: 0,
    attribution: null,
    scores: {},
    tags: evalCase.tags,
  };
  describeExpectations(result, evalCase);
  if (retrieved) {
    const docs: string[] = [];
    for (const r of retrieved) if (!docs.includes(r.chunk.docId)) docs.push(r.chunk.docId);
    result.retrieval = {
      chunks: retrieved.map((r) => ({ id: r.chunk.id, docId: r.chunk.docId, score: round(r.score, 6) })),
      docs,
      ...(runtime.shortVectorList?.(input) ? { shortVectorList: true as const } : {}),
    };
  }
  if (assembled) {
    result.context = {
      included: assembled.included.map((r) => r.chunk.id),
      dropped: assembled.dropped.map((r) => r.chunk.id),
      usedTokens: assembled.usedTokens,
      budgetTokens: assembled.budgetTokens,
      overflow: assembled.overflow,
    };
  }

  if (retrievalError) {
    result.error = retrievalError;
    result.latencyMs = round(runtime.clock.monotonic() - started, 3);
  } else if (evalCase.task !== 'retrieval' && job.model) {
    const own = await generateInto(result, {
      job,
      evalCase,
      passages,
      contextText: assembled?.text,
      runtime,
      started,
    });
    if (own) {
      // The application's own passages are the ones scored, even when a `rag` block also ran.
      passages = applyAppContexts(result, own);
      assembled = undefined;
    }
  } else {
    result.latencyMs = round(runtime.clock.monotonic() - started, 3);
  }
  if (retrieved)
    chargeRerank(result, runtime.rerankCost?.(input), evalCase.task !== 'retrieval' && job.model !== null);

  const scored = await runtime.scorer({
    evalCase,
    result,
    passages,
    labels: suite.config.labels,
    declinePhrases: suite.config.decline_phrases,
    families: suite.config.scorers,
    assertions: [...(suite.config.assert ?? []), ...(evalCase.assert ?? [])],
  });
  result.scores = scored.scores;
  if (scored.notes) result.notes = scored.notes;
  result.attribution = attributeFailure({
    task: evalCase.task,
    error: Boolean(result.error),
    passed: scored.passed,
    relevantDocs: result.relevantDocs ? relevantDocIds(result.relevantDocs) : undefined,
    // Only the chunks that competed for the context (the top k) count as retrieved here; the
    // deeper ranking exists for nDCG@10, not for the model.
    retrievedDocs: assembled
      ? [...assembled.included, ...assembled.dropped].map((r) => r.chunk.docId)
      : result.retrieval?.docs,
    // An application's own contexts were all given to its model.
    includedDocs: assembled?.included.map((r) => r.chunk.docId) ?? result.retrieval?.docs,
  });
  return result;
}

async function generateInto(
  result: CaseResult,
  options: {
    job: CaseJob;
    evalCase: EvalCase;
    passages: ContextPassage[];
    contextText?: string;
    runtime: CaseRuntime;
    started: number;
  },
): Promise<GenerateResult['contexts']> {
  const { job, evalCase, passages, runtime } = options;
  const suite = job.suite;
  const model = job.model!;
  const t0 = runtime.clock.monotonic();
  try {
    const generated = await model.languageModel.generate(
      buildGenerationRequest({
        suite,
        evalCase,
        model,
        repeat: job.repeat,
        passages,
        contextText: options.contextText,
      }),
    );
    const meta = generated as GenerateResult & {
      cached?: boolean;
      attempts?: number;
      latencyMs?: number | null;
      batch?: boolean;
    };
    result.output = generated.text;
    result.cached = meta.cached === true;
    result.attempts = result.cached ? 0 : (meta.attempts ?? 1);
    // null: not measured (a batch-API answer has no per-call latency; src/batch).
    result.latencyMs =
      meta.latencyMs === null ? null : round(meta.latencyMs ?? runtime.clock.monotonic() - t0, 3);
    if (meta.batch === true || generated.usage?.batch === true) result.batch = true;
    if (generated.confidence !== undefined) result.confidence = round(generated.confidence, 6);
    if (generated.labelProbabilities) result.labelProbabilities = generated.labelProbabilities;
    if (generated.usage) {
      result.usage = generated.usage;
      result.costUsd = runtime.costUsd(pricedModelId(model, suite), generated.usage);
    }
    if (evalCase.task === 'mcq') {
      const chosen = parseChoice(generated.text, evalCase.options);
      result.mcq = { ...result.mcq!, chosen };
    }
    if (generated.firstTokenMs !== undefined) result.firstTokenMs = round(generated.firstTokenMs, 3);
    if (generated.citations) result.citations = generated.citations;
    return generated.contexts;
  } catch (error) {
    const e = error as Error & { attempts?: number };
    result.error = {
      code: error instanceof EvalgateError ? error.code : 'PROVIDER_UNEXPECTED',
      message: oneLine(e.message),
    };
    result.attempts = e.attempts ?? 1;
    result.latencyMs = round(runtime.clock.monotonic() - t0, 3);
  }
  return undefined;
}

/**
 * Adds the reranker's cost to the case. A case that also generated is only priced when both
 * parts are (an unknown part makes the total unknown); a retrieval-only case costs the rerank.
 */
function chargeRerank(result: CaseResult, rerank: CaseResult['rerank'], generated: boolean): void {
  if (!rerank) return;
  result.rerank = rerank;
  if (!generated) result.costUsd = rerank.costUsd;
  else if (result.costUsd !== null)
    result.costUsd = rerank.costUsd === null ? null : result.costUsd + rerank.costUsd;
}

/** Gold expectations copied onto the result so reports and re-scoring need only results.jsonl. */
function describeExpectations(result: CaseResult, evalCase: EvalCase): void {
  switch (evalCase.task) {
    case 'rag-qa':
    case 'qa':
      result.references = evalCase.references;
      if (evalCase.unanswerable) result.unanswerable = true;
      if (evalCase.relevantDocs) result.relevantDocs = evalCase.relevantDocs;
      break;
    case 'classify':
      result.label = evalCase.label;
      break;
    case 'retrieval':
      result.relevantDocs = evalCase.relevantDocs;
      break;
    case 'mcq':
      result.mcq = {
        options: evalCase.options,
        chosen: null,
        correct: evalCase.label,
        biased: evalCase.biasedOption,
        unknown: evalCase.unknownOption,
        condition: evalCase.condition,
        polarity: evalCase.polarity,
        category: evalCase.category,
      };
      break;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 500);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
