// LLM-judge scores for one answer: a G-Eval-style rubric grade and claim-level faithfulness.
// The judge model is wrapped per case so its token usage is charged to that case, and the
// repeat index reaches the cache key, so `--repeat` asks the judge again instead of replaying
// one verdict (which is what makes judge disagreement measurable).
import type { Score } from '../core/score.js';
import type { GenerateRequest, LanguageModel, TokenUsage } from '../providers/language-model.js';
import { createClaimVerdictJudge } from '../scorers/judge/claim-verdicts.js';
import { loadJudgeTemplate, type JudgeTemplate } from '../scorers/judge/load-judge-template.js';
import { createRubricJudge } from '../scorers/judge/rubric-judge.js';

const ANSWER_RELEVANCE_RUBRIC =
  'The answer addresses the question that was asked, stays on topic and does not evade it. Judge relevance only, not correctness. A clear statement that the information is not available is relevant.';

export interface JudgeRun {
  scores: Score[];
  /** Summed over the judge's calls; `estimated` when any call's usage was a tokenizer estimate. */
  usage: { inputTokens: number; outputTokens: number; estimated: boolean };
}

export type JudgeScorer = (input: {
  question: string;
  answer: string | null;
  context: string;
  repeat: number;
  declinePhrases?: string[];
}) => Promise<JudgeRun>;

export async function createJudgeScorer(options: {
  model: LanguageModel | null;
  rubric: string;
}): Promise<JudgeScorer> {
  const [rubricTemplate, extractTemplate, verdictTemplate, contextTemplate]: JudgeTemplate[] =
    await Promise.all([
      loadJudgeTemplate('rubric-v1'),
      loadJudgeTemplate('claims-extract-v1'),
      loadJudgeTemplate('claim-verdict-v1'),
      loadJudgeTemplate('context-relevance-v1'),
    ]);
  return async (input) => {
    const usage = { inputTokens: 0, outputTokens: 0, estimated: false };
    const metered = options.model ? meter(options.model, input.repeat, usage) : null;
    const rubric = createRubricJudge({ model: metered, template: rubricTemplate, rubric: options.rubric });
    const claims = createClaimVerdictJudge({
      model: metered,
      extractTemplate,
      verdictTemplate,
      declinePhrases: input.declinePhrases,
    });
    // Relevance with a judge: the same G-Eval-style grading, with a relevance rubric.
    const answerRelevance = createRubricJudge({
      model: metered,
      template: rubricTemplate,
      rubric: ANSWER_RELEVANCE_RUBRIC,
      name: 'judge.answer_relevance',
    });
    const contextRelevance = createRubricJudge({
      model: metered,
      template: contextTemplate,
      rubric: '',
      name: 'judge.context_relevance',
    });
    const scores = await Promise.all([
      rubric({ question: input.question, answer: input.answer, context: input.context }),
      claims({ question: input.question, answer: input.answer, context: input.context }),
      answerRelevance({ question: input.question, answer: input.answer }),
      ...(input.context
        ? [contextRelevance({ question: input.question, answer: null, context: input.context })]
        : []),
    ]);
    return { scores, usage };
  };
}

function meter(model: LanguageModel, repeat: number, usage: JudgeRun['usage']): LanguageModel {
  return {
    ...model,
    generate: async (request: GenerateRequest) => {
      const result = await model.generate({ ...request, repeatIndex: repeat });
      const u: TokenUsage | undefined = result.usage;
      if (u) {
        usage.inputTokens += u.inputTokens;
        usage.outputTokens += u.outputTokens;
        usage.estimated ||= u.estimated;
      }
      return result;
    },
  };
}
