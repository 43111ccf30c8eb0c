// The model request a case makes, built in one place: the run sends it, and `evalgate plan`
// hashes it with the cache's own key and counts its tokens without sending it. Two copies of
// this would let the plan's "already cached" drift from what the run actually finds.
import { caseInput, type EvalCase } from '../cases/eval-case.js';
import { renderPrompt } from '../prompts/render-prompt.js';
import type { ContextPassage } from '../providers/language-model.js';
import type { ModelHandle } from '../providers/model-handle.js';
import type { CachedGenerateRequest } from '../providers/with-cache.js';
import type { AssembledContext } from '../rag/types.js';
import { withChatHistory } from './chat-history.js';
import type { PreparedSuite } from './prepared-suite.js';

export interface GenerationRequestOptions {
  suite: PreparedSuite;
  evalCase: EvalCase;
  model: ModelHandle;
  repeat: number;
  passages: ContextPassage[];
  /** The assembled context's text; without it the passages are joined with their ids. */
  contextText?: string;
}

export function buildGenerationRequest(options: GenerationRequestOptions): CachedGenerateRequest {
  const { suite, evalCase, model, passages } = options;
  const prompt = suite.prompt;
  const question = evalCase.task === 'classify' ? evalCase.input : caseInput(evalCase);
  const contextText = options.contextText ?? passages.map((p) => `[${p.id}]\n${p.text}`).join('\n\n');
  const rendered = prompt
    ? renderPrompt(prompt, {
        question,
        context: contextText,
        labels: suite.config.labels,
        options: evalCase.task === 'mcq' ? evalCase.options : undefined,
        fewShot: suite.fewShot,
      })
    : [{ role: 'user' as const, content: question }];
  const messages =
    evalCase.task === 'generate' ? withChatHistory(rendered, evalCase, Boolean(prompt)) : rendered;
  return {
    messages,
    ...(prompt?.frontMatter.model ? { model: prompt.frontMatter.model } : {}),
    temperature: model.config.temperature ?? prompt?.frontMatter.temperature,
    maxTokens: prompt?.frontMatter.max_tokens,
    logprobs: model.config.logprobs && evalCase.task === 'classify' ? true : undefined,
    inputs: {
      task: evalCase.task,
      question,
      context: passages,
      labels: suite.config.labels,
      fewShot: suite.fewShot,
      options: evalCase.task === 'mcq' ? evalCase.options : undefined,
      ...(evalCase.vars ? { vars: evalCase.vars } : {}),
    },
    caseId: evalCase.id,
    repeatIndex: options.repeat,
  };
}

/** The id a call is priced under: a prompt's front-matter `model:` overrides the provider's. */
export function pricedModelId(model: ModelHandle, suite: PreparedSuite): string {
  return `${model.provider}/${suite.prompt?.frontMatter.model ?? model.model}`;
}

/** The passages a case's model sees: the assembled context, or the case's own context. */
export function passagesFor(evalCase: EvalCase, assembled: AssembledContext | undefined): ContextPassage[] {
  if (assembled) return assembled.included.map((r) => ({ id: r.chunk.id, text: r.chunk.text }));
  if (evalCase.task === 'qa' && evalCase.context) return [{ id: 'context#0', text: evalCase.context }];
  if (evalCase.task === 'mcq') return [{ id: 'context#0', text: evalCase.context }];
  return [];
}
