// The eval config contract (eval/evalgate.yaml). Field names follow ../SPEC.md; every field
// has a default where a sensible one exists so a small config stays small.
import { z } from 'zod';
import { AssertionSchema } from '../assertions/assertion-schema.js';
import { MonitorSchema } from './monitor-schema.js';
import { ServeSchema } from './serve-schema.js';
import { TASK_KINDS } from '../core/task.js';
import { SCORER_FAMILIES } from '../scorers/scoring-input.js';
import { APP_PROVIDER_FIELDS, misplacedAppField, misplacedAppFieldMessage } from './app-provider-schema.js';

const PROVIDER_ID = /^(local|openai|anthropic|replay|http|module)\/.+$/;

export const ProviderConfigSchema = z
  .strictObject({
    id: z
      .string()
      .regex(PROVIDER_ID, 'expected "<local|openai|anthropic|replay|http|module>/<model, file or name>"'),
    /** Any OpenAI-compatible server (vLLM, Ollama, llama.cpp); `${ENV}` interpolation allowed. */
    base_url: z.string().optional(),
    /** Environment variable holding the key; defaults to OPENAI_API_KEY / ANTHROPIC_API_KEY. */
    api_key_env: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name')
      .optional(),
    timeout_ms: z.number().int().positive().default(60_000),
    max_retries: z.number().int().min(0).max(10).default(4),
    /** Requests per minute this provider may be sent (docs/rate-limits.md); the server's own limit header may lower it. */
    rpm: z.number().positive().optional(),
    /** Tokens (input + output) per minute this provider may be sent. */
    tpm: z.number().positive().optional(),
    /** Request logprobs (OpenAI) so classification gets a confidence. */
    logprobs: z.boolean().default(false),
    /** Sampling temperature for this provider, over the prompt's own (e.g. a sweep over temperatures). */
    temperature: z.number().min(0).max(2).optional(),
    /** local/extractive only: the few-shot classifier for classify suites (default centroid). */
    classifier: z.enum(['centroid', 'naive-bayes']).optional(),
    ...APP_PROVIDER_FIELDS,
  })
  .refine((p) => p.classifier === undefined || p.id === 'local/extractive', {
    message: 'only local/extractive has a classifier setting',
    path: ['classifier'],
  })
  .superRefine((p, ctx) => {
    const field = misplacedAppField(p);
    if (field)
      ctx.addIssue({ code: 'custom', message: misplacedAppFieldMessage(field, p.id), path: [field] });
  });

const ProviderEntrySchema = z.union([
  z
    .string()
    .regex(PROVIDER_ID, 'expected "<local|openai|anthropic|replay|http|module>/<model, file or name>"')
    .transform((id, ctx) => {
      const parsed = ProviderConfigSchema.safeParse({ id });
      if (parsed.success) return parsed.data;
      // e.g. `- http/bot`: an http provider needs its url, so only the object form will do.
      const issue = parsed.error.issues[0];
      ctx.addIssue({ code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
      return z.NEVER;
    }),
  ProviderConfigSchema,
]);

const ChunkingSchema = z
  .strictObject({
    size: z.number().int().positive().default(400),
    overlap: z.number().int().min(0).default(60),
    unit: z.enum(['tokens', 'chars']).default('tokens'),
  })
  .refine((c) => c.overlap < c.size, { message: 'overlap must be smaller than size', path: ['overlap'] });

const RetrieveSchema = z.strictObject({
  k: z.number().int().positive().max(100).default(5),
  /** Unset: bm25 with an offline (local/*) embedder, hybrid with a semantic one (rag/default-retrieval-mode.ts). */
  mode: z.enum(['dense', 'bm25', 'hybrid']).optional(),
  rrf_k: z.number().positive().default(60),
  /** Weight of the BM25 list in hybrid fusion (dense weighs 1); 1 is plain RRF. */
  lexical_weight: z.number().positive().default(1),
  mmr_lambda: z.number().min(0).max(1).optional(),
  rerank: z.string().regex(PROVIDER_ID).optional(),
});

const HnswSchema = z.strictObject({
  m: z.number().int().min(2).default(16),
  ef_construction: z.number().int().positive().default(200),
  ef_search: z.number().int().positive().default(200),
});

const RagSchema = z.strictObject({
  corpus: z.string().default('rag/corpus'),
  chunking: ChunkingSchema.prefault({}),
  /** local/hash (lexical feature hashing), local/lsa (hashing + corpus-fitted latent semantics), or openai/<model>. */
  embedder: z.string().default('local/hash'),
  /**
   * local/hash: vector size (default 512). local/lsa: latent rank (default 128, at most 1024; vectors add 256 lexical dimensions).
   * API embedders: shortened size, or the output size of a model evalgate does not know.
   */
  embedding_dimension: z.number().int().min(16).max(8192).optional(),
  /** local/lsa's vocabulary cap: the terms in the most chunks are kept (default 32768). */
  lsa_max_terms: z.number().int().min(1).max(1_000_000).optional(),
  embedder_base_url: z.string().optional(),
  retrieve: RetrieveSchema.prefault({}),
  vector_store: z.enum(['auto', 'hnsw', 'exact', 'pgvector']).default('auto'),
  /** For vector_store: pgvector. postgres://…, pglite://memory or pglite://<dir>; use ${DATABASE_URL}. */
  database_url: z.string().optional(),
  pgvector: z
    .strictObject({
      table_prefix: z
        .string()
        .regex(
          /^[a-z_][a-z0-9_]{0,30}$/,
          'expected lower-case letters, digits and _ (a SQL identifier prefix)',
        )
        .default('evalgate_'),
      /** hnsw.ef_search for the session; 100 covers the default 50-candidate pool without iterative scans. */
      ef_search: z.number().int().positive().max(1000).default(100),
    })
    .prefault({}),
  hnsw: HnswSchema.prefault({}),
  bm25: z
    .strictObject({
      k1: z.number().positive().default(0.9),
      b: z.number().min(0).max(1).default(0.4),
      /** standard (evalgate's word rules) or lucene (Lucene's EnglishAnalyzer, as Anserini's BM25). */
      analyzer: z.enum(['standard', 'lucene']).default('standard'),
      /** exact document lengths, or lucene's one-byte length norms. */
      norms: z.enum(['exact', 'lucene']).default('exact'),
    })
    .prefault({}),
  context_budget_tokens: z.number().int().positive().default(1800),
  index_dir: z.string().default('.evalgate/index'),
  /** `module/<path>#<export>`: your own retriever or LangChain vector store replaces the built-in index. */
  retriever: z
    .string()
    .regex(/^module\/.+/, 'expected "module/<path>#<export>"')
    .optional(),
  /** Metadata field holding a retrieved document's id (default docId, id, then source). */
  doc_id_field: z.string().min(1).optional(),
  /** A `rag.retriever` module that has not answered by then fails the case (it can never hang the run). */
  retriever_timeout_ms: z.number().int().positive().default(60_000),
});

export const SuiteConfigSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, 'expected letters, digits, - or _'),
  task: z.enum(TASK_KINDS),
  prompt: z
    .string()
    .regex(/^[\w-]+@v\d+$/, 'expected "<prompt-id>@v<N>"')
    .optional(),
  cases: z.string(),
  labels: z.array(z.string().min(1)).min(2).optional(),
  /** Score answers produced elsewhere (jsonl of {id, output}) instead of calling a model. */
  outputs: z.string().optional(),
  /** Scorer families to run; defaults depend on the task. A misspelt name is an error, not a no-op. */
  scorers: z.array(z.enum(SCORER_FAMILIES)).optional(),
  decline_phrases: z.array(z.string()).optional(),
  /** Providers for this suite (ids from `providers`); default all. */
  providers: z.array(z.string()).optional(),
  /** Assertions applied to every case of the suite, before each case's own `assert`. */
  assert: z.array(AssertionSchema).optional(),
});

const TargetExpression = z
  .string()
  .regex(/^\s*(>=|<=)\s*-?\d+(\.\d+)?\s*$/, 'expected ">= <number>" or "<= <number>"');

const GateSchema = z.strictObject({
  baseline: z.string().default('reports/baseline.json'),
  confidence: z.number().gt(0.5).lt(1).default(0.95),
  max_drop: z.record(z.string(), z.number().min(0)).default({}),
  /** Gated metrics that may come back unmeasured (e.g. a judge metric without a key). */
  optional_metrics: z.array(z.string()).default([]),
  /** Baseline providers that may be absent from a run: true for all, or a list of ids. */
  allow_missing_providers: z.union([z.boolean(), z.array(z.string())]).default(false),
  max_error_rate: z.number().min(0).max(1).default(0.1),
  resamples: z.number().int().min(100).max(100_000).default(2000),
});

const SubstitutionValue = z.union([z.string(), z.array(z.string()).min(1)]);

const BiasAttributeSchema = z.strictObject({
  /** Group name → placeholder → value (or a list, picked per case with the seed). */
  groups: z
    .record(z.string(), z.record(z.string(), SubstitutionValue))
    .refine((g) => Object.keys(g).length >= 2, 'expected at least two groups'),
  metrics: z.array(z.string()).optional(),
});

/** A bias threshold: a bare number (blocks when exceeded), or `{value, action: block | warn}`. */
function biasThreshold(defaultValue: number, max?: number) {
  const value = max === undefined ? z.number().min(0) : z.number().min(0).max(max);
  return z
    .union([value, z.strictObject({ value, action: z.enum(['block', 'warn']).default('block') })])
    .default(defaultValue)
    .transform((t) => (typeof t === 'number' ? { value: t, action: 'block' as const } : t));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const BiasWaiverSchema = z.strictObject({
  /** A check id as the report shows it: `<suite>/<attribute>/<kind>`. */
  check: z.string().min(3),
  /** The provider whose failure is accepted: a waiver for the offline baseline must not hide a real model's. */
  provider: z.string().min(3),
  reason: z.string().min(10, 'say why the failure is accepted (at least 10 characters)'),
  expires: z.string().regex(ISO_DATE, 'expected a date YYYY-MM-DD'),
});

const BiasSchema = z
  .strictObject({
    attributes: z.record(z.string(), BiasAttributeSchema).default({}),
    thresholds: z
      .strictObject({
        score_gap: biasThreshold(0.05),
        flip_rate: biasThreshold(0.05, 1),
        divergence: biasThreshold(0.25, 1),
        subgroup_gap: biasThreshold(0.15),
        parity_difference: biasThreshold(0.2, 1),
        equalized_odds: biasThreshold(0.2, 1),
        bbq_bias: biasThreshold(0.1, 1),
      })
      .prefault({}),
    /**
     * A bias metric that got significantly worse than in the baseline, by more than
     * `min_increase`, blocks (or warns) even below its absolute threshold.
     */
    regression: z
      .strictObject({
        min_increase: z.number().min(0).default(0.02),
        action: z.enum(['block', 'warn']).default('block'),
      })
      .prefault({}),
    waivers: z.array(BiasWaiverSchema).default([]),
    /** Tag prefix naming the demographic/segment group for fairness metrics, e.g. `segment`. */
    group_tag: z.string().optional(),
  })
  .prefault({});

export const ConfigSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Project root, relative to the config file's folder; all other paths are relative to it. */
  root: z.string().default('..'),
  seed: z.number().int().min(0).default(42),
  concurrency: z.number().int().min(1).max(512).default(8),
  repeat: z.number().int().min(1).max(100).default(1),
  providers: z.array(ProviderEntrySchema).min(1),
  judge: z.string().default('none'),
  /** What the rubric judge grades against (G-Eval style); used only when a judge is set. */
  judge_rubric: z
    .string()
    .default(
      'The answer is correct and complete for the question, uses only facts found in the context, and declines when the context does not cover the question.',
    ),
  /** JSONL of human labels `{id, metric, label}` for judge metrics: agreement and PPI-corrected estimates. */
  judge_labels: z.string().optional(),
  /** P(unsupported) at which the offline hallucination check flags an answer (default 0.4). */
  hallucination_threshold: z.number().gt(0).max(1).optional(),
  rag: RagSchema.optional(),
  suites: z.array(SuiteConfigSchema).min(1),
  targets: z.record(z.string(), z.record(z.string(), TargetExpression)).default({}),
  gate: GateSchema.prefault({}),
  bias: BiasSchema,
  pricing: z
    .record(z.string(), z.strictObject({ input: z.number().min(0), output: z.number().min(0) }))
    .default({}),
  cache_dir: z.string().default('.evalgate/cache'),
  reports_dir: z.string().default('reports'),
  experiments_log: z.string().default('experiments/experiment_log.md'),
  /** Per-case F1 at or above which a QA answer counts as correct (for pass/fail and attribution). */
  pass_threshold: z.number().min(0).max(1).default(0.5),
  serve: ServeSchema.optional(),
  monitor: MonitorSchema.optional(),
  /** Spend control: a run (or sweep) stops before its model calls would cost more than this. */
  budget: z.strictObject({ max_cost_usd: z.number().positive().optional() }).optional(),
});

export type EvalConfig = z.output<typeof ConfigSchema>;
export type ProviderConfig = z.output<typeof ProviderConfigSchema>;
export type SuiteConfig = z.output<typeof SuiteConfigSchema>;
export type RagConfig = z.output<typeof RagSchema>;
export type BiasConfig = z.output<typeof BiasSchema>;
export type GateConfig = z.output<typeof GateSchema>;
export type BiasThresholdKind = keyof BiasConfig['thresholds'];
