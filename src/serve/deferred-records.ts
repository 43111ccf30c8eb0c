// Writes each served request's inference-log line after its response has gone out. The line needs
// the input-drift features (an embedding of the input for the centroid distance, the OOV rate),
// which no response field shows: computing them, building the record and queueing it on the
// request's path made every request of a burst wait for the log work of those ahead of it. Lines
// are taken up in a `setImmediate` batch, so the responses to every request the event loop has
// already read go out first. `drain()` settles once every line handed over is appended, which
// graceful shutdown awaits before closing the log.
import type { FastifyBaseLogger } from 'fastify';
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

export function createDeferredRecords(options: {
  pipeline: ServingPipeline;
  log: InferenceLog;
  hashInput: InputHasher;
  logInputs: boolean;
}): DeferredRecords {
  const { pipeline, log } = options;
  let batch: DeferredRecord[] = [];
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

  const runBatch = (): void => {
    const entries = batch;
    batch = [];
    for (const entry of entries) {
      const done: Promise<void> = finish(entry)
        .catch((error) => entry.logger.error({ err: error }, 'inference record failed'))
        .finally(() => inFlight.delete(done));
      inFlight.add(done);
    }
  };

  return {
    write(entry) {
      batch.push(entry);
      if (batch.length === 1) setImmediate(runBatch);
    },
    async drain() {
      while (batch.length > 0 || inFlight.size > 0) {
        if (batch.length > 0) runBatch();
        await Promise.all([...inFlight]);
      }
    },
  };
}
