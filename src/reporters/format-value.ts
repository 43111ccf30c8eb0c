// Number formatting shared by all reporters so a value reads the same everywhere: scores with
// three decimals, milliseconds as integers, dollars with four decimals, and `n/a` for null.
// No locale-dependent formatting: reports must be byte-identical on every machine.
import type { MetricSummary, TargetCheck } from '../run/types.js';
import { describeMetric, type MetricUnit } from '../metrics/metric-catalog.js';

export const NA = 'n/a';
export const DASH = '—';
/**
 * The run record carries interval bounds but not their level; the gate's default (and the
 * spec's) is 95%, so that is what the label says. Needs `confidence` in the manifest to be exact.
 */
export const CI_LABEL = '95% CI';

type Num = number | null | undefined;

function usable(value: Num): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** toFixed without the "-0.000" that tiny negative values round to. */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

export function formatScore(value: Num): string {
  return usable(value) ? fixed(value, 3) : NA;
}

export function formatMs(value: Num): string {
  return usable(value) ? `${fixed(Math.round(value), 0)} ms` : NA;
}

export function formatUsd(value: Num): string {
  return usable(value) ? `$${fixed(value, 4)}` : NA;
}

export function formatCount(value: Num): string {
  return usable(value) ? fixed(Math.round(value), 0) : NA;
}

/** A share as a whole percentage, for prose ("44% of cases"). */
export function formatPercent(share: Num): string {
  return usable(share) ? `${fixed(share * 100, 0)}%` : NA;
}

export function formatInUnit(unit: MetricUnit, value: Num): string {
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'usd':
      return formatUsd(value);
    default:
      return formatScore(value);
  }
}

export function formatMetric(metric: string, value: Num): string {
  return formatInUnit(describeMetric(metric).unit, value);
}

/** Signed difference in the metric's unit: "+0.014", "-0.132", "0.000". */
export function formatDelta(metric: string, delta: Num): string {
  if (!usable(delta)) return NA;
  const text = formatMetric(metric, Math.abs(delta));
  if (text === formatMetric(metric, 0)) return text;
  return `${delta < 0 ? '-' : '+'}${text}`;
}

/** "0.571–0.655", or "-0.251 to -0.031" when a bound is negative and a dash would misread. */
export function formatInterval(metric: string, low: Num, high: Num): string | null {
  if (!usable(low) || !usable(high)) return null;
  const unit = describeMetric(metric).unit;
  const bare = (v: number): string =>
    unit === 'ms' ? fixed(Math.round(v), 0) : unit === 'usd' ? `$${fixed(v, 4)}` : fixed(v, 3);
  const suffix = unit === 'ms' ? ' ms' : '';
  return low < 0 || high < 0
    ? `${bare(low)} to ${bare(high)}${suffix}`
    : `${bare(low)}–${bare(high)}${suffix}`;
}

/** Value with its interval: "0.612 (95% CI 0.571–0.655)". */
export function formatWithInterval(metric: string, value: Num, low: Num, high: Num): string {
  const main = formatMetric(metric, value);
  const interval = usable(value) ? formatInterval(metric, low, high) : null;
  return interval === null ? main : `${main} (${CI_LABEL} ${interval})`;
}

/** A summary's achieved value, with the Wilson interval too when the metric is a 0/1 rate. */
export function formatAchieved(metric: string, summary: MetricSummary): string {
  const base = formatWithInterval(metric, summary.value, summary.low, summary.high);
  if (!summary.wilson || !usable(summary.value)) return base;
  const wilson = formatInterval(metric, summary.wilson[0], summary.wilson[1]);
  return wilson === null ? base : base.replace(/\)$/, `; Wilson ${wilson})`);
}

export function formatTarget(check: Pick<TargetCheck, 'metric' | 'op' | 'target'>): string {
  return `${check.op === '>=' ? '≥' : '≤'} ${formatMetric(check.metric, check.target)}`;
}

export function formatPass(pass: boolean | null | undefined): string {
  return pass === true ? '✅' : pass === false ? '❌' : DASH;
}

export function formatP(p: Num): string {
  if (!usable(p)) return NA;
  return p < 0.001 ? '<0.001' : fixed(p, 3);
}

/** "2025-06-02 14:03:11 UTC" from an ISO timestamp; the raw text when it does not parse. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().slice(0, 10);
}

export function formatDuration(ms: Num): string {
  if (!usable(ms)) return NA;
  return ms < 1000 ? formatMs(ms) : `${fixed(ms / 1000, 1)} s`;
}
