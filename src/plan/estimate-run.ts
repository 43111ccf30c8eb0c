// `estimateRun`: what `evalgate eval` would do with this config and these flags — model calls,
// how many the cache already answers, tokens, cost and wall time — without calling a model.
// Takes a loaded (or in-memory) config, so a sweep can price each variant before running it.
import type { ModuleClosers } from '../providers/module/module-closers.js';
import path from 'node:path';
import { checkRequestedSuites } from '../config/check-requested-suites.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { Clock } from '../core/clock.js';
import { systemClock } from '../core/clock.js';
import { createRng } from '../core/rng.js';
import { prepareSuites } from '../pipeline/prepare-suites.js';
import type { PreparedSuite } from '../pipeline/prepared-suite.js';
import { createModels, type CreatedModels } from '../providers/create-models.js';
import { createConfigPriceTable } from '../providers/pricing.js';
import { readBaseline } from '../run/baseline.js';
import type { Baseline } from '../run/types.js';
import { estimateJobs, retrievalIsFree, type RetrievalForPlan } from './estimate-jobs.js';
import { providerRateLimits, type ProviderRateLimits } from './provider-rate-limits.js';
import { summarizeEstimate, type RunEstimate } from './summarize-estimate.js';
import { usageProfile } from './usage-profile.js';
import type { JobSelection } from '../selection/select-jobs.js';
import { chooseCases } from '../pipeline/choose-cases.js';

export interface EstimateRunOptions {
  loaded: LoadedConfig;
  env: Readonly<Record<string, string | undefined>>;
  /** eval's selection flags. */
  suites?: string[];
  /** eval's case selection (--shard, --limit, --sample, --filter, --case, --rerun-failed). */
  selection?: JobSelection;
  providers?: string[];
  repeat?: number;
  concurrency?: number;
  /** false = --no-cache: every call is made. */
  useCache?: boolean;
  /** --batch: uncached API calls at the batch discount. */
  batch?: boolean;
  /** The baseline to take output lengths and latencies from; default: the config's gate.baseline. */
  baseline?: Baseline | null;
  /** Request / token limits per provider id, over the config's `rpm` / `tpm`. */
  rateLimits?: Readonly<Record<string, ProviderRateLimits>>;
  clock?: Clock;
  onNote?: (line: string) => void;
  /** Where the user modules' `close` exports are registered; the caller closes them (see evaluate). */
  moduleClosers?: ModuleClosers;
}

export interface RunEstimateWithNotes extends RunEstimate {
  /** What the estimate leaves out or assumes, one line each. */
  notes: string[];
  /** Suite × provider pairs the run covers (for a sample-size plan). */
  covered: { suite: string; provider: string }[];
  baseline: Baseline | null;
}

export async function estimateRun(options: EstimateRunOptions): Promise<RunEstimateWithNotes> {
  const { loaded } = options;
  const { config, root } = loaded;
  const configFile = path.relative(process.cwd(), loaded.file) || loaded.file;
  checkRequestedSuites(config, options.suites, configFile);
  const notes: string[] = [];
  const rng = createRng(config.seed);
  const created = await createModels({
    config,
    root,
    configFile,
    env: options.env,
    requested: options.providers,
    useCache: options.useCache ?? true,
    clock: options.clock ?? systemClock,
    rng,
    onNote: options.onNote,
    moduleClosers: options.moduleClosers,
  });
  try {
    for (const s of created.skipped) notes.push(`skipping ${s.id}: ${s.reason}`);
    const suites = await prepareSuites({
      loaded,
      models: created.models,
      replayModels: created.replayBySuite,
      onlySuites: options.suites,
      rng,
    });
    const baseline =
      options.baseline !== undefined
        ? options.baseline
        : await readBaseline(path.resolve(root, config.gate.baseline), config.gate.baseline);
    const retrieval = await planRetrieval({
      loaded,
      suites,
      env: options.env,
      configFile,
      notes,
      created,
      moduleClosers: options.moduleClosers,
    });
    const profile = usageProfile(baseline);
    const batch = options.batch ?? false;
    const repeat = options.repeat ?? config.repeat;
    // The same selection eval makes (chooseCases), so the plan prices exactly its cases.
    const chosen = options.selection ? chooseCases(suites, repeat, options.selection, config.seed) : null;
    const jobs = await estimateJobs({
      suites,
      repeat,
      include: chosen?.includes,
      retrieval: retrieval.runtime,
      rag: config.rag,
      cache: options.useCache === false ? null : created.cache,
      prices: createConfigPriceTable(config.pricing),
      profile,
      batch,
    });
    await retrieval.close();
    const estimate = summarizeEstimate(jobs, {
      profile,
      concurrency: options.concurrency ?? config.concurrency,
      rateLimits: (id) => ({
        ...providerRateLimits(
          config.providers.find((p) => p.id === id) ?? { id, timeout_ms: 0, max_retries: 0, logprobs: false },
        ),
        ...options.rateLimits?.[id],
      }),
      batch,
    });
    notes.push(...leftOut(created, estimate));
    const covered = suites.flatMap((s) =>
      s.config.task === 'retrieval'
        ? [{ suite: s.config.name, provider: 'retrieval' }]
        : s.models.map((m) => ({ suite: s.config.name, provider: m.id })),
    );
    return { ...estimate, notes, covered, baseline };
  } finally {
    created.close();
  }
}

/** The run's own retrieval, when running it costs nothing; otherwise contexts are bounded. */
async function planRetrieval(options: {
  loaded: LoadedConfig;
  moduleClosers?: ModuleClosers;
  suites: PreparedSuite[];
  env: Readonly<Record<string, string | undefined>>;
  configFile: string;
  notes: string[];
  created: CreatedModels;
}): Promise<{ runtime: RetrievalForPlan | null; close: () => Promise<void> }> {
  const { config, root } = options.loaded;
  const none = { runtime: null, close: async () => undefined };
  if (!config.rag || !options.suites.some((s) => s.config.task === 'rag-qa' && s.models.length > 0))
    return none;
  if (!retrievalIsFree(config.rag)) {
    options.notes.push(
      `retrieval uses a paid ${config.rag.retrieve.rerank ? 'reranker' : 'embedder'}, so the plan does not run it: rag-qa inputs are bounded by context_budget_tokens (${config.rag.context_budget_tokens}) and counted as not cached`,
    );
    return none;
  }
  const { createRagRuntime } = await import('../pipeline/rag-runtime.js');
  const runtime = await createRagRuntime({
    rag: config.rag,
    root,
    env: options.env,
    configFile: options.configFile,
    annRecallSampleRate: 0,
    moduleClosers: options.moduleClosers,
  });
  return { runtime, close: () => runtime.close() };
}

function leftOut(created: CreatedModels, estimate: RunEstimate): string[] {
  const notes: string[] = [];
  if (created.judge)
    notes.push(`the judge (${created.judge.id}) is not in the estimate: its calls depend on the answers`);
  if (created.reranker) notes.push(`the reranker (${created.reranker.id}) is not in the estimate`);
  if (estimate.unpricedCalls > 0)
    notes.push(
      `${estimate.unpricedCalls} uncached calls have no price (add the model under \`pricing:\`), so the cost is a lower bound`,
    );
  return notes;
}
