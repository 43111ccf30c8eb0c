// Runs a sweep: estimates every variant's calls, asks the caller whether to go ahead (the spend
// check lives with the caller), runs the variants one after another — each a normal run with its
// own run folder — and builds the results matrix and the Pareto front. Running a variant is
// injected (the CLI passes evaluate() and the report writers), so this room never reaches into
// the pipeline and tests can count what it does.
import type { CaseResult, RunRecord } from '../run/types.js';
import { parseConfigPath } from './config-path.js';
import type { EstimateVariant, VariantEstimate } from './estimate-variant.js';
import { paretoFront } from './pareto-front.js';
import { buildSweepMatrix, type VariantData, SEQUENTIAL_LATENCY } from './sweep-matrix.js';
import type { SweepRecord, SweepVariantRecord } from './sweep-record.js';
import type { ValidatedVariant } from './validate-variants.js';

export interface SweepPlan {
  variants: number;
  modelCalls: number;
  cachedCalls: number;
  costUsd: number | null;
  /** Uncached calls with no price, when every variant's estimator counts them. */
  unpricedCalls?: number;
  perVariant: { name: string; estimate: VariantEstimate }[];
}

export interface VariantOutcome {
  record: RunRecord;
  results: CaseResult[];
}

export interface RunSweepOptions {
  record: Omit<SweepRecord, 'variants' | 'rows' | 'family' | 'pareto'>;
  variants: ValidatedVariant[];
  estimate: EstimateVariant;
  /** Called with the plan before anything runs; false stops the sweep (nothing is run). */
  confirm: (plan: SweepPlan) => Promise<boolean> | boolean;
  runVariant: (variant: ValidatedVariant, index: number) => Promise<VariantOutcome>;
  resamples: number;
  /** Whether the runs use the response cache (their work is then known to be cached). */
  useCache: boolean;
}

export async function planSweep(variants: ValidatedVariant[], estimate: EstimateVariant): Promise<SweepPlan> {
  const perVariant: SweepPlan['perVariant'] = [];
  // In run order: an estimator may count work an earlier variant already paid for as cached.
  for (const v of variants) perVariant.push({ name: v.name, estimate: await estimate(v) });
  const costs = perVariant.map((p) => p.estimate.costUsd);
  return {
    variants: variants.length,
    modelCalls: sum(perVariant.map((p) => p.estimate.modelCalls)),
    cachedCalls: sum(perVariant.map((p) => p.estimate.cachedCalls)),
    costUsd: costs.every((c) => c !== null) ? sum(costs as number[]) : null,
    ...(perVariant.every((p) => p.estimate.unpricedCalls !== undefined) && {
      unpricedCalls: sum(perVariant.map((p) => p.estimate.unpricedCalls ?? 0)),
    }),
    perVariant,
  };
}

export async function runSweep(
  options: RunSweepOptions,
): Promise<{ plan: SweepPlan; record: SweepRecord | null }> {
  const plan = await planSweep(options.variants, options.estimate);
  if (!(await options.confirm(plan))) return { plan, record: null };
  const reference = options.variants[0];
  const data: VariantData[] = [];
  const records: SweepVariantRecord[] = [];
  for (const [i, variant] of options.variants.entries()) {
    const outcome = await options.runVariant(variant, i);
    const { manifest } = outcome.record;
    data.push({
      name: variant.name,
      summary: outcome.record.summary,
      results: outcome.results,
      providerAlias: providerAlias(variant.set, reference.loaded.config.providers),
      ...(manifest.metricDefinitions ? { metricDefinitions: manifest.metricDefinitions } : {}),
    });
    records.push({
      name: variant.name,
      origin: variant.origin,
      set: variant.set,
      runId: manifest.runId,
      configHash: manifest.configHash,
      counts: {
        results: manifest.counts.results,
        requests: manifest.counts.requests,
        cached: manifest.counts.cached,
        errors: manifest.counts.errors,
      },
      index: manifest.retrieval
        ? {
            embedder: manifest.retrieval.embedder,
            chunking: manifest.retrieval.chunking,
            reused: manifest.retrieval.indexReused,
          }
        : null,
      estimate: {
        modelCalls: plan.perVariant[i].estimate.modelCalls,
        cachedCalls: plan.perVariant[i].estimate.cachedCalls,
        costUsd: plan.perVariant[i].estimate.costUsd,
      },
      ...(options.useCache && manifest.counts.errors === 0 && plan.perVariant[i].estimate.work
        ? { work: plan.perVariant[i].estimate.work }
        : {}),
      gate: outcome.record.gate.status,
      biasFailures: outcome.record.gate.failures
        .filter((f) => f.kind === 'bias' || f.kind === 'bias-regression')
        .map((f) => `${f.suite}/${f.metric}`),
      biasChecks: {
        judged: outcome.record.bias.rows.filter((r) => r.pass !== null).length,
        notJudged: outcome.record.bias.rows.filter((r) => r.pass === null).length,
      },
    });
  }
  const matrix = buildSweepMatrix({
    variants: data,
    metrics: options.record.metrics,
    confidence: options.record.confidence,
    resamples: options.resamples,
    seed: options.record.seed,
    latencyUntested: SEQUENTIAL_LATENCY,
  });
  return {
    plan,
    record: {
      ...options.record,
      variants: records,
      ...matrix,
      pareto: paretoFront(
        matrix.rows,
        records.map((r) => r.name),
      ),
    },
  };
}

/** A variant that set `providers[X].id` runs provider Y where the reference ran X: pair them. */
export function providerAlias(
  set: Readonly<Record<string, unknown>>,
  referenceProviders: readonly { id: string }[],
): Record<string, string> {
  const alias: Record<string, string> = {};
  for (const [path, value] of Object.entries(set)) {
    const steps = parseConfigPath(path);
    if (steps.length !== 3 || typeof value !== 'string') continue;
    const [list, select, field] = steps;
    if (
      !('key' in list) ||
      list.key !== 'providers' ||
      !('select' in select) ||
      !('key' in field) ||
      field.key !== 'id'
    )
      continue;
    const original = /^\d+$/.test(select.select)
      ? referenceProviders[Number(select.select)]?.id
      : select.select;
    if (original) alias[value] = original;
  }
  return alias;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
