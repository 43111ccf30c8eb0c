// The `monitor:` section of eval/evalgate.yaml: the significance level and the effect floors
// of `evalgate monitor`'s alerts (an alert needs both the test to reject and the effect to pass
// its floor). Optional, like `serve:`, so it leaves the config hash alone; defaults follow the
// usual alert thresholds (docs/monitoring.md).
import { z } from 'zod';

export const MonitorSchema = z.strictObject({
  /** False-alarm rate of each test. */
  alpha: z.number().gt(0).lt(0.5).default(0.05),
  /** Absolute change of a label's share (0.15 = 15 percentage points). */
  label_share_shift: z.number().gt(0).max(1).default(0.15),
  /** Absolute change of the share of responses flagged needs_review. */
  review_rate_shift: z.number().gt(0).max(1).default(0.1),
  /** Wasserstein-1 distance in reference standard deviations, for numeric signals. */
  numeric_effect_floor: z.number().gt(0).default(0.1),
  /** Ceiling of the error rate (timeouts and model errors). */
  error_rate: z.number().gt(0).lt(1).default(0.001),
  /** p99 latency SLO in milliseconds. */
  latency_slo_ms: z.number().positive().default(2500),
  /** Expected traffic; unset, the rate seen before `--since` is used (if any). */
  expected_requests_per_hour: z.number().positive().optional(),
  /** Bootstrap replicates for each fitted null. */
  replicates: z.number().int().min(200).max(100_000).default(2000),
  seed: z.number().int().min(0).default(42),
});

export type MonitorConfig = z.output<typeof MonitorSchema>;

export function monitorSettings(section: MonitorConfig | undefined): MonitorConfig {
  return section ?? MonitorSchema.parse({});
}
