// Holds a run under its spending limit while it runs. Before a paid call starts, the guard adds
// what has been spent, the estimates of the calls still in flight and this call's estimate; if
// that would cross the limit, the call is not made, and from then on no paid call is: the run
// stops spending, finishes what is in flight, and still runs calls that cost nothing (cached
// answers, free models). Everything that finished is kept; what was left out is listed.
// The guard learns as it goes: once calls of a provider have settled, their actual cost over
// their estimate (when above 1) scales that provider's later estimates and reservations, so a
// provider billing 3× the plan's tokens stops the run before the limit, not after it. The rate
// applies to the calls already in flight too: each reservation keeps its planned cost and
// provider, and what is held is recomputed at every admission at the current rate, so calls
// admitted before the rate was learned are counted at what they will really cost. Before the
// first call of a run settles, only the estimate is known.
import type { RunBudget } from '../run/types.js';
import type { JobEstimate } from '../plan/estimate-jobs.js';

export interface GuardedJob {
  suite: { config: { name: string } };
  variant: { evalCase: { id: string } };
  model: { id: string } | null;
  repeat: number;
}

export interface SettledResult {
  cached: boolean;
  /** The whole case's cost; the judge's part (`judge.costUsd`) is left out once the guard meters the judge. */
  costUsd: number | null;
  judge?: { costUsd: number | null };
}

/** A judge call (or any paid call outside the case jobs) the guard let through. */
export interface Reservation {
  provider: string;
  planned: number;
}

export interface BudgetGuard {
  /** May this job start? Reserves its estimate when it may. */
  admit(job: GuardedJob): boolean;
  /** The job finished: its reservation becomes what it actually cost. */
  settle(job: GuardedJob, result: SettledResult): void;
  /** What the interrupted run being resumed already spent: it counts against the same limit. */
  spentBefore(usd: number): void;
  /**
   * May this extra paid call (a judge call) start? Reserves `planned` (scaled by the provider's
   * learned rate) and returns the reservation, or null once the run has stopped. From the first
   * call on, the judge's cost is settled here and no longer as part of the case's cost.
   */
  reserve(provider: string, planned: number): Reservation | null;
  /** The extra call finished: `actualUsd` (null: unknown, its scaled estimate counts; cached: free). */
  release(reservation: Reservation, actualUsd: number | null, cached?: boolean): void;
  summary(): RunBudget;
}

export interface BudgetGuardOptions {
  maxCostUsd: number;
  estimates: readonly JobEstimate[];
}

export function createBudgetGuard(options: BudgetGuardOptions): BudgetGuard {
  const byJob = new Map<string, JobEstimate>();
  let estimatedCostUsd = 0;
  // Billed calls without a price (a run started with --yes): admitted, but nothing holds them.
  let unpricedCalls = 0;
  for (const e of options.estimates) {
    byJob.set(keyOf(e.suite, e.caseId, e.provider, e.repeat), e);
    if (!e.cached) estimatedCostUsd += e.costUsd ?? 0;
    if (e.paid && !e.cached && e.costUsd === null) unpricedCalls++;
  }
  // Planned (unscaled) cost and provider of each call in flight; see `held()`.
  const reservations = new Map<string, { planned: number; provider: string }>();
  let spent = 0;
  // Actual and estimated cost of settled calls with a known cost, per provider and overall.
  const observed = new Map<string, { actual: number; estimated: number }>();
  const overall = { actual: 0, estimated: 0 };
  /** How far actual cost runs ahead of the estimate (≥ 1: a cheaper provider never buys room). */
  const ratioFor = (provider: string): number => {
    const seen = observed.get(provider) ?? overall;
    return seen.estimated > 0 ? Math.max(1, seen.actual / seen.estimated) : 1;
  };
  // A judge call's plan is its full max_tokens, so it mostly bills below plan: its rate is kept
  // apart (per judge) and out of the overall one, which answers of unseen providers borrow and
  // the manifest reports as costRatio.
  const observe = (
    provider: string,
    planned: number | null | undefined,
    actual: number | null,
    judge = false,
  ) => {
    if (actual === null || !planned) return;
    const seen = observed.get(provider) ?? { actual: 0, estimated: 0 };
    seen.actual += actual;
    seen.estimated += planned;
    observed.set(provider, seen);
    if (judge) return;
    overall.actual += actual;
    overall.estimated += planned;
  };
  // Judge calls in flight (each its own reservation), and those refused after the stop.
  const extra = new Set<Reservation>();
  let judgeMetered = false;
  let judgeNotRun: { provider: string; calls: number } | undefined;
  /** What the calls in flight will cost at the rates learned so far. */
  const held = (): number => {
    let sum = 0;
    for (const r of reservations.values()) sum += r.planned * ratioFor(r.provider);
    for (const r of extra) sum += r.planned * ratioFor(r.provider);
    return sum;
  };
  let prior = 0;
  let stopped = false;
  const notRun = new Map<string, RunBudget['notRun'][number]>();

  const jobKey = (job: GuardedJob) =>
    keyOf(job.suite.config.name, job.variant.evalCase.id, job.model?.id ?? 'retrieval', job.repeat);

  return {
    admit(job) {
      if (!job.model) return true;
      const key = jobKey(job);
      const estimate = byJob.get(key);
      // No estimate (not a model call the plan knows) or one that costs nothing: never held back.
      const planned = estimate && !estimate.cached ? (estimate.costUsd ?? 0) : 0;
      if (planned === 0) return true;
      const cost = planned * ratioFor(job.model.id);
      if (stopped || spent + held() + cost > options.maxCostUsd) {
        stopped = true;
        const group = `${job.suite.config.name}\u0000${job.model.id}`;
        let entry = notRun.get(group);
        if (!entry) {
          entry = { suite: job.suite.config.name, provider: job.model.id, caseIds: [] };
          notRun.set(group, entry);
        }
        entry.caseIds.push(job.variant.evalCase.id);
        return false;
      }
      reservations.set(key, { planned, provider: job.model.id });
      return true;
    },
    settle(job, settled) {
      const key = jobKey(job);
      // The judge's calls were settled one by one (release): count only the case's own calls.
      const judgeCost = judgeMetered && settled.judge ? settled.judge.costUsd : 0;
      const result = {
        cached: settled.cached,
        costUsd: settled.costUsd === null || judgeCost === null ? null : settled.costUsd - judgeCost,
      };
      const estimate = byJob.get(key);
      if (job.model && !result.cached && estimate && !estimate.cached)
        observe(job.model.id, estimate.costUsd, result.costUsd);
      const reservation = reservations.get(key);
      if (reservation === undefined) {
        // Admitted as free; a cache entry that vanished between plan and call still costs money.
        if (!result.cached && result.costUsd) spent += result.costUsd;
        return;
      }
      reservations.delete(key);
      if (!result.cached) spent += result.costUsd ?? reservation.planned * ratioFor(reservation.provider);
    },
    reserve(provider, planned) {
      judgeMetered = true;
      // The judge's rate is learned apart from the same model's answers (its plan is max_tokens).
      const rateKey = `${provider}\u0000judge`;
      const cost = planned * ratioFor(rateKey);
      // Like a case job: a call the plan cannot price (or a free one) is never held back.
      if (cost > 0 && (stopped || spent + held() + cost > options.maxCostUsd)) {
        stopped = true;
        judgeNotRun ??= { provider, calls: 0 };
        judgeNotRun.calls++;
        return null;
      }
      const reservation = { provider: rateKey, planned };
      extra.add(reservation);
      return reservation;
    },
    release(reservation, actualUsd, cached = false) {
      if (!extra.delete(reservation) || cached) return;
      observe(reservation.provider, reservation.planned, actualUsd, true);
      spent += actualUsd ?? reservation.planned * ratioFor(reservation.provider);
    },
    spentBefore(usd) {
      spent += usd;
      prior += usd;
    },
    summary: () => ({
      maxCostUsd: options.maxCostUsd,
      estimatedCostUsd: round(estimatedCostUsd),
      spentUsd: round(spent),
      ...(prior > 0 && { priorSpentUsd: round(prior) }),
      ...(overall.estimated > 0 && { costRatio: round(overall.actual / overall.estimated) }),
      ...(unpricedCalls > 0 && { unpricedCalls }),
      stopped,
      notRun: [...notRun.values()],
      ...(judgeNotRun && { judgeNotRun: { ...judgeNotRun } }),
    }),
  };
}

function keyOf(suite: string, caseId: string, provider: string, repeat: number): string {
  return `${suite}\u0000${caseId}\u0000${provider}\u0000${repeat}`;
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
