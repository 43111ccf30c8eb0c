// Runs a case's assertions: the deterministic ones in place, `javascript` by calling the named
// function of the user's module (loaded once per run), `rubric` by asking the LLM judge to
// grade the answer against the assertion's rubric. The judge's tokens are summed so the case
// can be charged for them.
import type { LanguageModel, TokenUsage } from '../providers/language-model.js';
import { loadModuleExport } from '../providers/module/load-module-export.js';
import { createRubricJudge } from '../scorers/judge/rubric-judge.js';
import { loadJudgeTemplate } from '../scorers/judge/load-judge-template.js';
import type { Assertion } from './assertion-schema.js';
import { type AssertionSubject, type AssertionVerdict, checkAssertion } from './check-assertion.js';

export interface AssertionContext extends AssertionSubject {
  caseId: string;
  input: string;
  vars: Record<string, unknown>;
  repeat: number;
}

export interface AssertionRun {
  verdicts: AssertionVerdict[];
  judgeUsage: { inputTokens: number; outputTokens: number; estimated: boolean };
}

export type AssertionRunner = (
  assertions: readonly Assertion[],
  context: AssertionContext,
) => Promise<AssertionRun>;

/** What a `javascript` assertion's function may return. */
type CheckResult = boolean | { pass: boolean; reason?: string };
type CheckFunction = (
  output: string,
  context: Omit<AssertionContext, 'output' | 'repeat'>,
) => CheckResult | Promise<CheckResult>;

export const DEFAULT_RUBRIC_THRESHOLD = 0.75;

export function createAssertionRunner(options: {
  root: string;
  configFile: string;
  /** The LLM judge; rubric assertions are not assessed without one. */
  judge: LanguageModel | null;
}): AssertionRunner {
  const functions = new Map<string, Promise<CheckFunction>>();
  const loadFunction = (ref: string): Promise<CheckFunction> => {
    let pending = functions.get(ref);
    if (!pending) {
      pending = loadModuleExport({
        ref: ref.startsWith('module/') ? ref : `module/${ref}`,
        root: options.root,
        configFile: options.configFile,
        field: 'assert.value',
        accepts: (v) => typeof v === 'function',
        expected: 'a function (output, context) → boolean | {pass, reason?}',
      }) as Promise<CheckFunction>;
      functions.set(ref, pending);
    }
    return pending;
  };
  const template = loadJudgeTemplate('rubric-v1');

  return async (assertions, context) => {
    const judgeUsage = { inputTokens: 0, outputTokens: 0, estimated: false };
    const verdicts = await Promise.all(
      assertions.map(async (a): Promise<AssertionVerdict> => {
        if (a.type === 'javascript') return runJavascript(await loadFunction(a.value as string), context);
        if (a.type === 'rubric') {
          if (context.output === null) return { pass: null, reason: 'no output' };
          if (!options.judge) return { pass: null, reason: 'no judge configured (set `judge:`)' };
          const judge = createRubricJudge({
            model: metered(options.judge, context.repeat, judgeUsage),
            template: await template,
            rubric: a.value as string,
            name: 'assert.rubric',
          });
          const score = await judge({ question: context.input, answer: context.output });
          if (score.value === null) return { pass: null, reason: score.reason ?? 'judge gave no grade' };
          const threshold = a.threshold ?? DEFAULT_RUBRIC_THRESHOLD;
          return score.value >= threshold
            ? { pass: true }
            : {
                pass: false,
                reason: `judge grade ${score.value} < ${threshold}${score.reason ? `: ${score.reason}` : ''}`,
              };
        }
        return checkAssertion(a, context);
      }),
    );
    return { verdicts, judgeUsage };
  };
}

async function runJavascript(fn: CheckFunction, context: AssertionContext): Promise<AssertionVerdict> {
  if (context.output === null) return { pass: null, reason: 'no output' };
  const { output, repeat: _repeat, ...rest } = context;
  try {
    const result = await fn(output, rest);
    if (typeof result === 'boolean')
      return result ? { pass: true } : { pass: false, reason: 'check returned false' };
    if (result && typeof result === 'object' && typeof result.pass === 'boolean')
      return result.pass
        ? { pass: true }
        : { pass: false, reason: result.reason ?? 'check returned pass: false' };
    return { pass: null, reason: 'check returned neither a boolean nor {pass}' };
  } catch (error) {
    // A broken check says nothing about the answer: not assessed, with the reason kept.
    return {
      pass: null,
      reason: `check threw: ${(error as Error).message?.split('\n')[0] ?? String(error)}`,
    };
  }
}

function metered(model: LanguageModel, repeat: number, usage: AssertionRun['judgeUsage']): LanguageModel {
  return {
    ...model,
    generate: async (request) => {
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
