// A fake LanguageModel that answers from a script, for tests of anything that calls a model
// (pipeline, decorators, scorers with a judge) without HTTP.
import type { GenerateRequest, GenerateResult, LanguageModel } from '../providers/language-model.js';

/** A string is the answer text; an Error is thrown; a function computes the answer per call. */
export type ScriptedAnswer =
  | string
  | GenerateResult
  | Error
  | ((request: GenerateRequest, call: number) => string | GenerateResult | Promise<string | GenerateResult>);

export interface ScriptedModelOptions {
  id?: string;
  cacheable?: boolean;
  /** After the script runs out: repeat it from the start (default), or throw. */
  whenExhausted?: 'repeat' | 'throw';
}

export interface ScriptedModel extends LanguageModel {
  /** Every request received, in order. */
  readonly calls: GenerateRequest[];
}

export function createScriptedModel(
  answers: readonly ScriptedAnswer[],
  options: ScriptedModelOptions = {},
): ScriptedModel {
  if (answers.length === 0) throw new TypeError('createScriptedModel needs at least one answer');
  const id = options.id ?? 'scripted/model';
  const calls: GenerateRequest[] = [];

  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    const call = calls.length;
    calls.push(request);
    if (call >= answers.length && options.whenExhausted === 'throw') {
      throw new Error(`scripted model ${id}: no answer scripted for call ${call + 1}`);
    }
    const answer = answers[call % answers.length];
    if (answer instanceof Error) throw answer;
    const value = typeof answer === 'function' ? await answer(request, call) : answer;
    return typeof value === 'string' ? { text: value } : { ...value };
  };

  const slash = id.indexOf('/');
  return {
    id,
    provider: slash > 0 ? id.slice(0, slash) : 'scripted',
    model: slash > 0 ? id.slice(slash + 1) : id,
    cacheable: options.cacheable ?? true,
    calls,
    generate,
  };
}
