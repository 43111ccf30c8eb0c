// Puts the paid judge under the run's spending limit. Every judge call reserves its price before
// it is made — its real prompt's tokens plus its max_tokens of output, at the judge's price — and
// settles what it actually cost. This matters most for `--batch`: a job its batch already paid
// for is never held back, but the judge that scores it is called directly at the full price, so
// without this a batch run's judge could spend past the limit unseen. Once the run has stopped, a
// judge call is not made: the answer (already paid for) is kept and the judge's scores for it
// are null with the reason, so the gate reports them as not assessed, never as passed.
import type { BudgetGuard } from './budget-guard.js';
import type { LanguageModel } from '../providers/language-model.js';
import type { PriceTable } from '../providers/pricing.js';
import { estimateUsage } from '../providers/token-estimate.js';

/** What a judge call sent to a stopped guard fails with; the scorer turns it into a null score. */
export const JUDGE_NOT_RUN = 'not assessed: the run stopped at its budget, so the paid judge was not called';

/** Default output cap of a judge call that names none (src/scorers/judge/judge-json.ts). */
const JUDGE_MAX_TOKENS = 1024;

export function guardJudgeModel(
  judge: { id: string; languageModel: LanguageModel } | null | undefined,
  guard: BudgetGuard | null | undefined,
  prices: PriceTable,
): LanguageModel | null {
  if (!judge) return null;
  const model = judge.languageModel;
  if (!guard) return model;
  return {
    ...model,
    generate: async (request) => {
      const usage = {
        ...estimateUsage({ messages: request.messages, output: '' }),
        outputTokens: request.maxTokens ?? JUDGE_MAX_TOKENS,
      };
      // Unpriced: nothing to hold it to (a run with --yes was told so); it is still counted.
      const planned = prices.costUsd({ model: judge.id, usage }) ?? 0;
      const reservation = guard.reserve(judge.id, planned);
      if (!reservation) throw new Error(JUDGE_NOT_RUN);
      let result: Awaited<ReturnType<LanguageModel['generate']>>;
      try {
        result = await model.generate(request);
      } catch (error) {
        // A failed call may still have been billed: its reservation counts as spent.
        guard.release(reservation, null);
        throw error;
      }
      const cached = (result as { cached?: boolean }).cached === true;
      const actual = result.usage
        ? prices.costUsd({ model: judge.id, usage: { ...result.usage, estimated: false } })
        : null;
      guard.release(reservation, actual, cached);
      return result;
    },
  };
}
