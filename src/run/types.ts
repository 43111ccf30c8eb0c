// The run record: what one `evalgate eval` produced. Everything after generation (summary,
// comparison, gate, reports) is a pure function of these shapes, so `evalgate report` can
// re-render a run without calling a model.
import type { TaskKind } from '../core/task.js';
import type { JudgeReliability } from '../judge-quality/assess-judge-reliability.js';
import type { JudgeQuality } from '../judge-quality/assess-judge-quality.js';
import type { GenerationSettings, RunManifest } from './run-manifest.js';

export type { BatchManifest, GenerationSettings, RunBudget, RunManifest } from './run-manifest.js';

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
  /** Retrieved chunks and documents in rank order (score null: the application gave none). */
  retrieval?: {
    chunks: { id: string; docId: string; score: number | null }[];
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
  usage?: { inputTokens: number; outputTokens: number; estimated: boolean; batch?: boolean };
  /** Generation cost plus, when a reranker or a judge took part, their costs. */
  costUsd: number | null;
  /** Tokens and cost of reranking this case's query (included in costUsd). */
  rerank?: {
    inputTokens: number;
    outputTokens: number;
    estimated: boolean;
    costUsd: number | null;
    /** The reranker failed and the first-stage order was used. */
    fellBack?: boolean;
  };
  /** Tokens and cost of LLM-judge calls for this case (included in costUsd). */
  judge?: { inputTokens: number; outputTokens: number; estimated: boolean; costUsd: number | null };
  latencyMs: number | null;
  /**
   * The answer came from a provider batch API (this run's or a cached one): it has no per-call
   * latency, so `latencyMs` is null — not assessed, never averaged as 0 (docs/batch.md).
   */
  batch?: true;
  /** Streaming http providers: milliseconds from the request to the first text delta. */
  firstTokenMs?: number;
  /** Context ids the application said its answer cites (http/module providers). */
  citations?: string[];
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
  /** Stable id `<suite>/<attribute>/<kind>`, which `bias.waivers` and the baseline refer to. */
  check: string;
  suite: string;
  provider: string;
  attribute: string;
  metric: string;
  threshold: number;
  /** What a failed threshold does to the gate (`bias.thresholds.<kind>.action`). */
  action: 'block' | 'warn';
  value: number | null;
  low?: number | null;
  high?: number | null;
  /** Standard error of the value, where the audit can estimate one (for the regression test). */
  standardError?: number | null;
  /** null: not judged (too little data); `notJudged` says why. */
  pass: boolean | null;
  notJudged?: string;
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
  /** One-sided p-value for "the candidate is worse" (McNemar's exact test or sign-flip). */
  pValue: number | null;
  /** The smallest p the test could reach on these cases (1 when nothing changed). */
  minAttainableP: number | null;
  /** p × K (Tarone's family size), capped at 1, for comparisons in the gate's family; else null. */
  adjustedP: number | null;
  /** The one-sided level the gate judges this comparison at (α / K); null when not gated. */
  level: number | null;
  /** Counts toward the gate's multiplicity correction (gated, and able to reach the level). */
  inFamily: boolean;
  /** Dropped beyond its margin with p ≤ level: the gate fails on it. */
  regressed: boolean;
  /**
   * Whether a regression on these cases could reach the level at all (every paired case moving
   * the bad way); false with no paired case or too few. Not reachable means not assessed.
   */
  reachable: boolean;
  /** The allowed drop from `gate.max_drop`, null when the metric is not gated. */
  margin: number | null;
  test: 'sign-flip' | 'mcnemar' | 'none';
  n: number;
  /** Standard error of the mean paired difference. */
  standardError: number | null;
  /** Smallest true drop the gate catches with 80 % power, at the level it actually uses. */
  minimumDetectableEffect: number | null;
  /** Cases left out of pairing because their gold content changed since the baseline. */
  changedCasesLeftOut?: number;
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

export type GateFailureKind =
  | 'target'
  | 'regression'
  | 'errors'
  | 'not-measured'
  | 'missing-provider'
  | 'bias'
  | 'bias-regression'
  | 'waiver-expired';

export interface GateFailure {
  kind: GateFailureKind;
  suite: string;
  provider: string;
  metric: string;
  message: string;
}

/** A check that did not run: never reported as passed. */
export interface NotAssessed {
  what: string;
  why: string;
  /** The run itself covered only part of what it was asked to (stopped by its budget): never a release. */
  partialRun?: true;
}

export interface AppliedWaiver {
  check: string;
  reason: string;
  expires: string;
  suite: string;
  provider: string;
  metric: string;
  value: number | null;
  threshold: number;
}

export interface GateDecision {
  status: 'pass' | 'fail' | 'error';
  /** Everything that blocks (exit 1, or 3 for errors). */
  failures: GateFailure[];
  /** Failed checks that do not block (`action: warn`). */
  warnings: GateFailure[];
  /** Failed bias checks accepted by an unexpired waiver. */
  waived: AppliedWaiver[];
  notAssessed: NotAssessed[];
  /** Checks the gate ran and passed, by kind (what "no failing checks" is counted from). */
  passedChecks: number;
  /** The regression family: α, Tarone's K and the per-test level α / K. */
  family: { alpha: number; size: number; k: number; level: number } | null;
  /** 0 pass, 1 gate failed, 3 runtime failure (errors above the allowed share). */
  exitCode: 0 | 1 | 3;
  recommendation: 'ship' | 'pilot' | 'do-not-ship';
  reasons: string[];
  /** What would have to hold for the next step (pilot → production). */
  conditions: string[];
}

export interface CaseChanges {
  suite: string;
  /** Same id, different gold content: left out of the paired comparison. */
  changed: string[];
  added: string[];
  removed: string[];
}

export interface ChangeSummary {
  hasBaseline: boolean;
  baselineRunId?: string;
  prompts: { id: string; from: string | null; to: string | null }[];
  configChanged: boolean;
  corpusChanged: boolean;
  providersAdded: string[];
  providersRemoved: string[];
  /** Gold case edits per suite (only suites with a change; absent for an old baseline). */
  cases?: CaseChanges[];
  /** Generation settings that differ from the baseline's (prompt id → setting → from/to). */
  generation?: { prompt: string; setting: string; from: string | null; to: string | null }[];
  /** Metrics scored under another definition than the baseline's: not compared with it. */
  metricDefinitions?: { metric: string; from: string | null; to: string | null }[];
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
  /** With `judge_labels`: judge agreement with people and label-corrected estimates. */
  judgeQuality?: JudgeQuality[];
  /** With `repeat` > 1: judge flip rate, pass@k and pass^k per judge metric. */
  judgeReliability?: JudgeReliability[];
}

/** reports/baseline.json: compact, diff-friendly; per-case scores for paired tests. */
export interface Baseline {
  /** 2 adds caseHashes, bias and generation; version 1 files are still read. */
  schemaVersion: 1 | 2;
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
  /** suite → caseId → gold content hash, so edited cases are not paired with their old scores. */
  caseHashes?: Record<string, Record<string, string>>;
  /** Bias checks with their values and standard errors, for the bias regression test. */
  bias?: { check: string; provider: string; value: number | null; standardError: number | null }[];
  generation?: Record<string, GenerationSettings>;
  /** The run's metric definition versions (src/scorers/metric-definitions.ts); absent before them. */
  metricDefinitions?: Record<string, string>;
  /** Measured tokens and latency per suite × provider, so `evalgate plan` can estimate the next run. */
  usage?: BaselineUsage[];
}

/** Means over a suite × provider's model calls (tokens: every call with usage; latency: uncached calls). */
export interface BaselineUsage {
  suite: string;
  provider: string;
  /** Calls that reported (or estimated) usage. */
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Uncached calls, whose latency was a real model call. */
  latencyCalls: number;
  latencyMs: number | null;
}
