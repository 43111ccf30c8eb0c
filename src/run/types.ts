// The run record: what one `evalgate eval` produced. Everything after generation (summary,
// comparison, gate, reports) is a pure function of these shapes, so `evalgate report` can
// re-render a run without calling a model.
import type { TaskKind } from '../core/task.js';

export type FailureAttribution =
  | 'pass'
  | 'retrieval-miss'
  | 'context-overflow'
  | 'generation-error'
  | 'wrong-label'
  | 'provider-error';

/** One line of results.jsonl: one case × provider × repeat. */
export interface CaseResult {
  suite: string;
  task: TaskKind;
  /** Unique within the suite; counterfactual variants are `<baseId>[<attribute>=<group>]`. */
  caseId: string;
  baseId: string;
  variant?: { attribute: string; group: string };
  provider: string;
  repeat: number;
  promptVersion: string | null;
  /** Question, classify input or retrieval query as sent (after placeholder expansion). */
  input: string;
  output: string | null;
  references?: string[];
  unanswerable?: boolean;
  /** Classification gold label and the parsed prediction (null = not one of the labels). */
  label?: string;
  predicted?: string | null;
  confidence?: number | null;
  labelProbabilities?: Record<string, number>;
  mcq?: {
    options: string[];
    chosen: number | null;
    correct: number;
    biased: number;
    unknown: number;
    condition: 'ambiguous' | 'disambiguated';
    polarity?: string;
    category?: string;
  };
  relevantDocs?: Record<string, number>;
  /** Retrieved chunks and documents in rank order. */
  retrieval?: {
    chunks: { id: string; docId: string; score: number }[];
    docs: string[];
    /** The vector store returned fewer candidates than asked and than it holds (see manifest.retrieval.annRecall). */
    shortVectorList?: true;
  };
  context?: {
    included: string[];
    dropped: string[];
    usedTokens: number;
    budgetTokens: number;
    overflow: boolean;
  };
  usage?: { inputTokens: number; outputTokens: number; estimated: boolean };
  /** Generation cost plus, when a reranker or a judge took part, their costs. */
  costUsd: number | null;
  /** Tokens and cost of reranking this case's query (included in costUsd). */
  rerank?: { inputTokens: number; outputTokens: number; estimated: boolean; costUsd: number | null };
  /** Tokens and cost of LLM-judge calls for this case (included in costUsd). */
  judge?: { inputTokens: number; outputTokens: number; estimated: boolean; costUsd: number | null };
  latencyMs: number | null;
  cached: boolean;
  attempts: number;
  error?: { code: string; message: string };
  attribution: FailureAttribution | null;
  /** Metric name → per-case value (null = does not apply). */
  scores: Record<string, number | null>;
  /** Short explanations for low scores (e.g. unsupported sentences), for error analysis. */
  notes?: Record<string, string>;
  tags: string[];
}

export interface MetricSummary {
  value: number | null;
  low: number | null;
  high: number | null;
  /** Cases that contributed (nulls excluded). */
  n: number;
  /** `mean` of per-case values, or a suite-level `statistic` (macro-F1, p95, ECE...). */
  kind: 'mean' | 'statistic';
  /** Wilson interval for 0/1 metrics, next to the bootstrap one. */
  wilson?: [number, number];
}

export interface ClassificationSummary {
  labels: string[];
  confusion: Record<string, Record<string, number>>;
  perClass: Record<
    string,
    { precision: number | null; recall: number | null; f1: number | null; support: number }
  >;
  reliability?: {
    low: number;
    high: number;
    count: number;
    accuracy: number | null;
    confidence: number | null;
  }[];
  reviewThreshold?: { targetPrecision: number; threshold: number | null; reviewShare: number | null };
}

export interface SuiteSummary {
  suite: string;
  task: TaskKind;
  provider: string;
  model: string;
  promptVersion: string | null;
  /** Unique cases (repeats of a case count once). */
  cases: number;
  /** Result rows: cases × repeats. */
  results?: number;
  /** Result rows whose model call failed. */
  errors: number;
  metrics: Record<string, MetricSummary>;
  attribution?: Partial<Record<FailureAttribution, number>>;
  classification?: ClassificationSummary;
  cost: {
    totalUsd: number | null;
    perCaseUsd: number | null;
    inputTokens: number;
    outputTokens: number;
    estimatedCases: number;
  };
  confidenceHistogram?: { low: number; high: number; count: number; correct: number }[];
  flaky?: { caseIds: string[]; share: number };
}

export interface BiasRow {
  suite: string;
  provider: string;
  attribute: string;
  metric: string;
  threshold: number;
  value: number | null;
  low?: number | null;
  high?: number | null;
  pass: boolean | null;
  detail?: string;
}

export interface SubgroupGap {
  suite: string;
  provider: string;
  metric: string;
  groups: { tag: string; n: number; value: number | null }[];
  gap: number | null;
  flagged: boolean;
}

export interface BiasSummary {
  rows: BiasRow[];
  subgroups: SubgroupGap[];
}

export interface MetricComparison {
  suite: string;
  provider: string;
  metric: string;
  baseline: number | null;
  candidate: number | null;
  delta: number | null;
  low: number | null;
  high: number | null;
  pValue: number | null;
  adjustedP: number | null;
  test: 'sign-flip' | 'mcnemar' | 'none';
  n: number;
  minimumDetectableEffect: number | null;
  /** True when higher is better for this metric (false for rates, latency, cost). */
  higherIsBetter: boolean;
  onlyInBaseline: string[];
  onlyInCandidate: string[];
}

export interface TargetCheck {
  suite: string;
  provider: string;
  metric: string;
  op: '>=' | '<=';
  target: number;
  achieved: number | null;
  pass: boolean;
}

export interface GateFailure {
  kind: 'target' | 'regression' | 'errors';
  suite: string;
  provider: string;
  metric: string;
  message: string;
}

export interface GateDecision {
  status: 'pass' | 'fail' | 'error';
  failures: GateFailure[];
  /** 0 pass, 1 gate failed, 3 runtime failure (errors above the allowed share). */
  exitCode: 0 | 1 | 3;
  recommendation: 'ship' | 'pilot' | 'do-not-ship';
  reasons: string[];
}

export interface ChangeSummary {
  hasBaseline: boolean;
  baselineRunId?: string;
  prompts: { id: string; from: string | null; to: string | null }[];
  configChanged: boolean;
  corpusChanged: boolean;
  providersAdded: string[];
  providersRemoved: string[];
}

export interface RunManifest {
  schemaVersion: 1;
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
  /** `--suite` / `--provider` selections, when the run was limited to part of the config. */
  filters?: { suites?: string[]; providers?: string[] };
  providers: { id: string; provider: string; model: string; baseUrl?: string; classifier?: string }[];
  prompts: Record<string, string>;
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
  suites: { name: string; task: TaskKind; cases: number; file: string }[];
  packageVersions: Record<string, string>;
  timings: Record<string, number>;
  counts: { results: number; errors: number; cached: number; requests: number };
}

/** run.json: manifest plus everything derived from results.jsonl. */
export interface RunRecord {
  manifest: RunManifest;
  summary: SuiteSummary[];
  bias: BiasSummary;
  comparison: MetricComparison[];
  targets: TargetCheck[];
  gate: GateDecision;
  changes: ChangeSummary;
}

/** reports/baseline.json: compact, diff-friendly; per-case scores for paired tests. */
export interface Baseline {
  schemaVersion: 1;
  runId: string;
  acceptedAt: string;
  gitSha: string | null;
  configHash: string;
  corpusHash: string | null;
  prompts: Record<string, string>;
  providers: string[];
  summary: { suite: string; provider: string; metrics: Record<string, number | null> }[];
  /** suite → provider → caseId → metric → value: one line per case in the file. */
  cases: Record<string, Record<string, Record<string, Record<string, number>>>>;
}
