// F1 of production predictions against human feedback labels: feedback lines are matched to
// inference-log lines by request id, else by input hash (keyed like the log's, input-hash.ts); macro-F1 of the matched predictions is
// compared with the eval's macro-F1. An alert needs a drop of more than 5 points AND the
// window's bootstrap 95 % interval lying below the eval value (so a few labels cannot page).
import { sha256 } from '../core/hash.js';
import type { InputHasher } from '../serve/input-hash.js';
import type { Rng } from '../core/rng.js';
import type { InferenceRecord } from '../serve/inference-record.js';
import { classificationReport } from '../scorers/classification/classification-report.js';
import type { FeedbackLine } from './import-feedback.js';

export interface FeedbackF1 {
  matched: number;
  f1: number | null;
  low: number | null;
  high: number | null;
  evalF1: number | null;
  alert: boolean;
}

export const F1_DROP = 0.05;

export function feedbackF1(options: {
  feedback: readonly FeedbackLine[];
  records: readonly InferenceRecord[];
  labels: readonly string[];
  evalF1: number | null;
  rng: Rng;
  replicates: number;
  /** The hash the log used; default the unkeyed SHA-256. */
  hashInput?: InputHasher;
}): FeedbackF1 {
  const logHash = options.hashInput ?? sha256;
  const byId = new Map(options.records.map((r) => [r.request_id, r]));
  const byHash = new Map(options.records.map((r) => [r.input_hash, r]));
  const items: { gold: string; predicted: string | null }[] = [];
  const seen = new Set<string>();
  for (const f of options.feedback) {
    // One vote per input, as in the import.
    const hash = sha256(f.input);
    if (!f.label || seen.has(hash)) continue;
    seen.add(hash);
    const r = (f.request_id && byId.get(f.request_id)) || byHash.get(logHash(f.input));
    if (r) items.push({ gold: f.label, predicted: r.label });
  }
  const macro = (xs: readonly { gold: string; predicted: string | null }[]) =>
    classificationReport({ items: xs, labels: options.labels }).macroF1;
  const f1 = items.length ? macro(items) : null;
  if (f1 === null)
    return { matched: items.length, f1, low: null, high: null, evalF1: options.evalF1, alert: false };
  const reps: number[] = [];
  for (let b = 0; b < options.replicates; b++) {
    const sample = items.map(() => items[options.rng.int(items.length)]);
    const v = macro(sample);
    if (v !== null) reps.push(v);
  }
  reps.sort((a, b) => a - b);
  const low = reps[Math.floor(0.025 * (reps.length - 1))];
  const high = reps[Math.ceil(0.975 * (reps.length - 1))];
  const alert = options.evalF1 !== null && options.evalF1 - f1 > F1_DROP && high < options.evalF1;
  return { matched: items.length, f1, low, high, evalF1: options.evalF1, alert };
}
