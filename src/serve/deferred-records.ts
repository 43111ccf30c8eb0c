// Finishes each served request's inference-log line after its response has gone out. The line
// itself is built at response time (hash, redaction, fields: cheap); only the input-drift
// features (an embedding of the input for the centroid distance, the OOV rate), which no
// response field shows, are deferred. Computed right after each response, that work ran before
// the next queued request was read, so in a burst the last request waited for the feature work of
// those ahead of it. So the features wait for a quiet moment (no response for `quietMs`), or at
// most `maxDelayMs`, and are then computed one batch (one `inputFeatures(requests[])` call, so
// one embeddings call) per event-loop turn while the server is busy again. Bounds, so a server
// that is never quiet, or an embedder slower than the traffic, cannot grow memory or delay lines:
// - at most `maxInFlight` inputs (the server's max_concurrency) are being featurised at once;
// - once the oldest waiting line is past `maxDelayMs` (or half of `maxBacklog` waits), every
//   free batch slot is used each turn until nothing waits (a slow embedder still bounds the
//   pace: its lines wait for a free slot, not for quiet);
// - at most `maxBacklog` lines wait; beyond that the oldest is appended with null features.
// Lines skipped that way are counted (`onSkipped`), never lost. `drain()` settles once every line
// handed over is appended, which graceful shutdown and warm-up await.
import type { InputFeatures } from '../monitor/input-features.js';
import type { InferenceLog } from './inference-log.js';
import type { InferenceRecord } from './inference-record.js';
import type { ServeRequest, ServingPipeline } from './serving-pipeline.js';

export interface DeferredRecord {
  /** The finished line but for its features (oov_rate and centroid_distance are null). */
  record: InferenceRecord;
  /** The request whose input features the line needs; null when it gets none (timeout, crash). */
  featuresOf: ServeRequest | null;
  /** Warm-up lines are finished (the code gets compiled) but never appended. */
  warmUp: boolean;
}

export interface DeferredRecords {
  write(entry: DeferredRecord): void;
  drain(): Promise<void>;
  /** Lines waiting or being featurised now (for tests and the bench). */
  readonly backlog: number;
}

/** What the records need to say that features failed or were skipped. */
export interface DeferredLogger {
  warn(details: object, message: string): void;
}

/** A pause between responses this long counts as quiet. */
export const DEFAULT_QUIET_MS = 5;
/** No line waits longer than this for a quiet moment (a server that is never quiet). */
export const DEFAULT_MAX_DELAY_MS = 250;
/** Lines waiting at most; beyond this the oldest is written without features. */
export const DEFAULT_MAX_BACKLOG = 1024;
/** Inputs per inputFeatures call: one such call per turn is what a request may wait behind. */
export const BATCH_SIZE = 16;

interface Waiting extends DeferredRecord {
  at: number;
}

export function createDeferredRecords(options: {
  pipeline: Pick<ServingPipeline, 'inputFeatures'>;
  log: InferenceLog;
  clock: { monotonic(): number };
  logger: DeferredLogger;
  /** Inputs being featurised at once, at most (the server's max_concurrency). */
  maxInFlight: number;
  quietMs?: number;
  maxDelayMs?: number;
  maxBacklog?: number;
  /** Called for each line appended without features because the bounds were hit. */
  onSkipped?: () => void;
}): DeferredRecords {
  const { pipeline, log, clock, logger } = options;
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const maxBacklog = Math.max(1, options.maxBacklog ?? DEFAULT_MAX_BACKLOG);
  const batchSize = Math.max(1, Math.min(BATCH_SIZE, options.maxInFlight));
  const maxBatches = Math.max(1, Math.floor(options.maxInFlight / batchSize));
  const waiting: Waiting[] = [];
  const batches = new Set<Promise<void>>();
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;
  let pumping = false;
  // Once overdue, every free slot is used each turn until nothing waits (sized to arrivals).
  let catchingUp = false;

  const append = (entry: DeferredRecord): void => {
    if (!entry.warmUp) log.append(entry.record);
  };

  /** Appended as built: the bounds were hit, so this line gets no features. */
  const skip = (entry: DeferredRecord): void => {
    append(entry);
    if (!entry.warmUp) options.onSkipped?.();
  };

  const startBatch = (): void => {
    const batch = waiting.splice(0, batchSize);
    const asked = batch.filter((e) => e.featuresOf);
    inFlight += asked.length;
    const done: Promise<void> = (async () => {
      let features: InputFeatures[] | null = null;
      if (asked.length > 0)
        try {
          features = await pipeline.inputFeatures(asked.map((e) => e.featuresOf as ServeRequest));
        } catch (error) {
          logger.warn(
            { err: error, request_ids: asked.map((e) => e.record.request_id) },
            'input features failed; logged as null',
          );
        }
      asked.forEach((entry, i) => {
        entry.record.oov_rate = features?.[i]?.oovRate ?? null;
        entry.record.centroid_distance = features?.[i]?.centroidDistance ?? null;
      });
      for (const entry of batch) append(entry);
    })().finally(() => {
      inFlight -= asked.length;
      batches.delete(done);
      // A slot is free: lines still waiting go on next turn (never in this microtask chain, so a
      // fast embedder cannot starve the event loop), unless responses went out meanwhile (a
      // timer is set) and the oldest line is not yet past the cap.
      if (waiting.length > 0 && !pumping && (!timer || catchingUp || overdue())) pumpNextTurn();
    });
    batches.add(done);
  };

  const hasSlot = (): boolean => batches.size < maxBatches && inFlight + batchSize <= options.maxInFlight;

  /**
   * One turn: a batch when quiet; every free slot when the oldest line is past the cap. Then the
   * event loop gets a turn (requests read meanwhile go first) before the next.
   */
  const pump = (): void => {
    pumping = false;
    if (waiting.length === 0) return;
    if (overdue()) catchingUp = true;
    if (hasSlot()) startBatch();
    while (catchingUp && waiting.length > 0 && hasSlot()) startBatch();
    if (waiting.length === 0) catchingUp = false;
    else if (hasSlot()) pumpNextTurn();
  };

  /** The oldest line is past the cap, or half the backlog bound is used: stop waiting for quiet. */
  const overdue = (): boolean =>
    waiting.length > 0 &&
    (waiting.length >= maxBacklog / 2 || clock.monotonic() - waiting[0].at >= maxDelayMs);

  const pumpNextTurn = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    pumping = true;
    setImmediate(pump);
  };

  const onQuiet = (): void => {
    timer = null;
    if (!pumping) pump();
  };

  return {
    write(entry) {
      const now = clock.monotonic();
      waiting.push({ ...entry, at: now });
      while (waiting.length > maxBacklog) skip(waiting.shift() as Waiting);
      if (pumping) return;
      // Past the cap (a server that is never quiet): no more waiting for a pause.
      if (catchingUp || overdue()) pumpNextTurn();
      else if (!timer) {
        timer = setTimeout(onQuiet, quietMs);
        // A pending line never keeps the process alive; shutdown drains it.
        timer.unref();
      } else if (now - waiting[0].at + quietMs <= maxDelayMs) timer.refresh();
    },
    async drain() {
      if (timer) clearTimeout(timer);
      timer = null;
      while (waiting.length > 0 || batches.size > 0) {
        while (waiting.length > 0 && hasSlot()) startBatch();
        if (batches.size > 0) await Promise.race([...batches]);
      }
    },
    get backlog() {
      return waiting.length + inFlight;
    },
  };
}
