// The report's one line on the run's spending limit: what was spent against it (a batch's billed
// cost included, at the batch price), what the plan estimated before the run, and whether the
// run stopped at it. Renders `manifest.budget` only; the guard (budget-guard.ts) does the sums.
import type { RunManifest } from '../run/types.js';

export function budgetRow(manifest: Pick<RunManifest, 'budget'>): [string, string] | null {
  const budget = manifest.budget;
  if (!budget) return null;
  const notRun = budget.notRun.reduce((n, g) => n + g.caseIds.length, 0);
  const judge = budget.judgeNotRun
    ? `${notRun > 0 ? ' and' : ''} ${budget.judgeNotRun.calls} judge call${budget.judgeNotRun.calls === 1 ? '' : 's'} (those scores not assessed)`
    : '';
  const calls = notRun > 0 || !judge ? ` ${notRun} model call${notRun === 1 ? '' : 's'}` : '';
  const stop = budget.stopped
    ? `; stopped before crossing it,${calls}${judge} not made (the gate cannot pass this run)`
    : '';
  const prior =
    budget.priorSpentUsd !== undefined && budget.priorSpentUsd > 0
      ? ` (${usd(budget.priorSpentUsd)} of it by the interrupted run this one resumed)`
      : '';
  // "held the rest" only when the guard did hold calls back.
  const ratio =
    budget.costRatio !== undefined && budget.costRatio > 1.05
      ? `; calls cost ${budget.costRatio.toFixed(1)}× their estimate${budget.stopped ? ', and the guard held the rest to that rate' : ''}`
      : '';
  // Never silent: calls in flight before the real rate showed, or a batch billed whole, can end
  // above the limit; the guard admits nothing once it knows, but what was spent was spent.
  const over =
    budget.spentUsd > budget.maxCostUsd * (1 + 1e-9)
      ? `; went over it by ${usd(budget.spentUsd - budget.maxCostUsd)} (calls already in flight, or a batch billed whole, when the real cost showed)`
      : '';
  const shards =
    budget.shards !== undefined && budget.shards > 1 && budget.shardLimitUsd !== undefined
      ? ` (${usd(budget.shardLimitUsd)} per shard × ${budget.shards})`
      : '';
  // A resumed run estimated only what was left to do.
  const estimated = prior ? 'for the remaining cases before the run' : 'before the run';
  const unpriced = budget.unpricedCalls
    ? `; ${budget.unpricedCalls} paid call${budget.unpricedCalls === 1 ? '' : 's'} had no price (started with --yes), so the estimate and the guard leave ${budget.unpricedCalls === 1 ? 'it' : 'them'} out`
    : '';
  return [
    'Budget',
    `spent ${usd(budget.spentUsd)}${prior} of ${usd(budget.maxCostUsd)}${shards}${over}; estimated ${usd(budget.estimatedCostUsd)} ${estimated}${unpriced}${ratio}${stop}`,
  ];
}

/** Four decimals, or more for sums below a cent, so a small suite's spend never reads $0.0000. */
function usd(value: number): string {
  if (value === 0 || !Number.isFinite(value) || value >= 0.01) return `$${value.toFixed(4)}`;
  return `$${value.toFixed(2 - Math.floor(Math.log10(value)))}`;
}
