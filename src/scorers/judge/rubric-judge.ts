// G-Eval-style rubric judge (Liu et al. 2023): the judge is given the rubric and explicit
// evaluation steps and fills in a form, here a strict JSON {"score": int, "reason": string},
// at temperature 0. The integer on [min, max] is mapped to 0–1 as (s − min) / (max − min).
// G-Eval's probability-weighted score (Σ p(s)·s over the score tokens) needs token
// log-probabilities that most providers do not return, so the single integer is used.
import { z } from 'zod';
import type { Score } from '../../core/score.js';
import { notApplicable } from '../../core/score.js';
import type { LanguageModel } from '../../providers/language-model.js';
import { requestJudgeJson } from './judge-json.js';
import { assertTemplateVariables, renderJudgeTemplate, type JudgeTemplate } from './load-judge-template.js';

export const NO_JUDGE_REASON = 'no judge configured';

export interface RubricJudgeOptions {
  /** undefined/null when no judge is configured: every score is then null. */
  model?: LanguageModel | null;
  template: JudgeTemplate;
  rubric: string;
  scale?: readonly [number, number];
  /** Score name; default `judge.rubric`. The same judge grades relevance with its own rubric. */
  name?: string;
}

export interface RubricJudgeInput {
  question: string;
  /** null when the provider failed. */
  answer: string | null;
  context?: string;
}

export type RubricJudge = (input: RubricJudgeInput) => Promise<Score>;

const DEFAULT_NAME = 'judge.rubric';
/** The rubric's integer scale when none is given (G-Eval's 1–5). */
export const DEFAULT_RUBRIC_SCALE: readonly [number, number] = [1, 5];

/** The 0–1 values a rubric score can take: (s − min)/(max − min) for every integer s on the scale. */
export function rubricGrades(scale: readonly [number, number] = DEFAULT_RUBRIC_SCALE): number[] {
  const [min, max] = scale;
  return Array.from({ length: max - min + 1 }, (_, i) => i / (max - min));
}
const VARIABLES = ['question', 'answer', 'context', 'rubric', 'scale_min', 'scale_max'] as const;

export function createRubricJudge(options: RubricJudgeOptions): RubricJudge {
  const [min, max] = options.scale ?? DEFAULT_RUBRIC_SCALE;
  const NAME = options.name ?? DEFAULT_NAME;
  assertTemplateVariables(options.template, VARIABLES);
  const schema = z.object({
    score: z.number().int().min(min).max(max),
    reason: z.string(),
  });
  const model = options.model;
  return async (input) => {
    if (!model) return notApplicable(NAME, NO_JUDGE_REASON);
    if (input.answer === null && options.template.text.includes('{{answer}}'))
      return notApplicable(NAME, 'no output (provider failed)');
    const prompt = renderJudgeTemplate(options.template, {
      question: input.question,
      answer: input.answer ?? '',
      context: input.context ?? '(none)',
      rubric: options.rubric,
      scale_min: String(min),
      scale_max: String(max),
    });
    const result = await requestJudgeJson({ model, prompt, schema, maxTokens: 512 });
    const details = { judge: model.id, template: options.template.version, attempts: result.attempts };
    if (!result.ok) return { name: NAME, value: null, reason: result.error, details };
    return {
      name: NAME,
      value: (result.value.score - min) / (max - min),
      reason: result.value.reason,
      details: { ...details, rawScore: result.value.score, scale: [min, max] },
    };
  };
}
