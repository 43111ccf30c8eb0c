// What `baseline accept` stores for serving and monitoring (the `serving` section of
// reports/baseline.json): the pipeline that was evaluated — index key, prompt content hashes,
// provider settings, review thresholds — and the eval's reference distributions per suite, so
// `serve` can refuse to run something else and `monitor` works on a fresh clone.
import { type QuerySettings, querySettings } from './query-settings.js';
import { z } from 'zod';
import type { EvalConfig } from '../config/schema.js';
import { redactUrl } from '../core/redact.js';
import type { CaseResult, RunRecord } from '../run/types.js';

/** Provider settings that change what a model answers (the key itself never appears). */
export interface ProviderSettings {
  id: string;
  base_url: string | null;
  logprobs: boolean;
  classifier: string | null;
  timeout_ms: number;
  max_retries: number;
}

/** The eval's distributions for one suite × provider, the null the monitor tests against. */
export interface ReferenceDistribution {
  n: number;
  errors: number;
  /** Predicted label counts (classify; `null` predictions counted under "(invalid)"). */
  labels?: Record<string, number>;
  /** Gold-label correctness per confidence, for the label-free quality estimate (classify). */
  correct?: number[];
  /** Per confidence: predicted and gold label as indexes into `labelOrder` (−1 = not a label). */
  predicted?: number[];
  gold?: number[];
  labelOrder?: string[];
  confidence: number[];
  inputLength: number[];
  retrievalTopScore: number[];
  latencyMs: number[];
  needsReview: number;
  /** Out-of-vocabulary rate of each eval input against the corpus (absent without a corpus). */
  oovRate?: number[];
  /** Cosine distance of each eval input's embedding from `centroid`. */
  centroidDistance?: number[];
  /** Unit centroid of the suite's eval-input embeddings (absent without an embedder). */
  centroid?: number[];
}

export interface ServingReference {
  schemaVersion: 1;
  /** Hash of corpus content + chunking + embedder (+ store settings); null without retrieval. */
  indexKey: string | null;
  /** Prompt id → `<id>@v<N>#<content hash>`. */
  prompts: Record<string, string>;
  providers: Record<string, ProviderSettings>;
  /** suite → provider → review threshold (confidence below it goes to a person). */
  review: Record<string, Record<string, { targetPrecision: number; threshold: number | null }>>;
  reference: Record<string, Record<string, ReferenceDistribution>>;
  /** Retrieval and suite settings that change answers without changing the index (query-settings.ts). */
  settings?: QuerySettings;
}

export const INVALID_LABEL = '(invalid)';

export function providerSettings(
  provider: EvalConfig['providers'][number],
  env: Readonly<Record<string, string | undefined>>,
): ProviderSettings {
  return {
    id: provider.id,
    base_url: provider.base_url ? redactUrl(provider.base_url, env) : null,
    logprobs: provider.logprobs,
    classifier: provider.classifier ?? null,
    timeout_ms: provider.timeout_ms,
    max_retries: provider.max_retries,
  };
}

/**
 * Whether a served prediction goes to a person: no usable output, a decline, or a confidence
 * under the accepted review threshold. A suite whose threshold is null (no cut reached the
 * target precision) sends every confident-looking prediction to review too.
 */
export function needsReview(options: {
  failed: boolean;
  declined: boolean;
  confidence: number | null;
  review: { threshold: number | null } | undefined;
}): boolean {
  if (options.failed || options.declined) return true;
  if (!options.review) return false;
  if (options.review.threshold === null) return true;
  return options.confidence === null || options.confidence < options.review.threshold;
}

function labelOrderOf(config: EvalConfig, suite: string): string[] {
  return [...(config.suites.find((s) => s.name === suite)?.labels ?? [])];
}

export function buildServingReference(options: {
  config: EvalConfig;
  record: RunRecord;
  results: readonly CaseResult[];
  indexKey: string | null;
  env: Readonly<Record<string, string | undefined>>;
  isDeclined: (result: CaseResult) => boolean;
}): ServingReference {
  const { config, record, results } = options;
  const runProviders = new Set(record.manifest.providers.map((p) => p.id));
  const providers: Record<string, ProviderSettings> = {};
  for (const p of config.providers)
    if (runProviders.has(p.id)) providers[p.id] = providerSettings(p, options.env);

  const review: ServingReference['review'] = {};
  for (const s of record.summary) {
    const r = s.classification?.reviewThreshold;
    if (!r) continue;
    review[s.suite] ??= {};
    review[s.suite][s.provider] = { targetPrecision: r.targetPrecision, threshold: r.threshold };
  }

  const reference: ServingReference['reference'] = {};
  for (const r of results) {
    if (r.task !== 'classify' && r.task !== 'rag-qa' && r.task !== 'qa') continue;
    reference[r.suite] ??= {};
    const dist = (reference[r.suite][r.provider] ??= {
      n: 0,
      errors: 0,
      ...(r.task === 'classify'
        ? {
            labels: {},
            correct: [],
            predicted: [],
            gold: [],
            labelOrder: labelOrderOf(options.config, r.suite),
          }
        : {}),
      confidence: [],
      inputLength: [],
      retrievalTopScore: [],
      latencyMs: [],
      needsReview: 0,
    });
    dist.n++;
    if (r.error) dist.errors++;
    dist.inputLength.push(r.input.length);
    if (r.latencyMs !== null) dist.latencyMs.push(r.latencyMs);
    const top = r.retrieval?.chunks[0]?.score;
    if (top !== undefined && top !== null) dist.retrievalTopScore.push(top);
    const confidence = typeof r.confidence === 'number' ? r.confidence : null;
    if (r.task === 'classify' && dist.labels && !r.error) {
      const label = r.predicted ?? INVALID_LABEL;
      dist.labels[label] = (dist.labels[label] ?? 0) + 1;
      if (confidence !== null) {
        dist.confidence.push(confidence);
        dist.correct!.push(r.predicted === r.label ? 1 : 0);
        dist.predicted!.push(dist.labelOrder!.indexOf(r.predicted ?? ''));
        dist.gold!.push(dist.labelOrder!.indexOf(r.label ?? ''));
      }
    } else if (confidence !== null && !r.error) dist.confidence.push(confidence);
    const failed = Boolean(r.error) || (r.task === 'classify' && r.predicted == null);
    if (
      needsReview({
        failed,
        declined: r.task !== 'classify' && !r.error && options.isDeclined(r),
        confidence,
        review: review[r.suite]?.[r.provider],
      })
    )
      dist.needsReview++;
  }
  return {
    schemaVersion: 1,
    indexKey: options.indexKey,
    prompts: record.manifest.prompts,
    providers,
    review,
    reference,
    settings: querySettings(options.config, Object.keys(reference)),
  };
}

/**
 * Number lists are stored as one space-separated string each, so the baseline (pretty-printed
 * one value per line) stays a readable file with one line per distribution.
 */
const Numbers = z
  .string()
  .regex(/^(-?[\d.e+-]+( -?[\d.e+-]+)*)?$/, 'expected space-separated numbers')
  .transform((text) => (text ? text.split(' ').map(Number) : []));

/** The stored form of a reference: number lists as strings (see `Numbers`). */
export function storedServingReference(reference: ServingReference): unknown {
  const reference2: Record<string, Record<string, unknown>> = {};
  for (const [suite, byProvider] of Object.entries(reference.reference)) {
    reference2[suite] = {};
    for (const [provider, d] of Object.entries(byProvider))
      reference2[suite][provider] = {
        ...d,
        ...(d.correct ? { correct: d.correct.join(' ') } : {}),
        ...(d.predicted ? { predicted: d.predicted.join(' ') } : {}),
        ...(d.gold ? { gold: d.gold.join(' ') } : {}),
        confidence: d.confidence.join(' '),
        inputLength: d.inputLength.join(' '),
        retrievalTopScore: d.retrievalTopScore.join(' '),
        latencyMs: d.latencyMs.join(' '),
        ...(d.oovRate ? { oovRate: d.oovRate.join(' ') } : {}),
        ...(d.centroidDistance ? { centroidDistance: d.centroidDistance.join(' ') } : {}),
        ...(d.centroid ? { centroid: d.centroid.join(' ') } : {}),
      };
  }
  return { ...reference, reference: reference2 };
}

export const ServingReferenceSchema = z.object({
  schemaVersion: z.literal(1),
  settings: z.record(z.string(), z.string()).optional(),
  indexKey: z.string().nullable(),
  prompts: z.record(z.string(), z.string()),
  providers: z.record(
    z.string(),
    z.object({
      id: z.string(),
      base_url: z.string().nullable(),
      logprobs: z.boolean(),
      classifier: z.string().nullable(),
      timeout_ms: z.number(),
      max_retries: z.number(),
    }),
  ),
  review: z.record(
    z.string(),
    z.record(z.string(), z.object({ targetPrecision: z.number(), threshold: z.number().nullable() })),
  ),
  reference: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        n: z.number(),
        errors: z.number(),
        labels: z.record(z.string(), z.number()).optional(),
        correct: Numbers.optional(),
        predicted: Numbers.optional(),
        gold: Numbers.optional(),
        labelOrder: z.array(z.string()).optional(),
        confidence: Numbers,
        inputLength: Numbers,
        retrievalTopScore: Numbers,
        latencyMs: Numbers,
        needsReview: z.number(),
        oovRate: Numbers.optional(),
        centroidDistance: Numbers.optional(),
        centroid: Numbers.optional(),
      }),
    ),
  ),
}) satisfies z.ZodType<ServingReference>;
