// sweep.json: everything `evalgate sweep --render`, `--refine` and `--confirm` need, written
// once when a sweep finishes. Rendering is a pure function of it (no run folder is re-read).

export type SweepMark = 'better' | 'worse' | 'same' | 'untested';

export interface SweepCell {
  variant: string;
  value: number | null;
  low: number | null;
  high: number | null;
  n: number;
  /** Against the reference; absent on the reference itself. */
  comparison?: {
    /** Paired cases. */
    n: number;
    delta: number | null;
    /** Paired bootstrap interval of the mean difference (means only; null for percentiles). */
    ci?: [number, number] | null;
    test: 'mcnemar' | 'sign-flip' | 'swap' | 'none';
    pValue: number | null;
    /** Holm-adjusted across every variant × metric in the family; null outside it. */
    adjustedP: number | null;
    mark: SweepMark;
    /** Why a comparison was not tested or could not reach significance. */
    note?: string;
  };
}

export interface SweepRow {
  suite: string;
  provider: string;
  metric: string;
  higherIsBetter: boolean;
  cells: SweepCell[];
  /** Some variant scored this metric under another definition than the reference: not compared. */
  definitionsDiffer?: true;
}

export interface SweepVariantRecord {
  name: string;
  origin: 'reference' | 'grid' | 'named';
  set: Record<string, unknown>;
  runId: string;
  configHash: string;
  /** Model calls made, answered from the cache, and failed. */
  counts: { results: number; requests: number; cached: number; errors: number };
  /** What the retrieval index was built from, and whether the run reused a saved one (null without retrieval). */
  index: { embedder: string; chunking: string; reused: boolean } | null;
  estimate: { modelCalls: number; cachedCalls: number; costUsd: number | null };
  /** Cacheable work this variant completed with the cache on and no failed call (see estimate-variant.ts). */
  work?: string[];
  gate: 'pass' | 'fail' | 'error';
  /** Blocking bias checks that failed in the variant's run (check ids). */
  biasFailures: string[];
  /** Bias checks the run judged, and those it could not (too little data, suites left out). */
  biasChecks: { judged: number; notJudged: number };
}

export interface SweepRecord {
  schemaVersion: 1;
  id: string;
  createdAt: string;
  configFile: string;
  specFile: string;
  hypothesis: string | null;
  grid: { path: string; values: unknown[] }[];
  /** What the reference (the config as it is) has at each grid path. */
  referenceValues?: Record<string, unknown>;
  seed: number;
  confidence: number;
  metrics: string[];
  /** The holdout split: suite → held-out base case ids (the sweep ran on the others). */
  holdout: { fraction: number; seed: number; cases: Record<string, string[]> } | null;
  filters: { suites?: string[]; providers?: string[] };
  variants: SweepVariantRecord[];
  rows: SweepRow[];
  /** Holm family: comparisons that could reach significance, and the level α. */
  family: { size: number; alpha: number; excluded: number };
  /** Variants no other variant beats on every row with a value (quality, cost, latency). */
  pareto: string[];
  /** `--confirm`: the chosen variant against the reference on the held-out cases. */
  confirmation?: {
    variant: string;
    runs: { reference: string; variant: string };
    rows: SweepRow[];
    family: SweepRecord['family'];
    /**
     * Variants confirmed on the same held-out cases before this one (`--reconfirm`): each look
     * is a selection on those cases, so the report says how many there were.
     */
    earlier?: string[];
  };
}

export const SWEEP_FILE = 'sweep.json';
export const SWEEP_MARKDOWN = 'sweep.md';
