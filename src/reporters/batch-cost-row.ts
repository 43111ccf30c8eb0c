// The report's one line on batch pricing: how many calls were billed at the batch price, what
// they cost against the list price of the same tokens, which batches the run used and how long
// each took (submission to results), and that their calls' latency was not assessed. Renders
// `manifest.batch` only; the sums are made in src/batch/batch-cost.ts.
import { BATCH_PRICE_FACTOR } from '../providers/pricing.js';
import type { RunManifest } from '../run/types.js';
import { formatDuration, formatUsd } from './format-value.js';
import { code } from './markdown-table.js';

export function batchCostRow(manifest: RunManifest): [string, string] | null {
  const batch = manifest.batch;
  if (!batch) return null;
  const parts: string[] = [];
  const cost = batch.cost;
  if (cost) {
    const off = `${Math.round((1 - BATCH_PRICE_FACTOR) * 100)} % off`;
    const unpriced = cost.unpricedCalls > 0 ? ` (${cost.unpricedCalls} without a price left out)` : '';
    parts.push(
      `${cost.calls} model calls billed at the batch price (${off}): ${usd(cost.costUsd)} instead of ${usd(cost.listCostUsd)}, saving ${usd(cost.savingUsd)}${unpriced}`,
    );
  }
  const submitted = batch.submitted;
  if (submitted) {
    const batches = submitted.batches.map(
      (b) =>
        `${b.provider} ${code(b.batchId)} ${b.status}${b.wallMs !== undefined ? ` after ${formatDuration(b.wallMs)}` : ''}${b.resumed ? ', resumed' : ''}`,
    );
    const failed = submitted.failed > 0 ? `; ${submitted.failed} not answered (see the cases' errors)` : '';
    const direct =
      submitted.retriedDirectly > 0 ? `; ${submitted.retriedDirectly} retried directly at list price` : '';
    parts.push(
      submitted.requests === 0
        ? 'every request was already cached, no batch was needed'
        : `${submitted.requests} requests in ${batches.length === 1 ? 'batch' : 'batches'} ${batches.join(', ')}${failed}${direct}`,
    );
  }
  // A batch answer has no per-call latency (its time is queueing at the provider): say so rather
  // than let the latency rows read as if they covered these calls.
  if (cost && cost.calls > 0)
    parts.push(
      `latency not assessed for the ${cost.calls} batch answer${cost.calls === 1 ? '' : 's'} (no per-call latency; the latency percentiles cover only calls made directly)`,
    );
  return ['Batch API', parts.join('; ')];
}

/** Dollars with at least three significant digits: a small suite's saving must not read $0.0001 vs $0.0001. */
function usd(value: number): string {
  if (value === 0 || !Number.isFinite(value) || value >= 0.01) return formatUsd(value);
  return `$${value.toFixed(2 - Math.floor(Math.log10(value)))}`;
}
