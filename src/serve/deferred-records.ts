// Writes each served request's inference-log line after its response has gone out, in the
// server's quiet moments. The line needs the input-drift features (an embedding of the input for
// the centroid distance, the OOV rate), which no response field shows. Built right after each
// response, that work still ran before the next queued request was read, so in a burst (16
// clients at once) the last request waited for the log work of the 15 ahead of it. Lines now
// wait until no response has been written for `quietMs`, or at most `maxDelayMs`, and are then
// built 16 at a time, yielding to the event loop between slices, so a request
// arriving meanwhile waits for one slice at most. `drain()` settles once every line handed over
// is appended, which graceful shutdown awaits before closing the log.
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../core/clock.js';
import type { InputFeatures } from '../monitor/input-features.js';
import type { InferenceLog } from './inference-log.js';
import { inferenceRecord, type InferenceStatus } from './inference-record.js';
import type { InputHasher } from './input-hash.js';
import type { ServeRequest, ServedResult, ServingPipeline } from './serving-pipeline.js';

export interface DeferredRecord {
  /** Taken when the response was written, so the line's time is the response's. */
  time: number;
  request: ServeRequest;
  status: InferenceStatus;
  served: ServedResult | null;
  suite: { name: string; model: string; promptVersion: string | null; promptHash: string | null };
  latencyMs: number;
  /** Warm-up lines are built (the code gets compiled) but never appended. */
  warmUp: boolean;
  logger: FastifyBaseLogger;
}

export interface DeferredRecords {
  write(entry: DeferredRecord): void;
  drain(): Promise<void>;
}

/** A pause between responses this long counts as quiet. */
export const DEFAULT_QUIET_MS = 5;
/** No line waits longer than this for a quiet moment (a server that is never quiet). */
export const DEFAULT_MAX_DELAY_MS = 250;
const SLICE_SIZE = 16;

export function createDeferredRecords(options: {
  pipeline: ServingPipeline;
  log: InferenceLog;
  hashInput: InputHasher;
  logInputs: boolean;
  clock: Clock;
  quietMs?: number;
  maxDelayMs?: number;
}): DeferredRecords {
  const { pipeline, log, clock } = options;
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  // Lines waiting for a quiet moment, and those being built slice by slice.
  const waiting: DeferredRecord[] = [];
  const building: DeferredRecord[] = [];
  let timer: NodeJS.Timeout | null = null;
  let oldest = 0;
  let slicing = false;
  const inFlight = new Set<Promise<void>>();

  const finish = async (entry: DeferredRecord): Promise<void> => {
    // Features describe inputs the pipeline answered; a timeout or a crash records none, as before.
    let features: InputFeatures | null = null;
    if (entry.served)
      try {
        features = await pipeline.inputFeatures(entry.request);
      } catch (error) {
        entry.logger.warn({ err: error }, 'input features failed; logged as null');
      }
    const record = inferenceRecord({
      time: entry.time,
      requestId: entry.request.requestId,
      route: entry.request.route,
      text: entry.request.text,
      hashInput: options.hashInput,
      logInputs: options.logInputs,
      status: entry.status,
      served: entry.served,
      features,
      suite: entry.suite,
      latencyMs: entry.latencyMs,
      manifestHash: pipeline.manifestHash,
    });
    if (!entry.warmUp) log.append(record);
  };

  const start = (entry: DeferredRecord): void => {
    const done: Promise<void> = finish(entry)
      .catch((error) => entry.logger.error({ err: error }, 'inference record failed'))
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };

  /** One slice now; the rest after the event loop has had a turn (requests read meanwhile go first). */
  const runSlice = (): void => {
    for (const entry of building.splice(0, SLICE_SIZE)) start(entry);
    slicing = building.length > 0;
    if (slicing) setImmediate(runSlice);
  };

  const onQuiet = (): void => {
    timer = null;
    building.push(...waiting.splice(0));
    if (!slicing) runSlice();
  };

  return {
    write(entry) {
      waiting.push(entry);
      if (!timer) {
        oldest = clock.monotonic();
        timer = setTimeout(onQuiet, quietMs);
        // A pending line never keeps the process alive; shutdown drains it.
        timer.unref();
      } else if (clock.monotonic() - oldest + quietMs <= maxDelayMs) timer.refresh();
    },
    async drain() {
      while (waiting.length > 0 || building.length > 0 || inFlight.size > 0) {
        if (timer) clearTimeout(timer);
        timer = null;
        for (const entry of [...building.splice(0), ...waiting.splice(0)]) start(entry);
        await Promise.all([...inFlight]);
      }
    },
  };
}
