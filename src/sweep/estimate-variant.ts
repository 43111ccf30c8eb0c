// Spend before a sweep starts: model calls per variant and how many of them the response cache
// will answer. The port (`EstimateVariant`) is what the sweep calls, once per variant in run
// order; priced-estimator.ts adds the plan's prices and cache lookups. This counter counts calls
// exactly (cases × available providers × repeats) and marks the calls of a (suite, provider)
// whose every request input is the same as in an earlier variant of this sweep (those will be
// in the cache by the time the variant runs). Calls that happen to repeat a context under other
// settings are not foreseen, so it errs towards more paid calls.
import path from 'node:path';
import type { EvalConfig } from '../config/schema.js';
import { expandCounterfactuals } from '../cases/expand-counterfactuals.js';
import { loadCases } from '../cases/load-cases.js';
import { hashValue } from '../core/hash.js';
import { DEFAULT_KEY_ENV } from '../providers/create-models.js';
import { defaultRetrievalMode } from '../rag/default-retrieval-mode.js';
import type { ValidatedVariant } from './validate-variants.js';

export interface VariantEstimate {
  modelCalls: number;
  /** Calls the response cache is expected to answer (free). */
  cachedCalls: number;
  /** Expected spend in USD, or null when this estimator does not price calls. */
  costUsd: number | null;
  /** Uncached calls with no price (they make costUsd null), when the estimator can count them. */
  unpricedCalls?: number;
  /**
   * Fingerprints of the cacheable work this variant does (a suite × provider's requests), kept
   * in sweep.json so a later sweep knows those calls are in the cache.
   */
  work?: string[];
  /** Per suite × provider: its calls, and whether an earlier variant (or sweep) makes them. */
  groups?: { suite: string; provider: string; calls: number; cachedBySweep: boolean }[];
}

export type EstimateVariant = (variant: ValidatedVariant) => Promise<VariantEstimate>;

export interface SweepEstimatorOptions {
  env: Readonly<Record<string, string | undefined>>;
  suites?: string[];
  providers?: string[];
  useCache: boolean;
  includeCase?: (suite: string, baseId: string) => boolean;
}

/** Providers whose answers the response cache keeps (local and app providers are not cached). */
const CACHED_FAMILIES = new Set(['openai', 'anthropic']);

export function createSweepEstimator(options: SweepEstimatorOptions): EstimateVariant {
  const seen = new Set<string>();
  const caseCounts = new Map<string, number>();
  return async (variant) => {
    const { config, root } = variant.loaded;
    let modelCalls = 0;
    let cachedCalls = 0;
    const work: string[] = [];
    const groups: NonNullable<VariantEstimate['groups']> = [];
    for (const suite of config.suites) {
      if (options.suites && !options.suites.includes(suite.name)) continue;
      if (suite.task === 'retrieval') continue;
      const cases = await countCases(config, root, suite, options, caseCounts);
      for (const provider of config.providers) {
        if (options.providers && !options.providers.includes(provider.id)) continue;
        if (suite.providers && !suite.providers.includes(provider.id)) continue;
        if (!available(provider, options.env)) continue;
        const calls = cases * config.repeat;
        modelCalls += calls;
        const family = provider.id.split('/')[0];
        const group = { suite: suite.name, provider: provider.id, calls, cachedBySweep: false };
        groups.push(group);
        if (!options.useCache || !CACHED_FAMILIES.has(family)) continue;
        const key = workKey(config, suite.name, provider, options.includeCase ? cases : null);
        // Only work of this sweep: a fingerprint from an earlier sweep cannot see an edited
        // prompt, case file or corpus, so what is already cached is asked of the cache itself
        // (priced-estimator.ts), never assumed.
        if (seen.has(key)) {
          cachedCalls += calls;
          group.cachedBySweep = true;
        }
        seen.add(key);
        work.push(key);
      }
    }
    return { modelCalls, cachedCalls, costUsd: null, work, groups };
  };
}

/**
 * Everything a (suite, provider)'s requests depend on; equal keys mean equal requests. The
 * retrieval mode is the one that runs (unset means the embedder's default), and a holdout
 * side is told apart by its case count.
 */
function workKey(
  config: EvalConfig,
  suiteName: string,
  provider: EvalConfig['providers'][number],
  cases: number | null,
): string {
  const suite = config.suites.find((s) => s.name === suiteName)!;
  const rag = config.rag
    ? {
        ...config.rag,
        index_dir: undefined,
        retrieve: {
          ...config.rag.retrieve,
          mode: config.rag.retrieve.mode ?? defaultRetrievalMode(config.rag.embedder),
        },
      }
    : null;
  return hashValue({
    provider,
    suite,
    seed: config.seed,
    repeat: config.repeat,
    bias: config.bias.attributes,
    rag: suite.task === 'rag-qa' ? rag : null,
    cases,
  }).slice(0, 24);
}

function available(provider: EvalConfig['providers'][number], env: SweepEstimatorOptions['env']): boolean {
  const family = provider.id.split('/')[0];
  if (family !== 'openai' && family !== 'anthropic') return true;
  return Boolean(provider.base_url || env[provider.api_key_env ?? DEFAULT_KEY_ENV[family]]);
}

async function countCases(
  config: EvalConfig,
  root: string,
  suite: EvalConfig['suites'][number],
  options: SweepEstimatorOptions,
  memo: Map<string, number>,
): Promise<number> {
  const key = hashValue({
    root,
    suite: suite.name,
    cases: suite.cases,
    task: suite.task,
    bias: config.bias.attributes,
  });
  const known = memo.get(key);
  if (known !== undefined) return known;
  const cases = await loadCases({
    file: path.resolve(root, suite.cases),
    displayPath: suite.cases,
    task: suite.task,
    labels: suite.labels,
  });
  const include = options.includeCase;
  const variants = expandCounterfactuals(cases, config.bias, suite.cases).filter(
    (v) => !include || include(suite.name, v.baseId),
  );
  memo.set(key, variants.length);
  return variants.length;
}
