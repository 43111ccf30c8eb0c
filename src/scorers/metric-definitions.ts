// Which version of a metric's definition a run scored with. A metric whose scorer changes
// meaning between releases (the offline hallucination check is refitted per revision) records its
// version in the run manifest and the baseline, so a run is never compared with a baseline scored
// by another definition: the difference would be the scorer's, not the model's.
import {
  CHECK_VERSION,
  CUE_THRESHOLD,
  DEFAULT_HALLUCINATION_THRESHOLD,
} from './hallucination/support-model.js';

/** Metric → definition version, for every metric whose definition has changed across releases. */
export const METRIC_DEFINITIONS: Readonly<Record<string, string>> = {
  'hallucination.rate': CHECK_VERSION,
  'hallucination.score': CHECK_VERSION,
  groundedness: CHECK_VERSION,
};

/**
 * The definitions a run scores with: the flag rate also depends on the review threshold, so a
 * configured `hallucination_threshold` other than the default is part of its definition.
 * Groundedness reads sentences at that threshold or the cue step, whichever is higher, so only a
 * threshold that moves that step is part of its definition.
 */
export function metricDefinitions(hallucinationThreshold?: number): Record<string, string> {
  const out = { ...METRIC_DEFINITIONS };
  if (hallucinationThreshold === undefined) return out;
  if (hallucinationThreshold !== DEFAULT_HALLUCINATION_THRESHOLD)
    out['hallucination.rate'] = `${CHECK_VERSION} at threshold ${hallucinationThreshold}`;
  const groundedAt = Math.max(hallucinationThreshold, CUE_THRESHOLD);
  if (groundedAt !== Math.max(DEFAULT_HALLUCINATION_THRESHOLD, CUE_THRESHOLD))
    out.groundedness = `${CHECK_VERSION} at threshold ${groundedAt}`;
  return out;
}

export interface RedefinedMetric {
  metric: string;
  /** The version the reference scored with; null when it predates versioning. */
  from: string | null;
  to: string | null;
}

/**
 * Metrics scored under different definitions by a reference (baseline, or the first of two runs)
 * and a run. A reference without versions predates them, so each versioned metric counts as
 * changed: those releases changed the definitions without saying so.
 */
export function redefinedMetrics(
  reference: Readonly<Record<string, string>> | undefined,
  run: Readonly<Record<string, string>> | undefined,
): RedefinedMetric[] {
  const metrics = [...new Set([...Object.keys(reference ?? {}), ...Object.keys(run ?? {})])].sort();
  return metrics
    .map((metric) => ({ metric, from: reference?.[metric] ?? null, to: run?.[metric] ?? null }))
    .filter((m) => m.from !== m.to);
}
