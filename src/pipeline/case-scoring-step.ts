// Bridges a finished case to the scorer registry: builds the scoring input (documents ranked
// by best chunk, passages given to the model, vectors for the semantic scorers), runs the
// suite's scorer families, and decides pass/fail for attribution and the junit file.
import type { Assertion } from '../assertions/assertion-schema.js';
import type { AssertionRunner } from '../assertions/run-assertions.js';
import type { EvalCase } from '../cases/eval-case.js';
import type { ContextPassage } from '../providers/language-model.js';
import { docIdOfChunk } from '../rag/chunk-id.js';
import type { Embedder } from '../rag/embedder.js';
import type { CaseResult } from '../run/types.js';
import { isDecline } from '../scorers/answer/decline.js';
import { parseLabel } from '../scorers/classification/parse-label.js';
import { scoreCase, defaultFamilies } from '../scorers/score-case.js';
import { applyAssertions } from './apply-assertions.js';
import { SCORER_FAMILIES, type CaseScoringInput, type ScorerFamily } from '../scorers/scoring-input.js';
import type { JudgeScorer } from './judge-scorer.js';

export interface ScoreRequest {
  evalCase: EvalCase;
  result: CaseResult;
  passages: ContextPassage[];
  labels?: string[];
  declinePhrases?: string[];
  families?: string[];
  /** Suite-level defaults followed by the case's own assertions. */
  assertions?: Assertion[];
}

export interface ScoreOutcome {
  scores: Record<string, number | null>;
  notes?: Record<string, string>;
  /** null when pass/fail does not apply (provider error). */
  passed: boolean | null;
}

/**
 * The pipeline step that scores one finished case (async: it may embed and call a judge). Not
 * to be confused with the scorers' `CaseScorer`, the pure `(input) => Score[]` of one family.
 */
export type CaseScoringStep = (request: ScoreRequest) => Promise<ScoreOutcome>;

export interface CaseScoringStepOptions {
  k: number;
  passThreshold: number;
  supportThreshold?: number;
  /** P(unsupported) at which the offline hallucination check flags an answer (default 0.4). */
  hallucinationThreshold?: number;
  /** Embeds question, answer and references for semantic similarity and answer relevance. */
  embedder?: Embedder;
  /** LLM-judge scores for QA answers (null scores with a reason when no judge is configured). */
  judge?: JudgeScorer;
  /** Prices the judge's tokens. */
  judgeCostUsd?: (usage: { inputTokens: number; outputTokens: number }) => number | null;
  /** Runs `assert` lists (needed for javascript and rubric assertions). */
  assertions?: AssertionRunner;
}

export function isScorerFamily(name: string): name is ScorerFamily {
  return (SCORER_FAMILIES as readonly string[]).includes(name);
}

export function createCaseScoringStep(options: CaseScoringStepOptions): CaseScoringStep {
  return async ({ evalCase, result, passages, labels, declinePhrases, families, assertions }) => {
    const output = result.output;
    const input: CaseScoringInput = {
      task: evalCase.task,
      question: result.input,
      output: result.error ? null : output,
      references: result.references ?? [],
      unanswerable: result.unanswerable ?? false,
      declinePhrases,
      relevantDocs: result.relevantDocs,
      rankedDocIds: result.retrieval?.docs,
      passages: passages.map((p) => ({ id: p.id, docId: docIdOfChunk(p.id), text: p.text })),
      k: options.k,
      supportThreshold: options.supportThreshold,
      hallucinationThreshold: options.hallucinationThreshold,
      ...(result.citations ? { citedIds: result.citations } : {}),
    };
    if (evalCase.task === 'classify') {
      input.label = evalCase.label;
      input.labels = labels;
      if (output !== null && labels && !result.error) result.predicted = parseLabel(output, labels);
    }
    if (evalCase.task === 'mcq') {
      input.options = evalCase.options;
      input.correctOption = evalCase.label;
    }
    let embeddingFailure: string | undefined;
    if (
      options.embedder &&
      (evalCase.task === 'rag-qa' || evalCase.task === 'qa') &&
      output !== null &&
      !result.error
    ) {
      const texts = [result.input, output, ...input.references];
      try {
        const vectors = await options.embedder.embed(texts);
        input.vectors = { question: vectors[0], output: vectors[1], references: vectors.slice(2) };
      } catch (error) {
        // Without vectors the semantic scorers return null; the reason is kept on the case.
        embeddingFailure = `embedding for semantic scores failed: ${(error as Error).message.split('\n')[0]}`;
      }
    }
    const chosen = (families ?? defaultFamilies(evalCase.task)).filter(isScorerFamily);
    const scores: Record<string, number | null> = {};
    const notes: Record<string, string> = {};
    if (result.error) return { scores, passed: null };
    if (embeddingFailure) notes['answer.semantic'] = embeddingFailure;
    for (const score of scoreCase(input, chosen)) {
      scores[score.name] = score.value === null ? null : Math.round(score.value * 1e6) / 1e6;
      if (score.reason && score.value !== null && score.value < 1) notes[score.name] = score.reason;
    }
    if (options.judge && (evalCase.task === 'rag-qa' || evalCase.task === 'qa')) {
      const judged = await options.judge({
        question: result.input,
        answer: input.output,
        context: passages.map((p) => `[${p.id}]\n${p.text}`).join('\n\n'),
        repeat: result.repeat,
        declinePhrases,
      });
      for (const score of judged.scores) {
        scores[score.name] = score.value === null ? null : Math.round(score.value * 1e6) / 1e6;
        if (score.reason && (score.value === null || score.value < 1)) notes[score.name] = score.reason;
      }
      if (judged.usage.inputTokens + judged.usage.outputTokens > 0) {
        const judgeCost = options.judgeCostUsd?.(judged.usage) ?? null;
        result.judge = { ...judged.usage, costUsd: judgeCost };
        result.costUsd = result.costUsd === null || judgeCost === null ? null : result.costUsd + judgeCost;
      }
    }
    let passed = passedCase(evalCase, result, scores, options.passThreshold, declinePhrases);
    if (assertions && assertions.length > 0 && options.assertions) {
      const asserted = await applyAssertions({
        runner: options.assertions,
        assertions,
        evalCase,
        result,
        scores,
        notes,
        judgeCostUsd: options.judgeCostUsd,
      });
      // A generate case is decided by its assertions alone.
      if (evalCase.task === 'generate') passed = asserted;
    }
    return {
      scores,
      notes: Object.keys(notes).length ? notes : undefined,
      passed,
    };
  };
}

function passedCase(
  evalCase: EvalCase,
  result: CaseResult,
  scores: Record<string, number | null>,
  threshold: number,
  declinePhrases?: string[],
): boolean | null {
  switch (evalCase.task) {
    case 'classify':
      return result.predicted === evalCase.label;
    case 'mcq':
      return result.mcq?.chosen === evalCase.label;
    case 'retrieval': {
      const hit = Object.entries(scores).find(([name]) => name.startsWith('retrieval.hit_rate@'))?.[1];
      return hit === undefined || hit === null ? null : hit > 0;
    }
    case 'generate':
      return null;
    default: {
      if (result.output === null) return null;
      if (evalCase.unanswerable) return isDecline(result.output, declinePhrases);
      const f1 = scores['answer.f1'];
      return f1 === null || f1 === undefined ? null : f1 >= threshold;
    }
  }
}
