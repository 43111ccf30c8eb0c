// One provider's part of `eval --batch`: pick up batches an earlier, interrupted run left behind,
// submit the requests no batch covers (split by model and by the API's size limits), poll every
// batch until it ends, and hand each request's outcome to the caller. The state file of a batch
// is written as soon as the provider accepts it and removed once its results were handed over.
import type { Clock } from '../core/clock.js';
import type { BatchClient, BatchItem, BatchOutcome, BatchStatus } from './batch-port.js';
import type { BatchRecord, BatchStateStore } from './batch-state.js';
import type { PlannedRequests } from './request-spool.js';

export interface ProviderBatchSummary {
  provider: string;
  batchId: string;
  /** The provider's last status word (`completed`, `expired`, `ended`, …). */
  status: string;
  requests: number;
  succeeded: number;
  failed: number;
  /** Picked up from an earlier, interrupted run rather than submitted by this one. */
  resumed: boolean;
  /** Submission to collection, as observed (see BatchManifest); absent when the clock cannot say. */
  wallMs?: number;
}

export interface RunProviderBatchesOptions {
  provider: string;
  /** See `serverHash`. */
  server: string;
  /** The provider's default model; a prompt may name another, and each model gets its own batch. */
  model: string;
  client: BatchClient;
  /** Response-cache key → request, for every request the run still needs (on disk: request-spool.ts). */
  requests: PlannedRequests;
  state: BatchStateStore;
  clock: Clock;
  pollIntervalMs: number;
  signal?: AbortSignal;
  onNote?: (line: string) => void;
  /**
   * Whether a request's answer is already in the cache: a state file whose requests all are was
   * collected by a run that stopped before deleting it, and is deleted now.
   */
  isCollected?: (customId: string) => Promise<boolean>;
  /** Called once per request of an ended batch (await it: the cache write happens there). */
  onOutcome: (outcome: BatchOutcome) => Promise<void>;
}

/** Consecutive failed polls tolerated (each after the SDK's own retries) before the run stops. */
const MAX_FAILED_POLLS = 10;

interface ActiveBatch {
  record: BatchRecord;
  resumed: boolean;
  last: string;
}

export async function runProviderBatches(
  options: RunProviderBatchesOptions,
): Promise<ProviderBatchSummary[]> {
  const { provider, requests, state, client } = options;
  const note = options.onNote ?? (() => undefined);
  const active: ActiveBatch[] = [];
  const covered = new Set<string>();
  const earlier = await state.list((file) => note(`ignoring unreadable batch state file ${file}`));
  for (const record of earlier) {
    if (record.provider !== provider || record.server !== options.server) continue;
    const wanted = record.customIds.filter((id) => requests.has(id) && !covered.has(id));
    if (wanted.length === 0) {
      if (options.isCollected && (await allCollected(record.customIds, options.isCollected)))
        await state.remove(record);
      continue;
    }
    for (const id of wanted) covered.add(id);
    active.push({ record, resumed: true, last: '' });
    note(
      `resuming ${provider} batch ${record.batchId} (${record.customIds.length} requests, submitted ${record.submittedAt})`,
    );
  }

  const fresh = [...requests.keys()].filter((customId) => !covered.has(customId));
  for (const chunk of splitItems(fresh, requests, client, options.model)) {
    options.signal?.throwIfAborted();
    const { batchId } = await client.submit(chunk);
    const record: BatchRecord = {
      version: 1,
      provider,
      server: options.server,
      batchId,
      customIds: chunk.map((i) => i.customId),
      submittedAt: new Date(options.clock.now()).toISOString(),
    };
    await state.save(record);
    active.push({ record, resumed: false, last: '' });
    note(
      `submitted ${provider} batch ${batchId} with ${chunk.length} requests; if interrupted, run the same command again to pick it up`,
    );
  }

  const summaries: ProviderBatchSummary[] = [];
  let pending = active;
  let failedPolls = 0;
  while (pending.length > 0) {
    const still: ActiveBatch[] = [];
    for (const batch of pending) {
      const status = await pollOnce(batch, options, () => (failedPolls += 1));
      if (!status) {
        still.push(batch);
        continue;
      }
      failedPolls = 0;
      const line = progressLine(provider, batch.record.batchId, status);
      if (line !== batch.last) note(line);
      batch.last = line;
      if (status.state === 'running') still.push(batch);
      else summaries.push(await collect(batch, status, options));
    }
    pending = still;
    if (pending.length > 0) await options.clock.sleep(options.pollIntervalMs, options.signal);
  }
  return summaries;
}

async function allCollected(ids: string[], isCollected: (id: string) => Promise<boolean>): Promise<boolean> {
  for (const id of ids) if (!(await isCollected(id))) return false;
  return true;
}

/** Polls once; a passing failure (network, 5xx, 429) is noted and polled again next round. */
async function pollOnce(
  batch: ActiveBatch,
  options: RunProviderBatchesOptions,
  failed: () => number,
): Promise<BatchStatus | null> {
  try {
    return await options.client.status(batch.record.batchId);
  } catch (error) {
    const retryable = (error as { isRetryable?: boolean }).isRetryable === true;
    if (!retryable || failed() > MAX_FAILED_POLLS) throw error;
    options.onNote?.(
      `could not poll ${options.provider} batch ${batch.record.batchId} (${(error as Error).message}); trying again`,
    );
    return null;
  }
}

async function collect(
  batch: ActiveBatch,
  status: BatchStatus,
  options: RunProviderBatchesOptions,
): Promise<ProviderBatchSummary> {
  // The batch's own requests that this run still needs, read from the spool one at a time.
  const ids = batch.record.customIds.filter((id) => options.requests.has(id));
  const own = new Set(ids);
  const mine: PlannedRequests = {
    size: ids.length,
    has: (id) => own.has(id),
    get: (id) => (own.has(id) ? options.requests.get(id) : undefined),
    keys: () => ids,
  };
  let succeeded = 0;
  let failed = 0;
  if (status.state === 'failed') {
    // The whole batch was refused (validation): every request gets the reason.
    for (const customId of mine.keys()) {
      failed++;
      await options.onOutcome({
        customId,
        ok: false,
        code: 'BATCH_REQUEST_FAILED',
        message: `the batch ${batch.record.batchId} failed: ${status.message ?? 'no reason given'}`,
        retryable: false,
      });
    }
  } else {
    for await (const outcome of options.client.results(batch.record.batchId, mine)) {
      if (outcome.ok) succeeded++;
      else failed++;
      await options.onOutcome(outcome);
    }
  }
  await options.state.remove(batch.record);
  const wallMs = Math.round(options.clock.now() - Date.parse(batch.record.submittedAt));
  return {
    provider: options.provider,
    batchId: batch.record.batchId,
    status: status.providerStatus,
    requests: batch.record.customIds.length,
    succeeded,
    failed,
    resumed: batch.resumed,
    ...(Number.isFinite(wallMs) && wallMs >= 0 && { wallMs }),
  };
}

function progressLine(provider: string, batchId: string, status: BatchStatus): string {
  const failed = status.failed > 0 ? `, ${status.failed} failed` : '';
  return `${provider} batch ${batchId}: ${status.providerStatus}, ${status.done}/${status.total} done${failed}`;
}

/**
 * Most bytes of request bodies held in memory for one batch. Below both APIs' limits on purpose:
 * a batch is built in memory, so this (not the API) bounds what `--batch` adds to the heap.
 */
export const BATCH_MEMORY_BYTES = 64_000_000;

/**
 * Batches of one model each, within the API's request limit and the byte budget, in a stable
 * order; built lazily, so only one batch's requests are in memory at a time.
 */
export function* splitItems(
  customIds: readonly string[],
  requests: PlannedRequests,
  client: BatchClient,
  defaultModel: string,
): Generator<BatchItem[]> {
  const byModel = new Map<string, string[]>();
  for (const customId of customIds) {
    const model = requests.get(customId)?.model ?? defaultModel;
    const list = byModel.get(model) ?? [];
    list.push(customId);
    byModel.set(model, list);
  }
  const maxBytes = Math.min(client.maxBytes, BATCH_MEMORY_BYTES);
  for (const model of [...byModel.keys()].sort()) {
    let chunk: BatchItem[] = [];
    let bytes = 0;
    for (const customId of byModel.get(model)!) {
      const item = { customId, request: requests.get(customId)! };
      const size = client.sizeOf(item);
      if (chunk.length > 0 && (chunk.length >= client.maxRequests || bytes + size > maxBytes)) {
        yield chunk;
        chunk = [];
        bytes = 0;
      }
      chunk.push(item);
      bytes += size;
    }
    if (chunk.length > 0) yield chunk;
  }
}
