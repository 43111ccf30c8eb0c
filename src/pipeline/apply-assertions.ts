// Runs one case's assertions and writes their metrics (`assert.<type>`, `assert.pass`,
// `assert.score`) and reasons onto the case's scores and notes; a rubric assertion's judge
// tokens are charged to the case like the other judge calls.
import type { Assertion } from '../assertions/assertion-schema.js';
import type { AssertionRunner } from '../assertions/run-assertions.js';
import { scoreAssertions } from '../assertions/score-assertions.js';
import { caseInput, type EvalCase } from '../cases/eval-case.js';
import type { CaseResult } from '../run/types.js';

export async function applyAssertions(options: {
  runner: AssertionRunner;
  assertions: readonly Assertion[];
  evalCase: EvalCase;
  result: CaseResult;
  scores: Record<string, number | null>;
  notes: Record<string, string>;
  judgeCostUsd?: (usage: { inputTokens: number; outputTokens: number }) => number | null;
}): Promise<boolean | null> {
  const { result } = options;
  const run = await options.runner(options.assertions, {
    output: result.output,
    latencyMs: result.latencyMs,
    // The ceiling is on what answering cost (generation, reranking), not on what judging it cost.
    costUsd: answerCost(result),
    caseId: result.caseId,
    input: caseInput(options.evalCase),
    vars: options.evalCase.vars ?? {},
    repeat: result.repeat,
  });
  const scored = scoreAssertions(options.assertions, run.verdicts);
  Object.assign(options.scores, scored.scores);
  Object.assign(options.notes, scored.notes);
  const u = run.judgeUsage;
  if (u.inputTokens + u.outputTokens > 0) {
    const cost = options.judgeCostUsd?.(u) ?? null;
    const before = result.judge;
    result.judge = before
      ? {
          inputTokens: before.inputTokens + u.inputTokens,
          outputTokens: before.outputTokens + u.outputTokens,
          estimated: before.estimated || u.estimated,
          costUsd: before.costUsd === null || cost === null ? null : before.costUsd + cost,
        }
      : { ...u, costUsd: cost };
    result.costUsd = result.costUsd === null || cost === null ? null : result.costUsd + cost;
  }
  return scored.passed;
}

function answerCost(result: CaseResult): number | null {
  if (result.costUsd === null || !result.judge) return result.costUsd;
  return result.judge.costUsd === null ? null : Math.max(0, result.costUsd - result.judge.costUsd);
}
