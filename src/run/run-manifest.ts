// The manifest of a run: what was run, with which settings, prompts, cases and corpus, what it
// cost and how it was cut (selection, shard, budget, batch). Split from types.ts, which
// re-exports it, so each file stays one readable size.
import type { TaskKind } from '../core/task.js';

/** Generation settings of a prompt version, as sent to the model. */
export interface GenerationSettings {
  temperature: number | null;
  maxTokens: number | null;
  fewShot: number;
  fewShotFile: string | null;
}

export interface RunManifest {
  schemaVersion: 2;
  runId: string;
  name: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  gitSha: string | null;
  gitDirty: boolean | null;
  configHash: string;
  configFile: string;
  corpusHash: string | null;
  seed: number;
  repeat: number;
  hypothesis: string | null;
  /**
   * A run made by `evalgate sweep`: the sweep's id, this variant's name, the config paths it set,
   * and which cases ran (`sweep`: all but the holdout, `holdout`: only the held-out ones).
   */
  sweep?: {
    id: string;
    variant: string;
    set: Record<string, unknown>;
    cases?: 'all' | 'sweep' | 'holdout';
  };
  /** `--suite` / `--provider` selections, when the run was limited to part of the config. */
  filters?: {
    suites?: string[];
    providers?: string[];
    /** Case selections (src/selection): a run with any of these is partial, never a release. */
    limit?: number;
    sample?: number;
    filter?: string[];
    cases?: string[];
    /** Run id whose failed cases were rerun. */
    rerunFailed?: string;
  };
  /** `--shard i/n` (1-based): this run holds one shard; `evalgate merge` joins them. */
  shard?: { index: number; count: number };
  /** A run made by `evalgate merge`: the shard runs it joins, in shard order. */
  mergedFrom?: string[];
  /** Finished by `--resume`: when the run first began, and how many results it had written. */
  resumed?: { startedAt: string; priorResults: number };
  providers: { id: string; provider: string; model: string; baseUrl?: string; classifier?: string }[];
  /** Configured providers that did not run, and why (a missing key names its variable). */
  skippedProviders?: { id: string; reason: string; keyEnv?: string }[];
  prompts: Record<string, string>;
  /** Metric → version of its definition, for metrics whose scorer changes between releases. */
  metricDefinitions?: Record<string, string>;
  /** `hallucination_threshold` when the config set one (absent: the check's default). */
  hallucinationThreshold?: number;
  /** Prompt version id → temperature, max_tokens and few-shot examples used. */
  generation?: Record<string, GenerationSettings>;
  retrieval: {
    embedder: string;
    mode: string;
    k: number;
    chunking: string;
    vectorStore: string;
    /** Why vectorStore is not the store asked for (e.g. hnswlib-node missing → exact). */
    vectorStoreFallback?: string;
    /** The vector store's recall@k against exact search on sampled queries (hnswlib, pgvector). */
    annRecall?: {
      store: string;
      k: number;
      sampledSearches: number;
      recallAtK: number | null;
      shortResults: number;
      shortQueries: string[];
    };
    contextBudgetTokens: number;
    indexReused: boolean;
  } | null;
  /** `fileHash`: content hash of the gold case file; `caseHashes`: case id → content hash. */
  suites: {
    name: string;
    task: TaskKind;
    cases: number;
    file: string;
    fileHash?: string;
    caseHashes?: Record<string, string>;
  }[];
  packageVersions: Record<string, string>;
  timings: Record<string, number>;
  counts: {
    results: number;
    errors: number;
    cached: number;
    requests: number;
    /** Results whose reranker failed and fell back to the first-stage order. */
    rerankFallbacks?: number;
  };
  /** The spending limit the run was held to (`budget.max_cost_usd` / `--max-cost-usd`), when set. */
  budget?: RunBudget;
  /** `eval --batch`, or answers billed at the batch price read from the cache (src/batch). */
  batch?: BatchManifest;
}

/** What a run with a spending limit estimated, spent, and left undone to stay under it. */
export interface RunBudget {
  maxCostUsd: number;
  /** The plan's estimate before the run (uncached calls; cached ones cost nothing). */
  estimatedCostUsd: number;
  /**
   * Cost of the uncached calls made (recorded cost, or the estimate where none was recorded),
   * a batch's billed cost included (at the batch price), and `priorSpentUsd` on a resumed run.
   */
  spentUsd: number;
  /** A resumed run: what the interrupted run had spent (part of spentUsd). */
  priorSpentUsd?: number;
  /**
   * Actual cost over estimated cost of the settled calls with a known cost. Above 1 the guard
   * scaled its later reservations by it (per provider), to stop before the limit.
   */
  costRatio?: number;
  /** True when calls were left out because the next one would have crossed the limit. */
  stopped: boolean;
  /** The model calls not made, by suite × provider. */
  notRun: { suite: string; provider: string; caseIds: string[] }[];
  /**
   * A merged run (`evalgate merge`): how many shards' budgets it adds up, and their one limit when
   * they shared it (maxCostUsd is then the sum: what the shards together were allowed).
   */
  shards?: number;
  /** Paid calls the price table could not price (started with --yes): not held to the limit. */
  unpricedCalls?: number;
  shardLimitUsd?: number;
  /** Paid judge calls not made after the stop: those answers' judge scores are not assessed. */
  judgeNotRun?: { provider: string; calls: number };
}

/** The batches a run submitted or picked up, and what the batch price saved. */
export interface BatchManifest {
  /** Set when the run used `--batch`. */
  submitted?: {
    batches: {
      provider: string;
      batchId: string;
      status: string;
      requests: number;
      succeeded: number;
      failed: number;
      resumed: boolean;
      /**
       * Milliseconds from submission to collection as this run saw it (polling granularity;
       * for a resumed batch, from the first run's submission): the batch's wall time.
       */
      wallMs?: number;
    }[];
    requests: number;
    retriedDirectly: number;
    failed: number;
  };
  /** Model calls billed at the batch price, and the list price of the same tokens. */
  cost: {
    calls: number;
    unpricedCalls: number;
    costUsd: number;
    listCostUsd: number;
    savingUsd: number;
  } | null;
}
