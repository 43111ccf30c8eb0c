// The rows of the change-vs-baseline forest plot, derived from the run record: one row per
// gated comparison (a metric with a margin) with its paired Δ and interval, turned so that
// positive always means "better", the margin the gate used, and whether the gate could test it.
import type { MetricComparison, RunRecord } from '../run/types.js';

export interface ForestRow {
  label: string;
  suite: string;
  provider: string;
  metric: string;
  /** Candidate − baseline, signed so that > 0 is an improvement. */
  change: number;
  low: number;
  high: number;
  /** The allowed drop as a (negative) change, or null when the margin is not known. */
  margin: number | null;
  /** Regressed beyond the margin, as the gate decided (a gate failure names this metric). */
  failed: boolean;
  /** Gated, but too few paired cases to reach significance: not assessed, never "within margin". */
  notAssessed: boolean;
  adjustedP: number | null;
}

/** Gated comparisons carry the margin the gate used; `margins` covers records without one. */
export function forestRows(record: RunRecord, margins: Readonly<Record<string, number>> = {}): ForestRow[] {
  const failed = new Set(
    record.gate.failures
      .filter((f) => f.kind === 'regression')
      .map((f) => `${f.suite}\u0000${f.provider}\u0000${f.metric}`),
  );
  const marginOf = (c: MetricComparison): number | null =>
    c.margin ?? (Object.hasOwn(margins, c.metric) ? margins[c.metric] : null);
  const rows: ForestRow[] = [];
  for (const c of record.comparison) {
    const allowed = marginOf(c);
    if (allowed === null || c.delta === null || c.low === null || c.high === null) continue;
    const sign = c.higherIsBetter ? 1 : -1;
    // Flipping the sign of a "lower is better" metric swaps the ends of its interval.
    const [low, high] = sign === 1 ? [c.low, c.high] : [-c.high, -c.low];
    const margin = -allowed;
    rows.push({
      label: `${c.suite} · ${c.metric}${providerSuffix(record, c.provider)}`,
      suite: c.suite,
      provider: c.provider,
      metric: c.metric,
      change: zeroClean(sign * c.delta),
      low: zeroClean(low),
      high: zeroClean(high),
      margin,
      failed: failed.has(`${c.suite}\u0000${c.provider}\u0000${c.metric}`),
      notAssessed: c.margin !== null && c.reachable === false,
      adjustedP: c.adjustedP,
    });
  }
  return rows;
}

/** The provider is named only when the run has more than one, to keep labels short. */
function providerSuffix(record: RunRecord, provider: string): string {
  const providers = new Set(record.summary.map((s) => s.provider));
  return providers.size > 1 ? ` (${provider})` : '';
}

/** −0 prints as "-0" in chart labels; a negated zero is still no change. */
function zeroClean(value: number): number {
  return value === 0 ? 0 : value;
}
