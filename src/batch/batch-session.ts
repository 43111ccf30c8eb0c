// `eval --batch`: the batch APIs fill the response cache, then the normal run reads every answer
// from it, so scoring, reports and the gate are exactly those of a direct run. Steps: `attach`
// puts a batch gate around each OpenAI/Anthropic model; `prefill` runs one planning pass over
// every case (no provider call: misses are only noted), sends the missing requests as batches per
// provider, polls them, and writes each answer to the cache marked batch-priced. Requests a batch
// could not answer are either retried directly (server-side failures) or recorded per case.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core/clock.js';
import { InputError } from '../core/errors.js';
import { DEFAULT_KEY_ENV } from '../providers/create-models.js';
import { createLeanFetch } from '../providers/lean-fetch.js';
import type { ModelHandle } from '../providers/model-handle.js';
import { createResponseCache } from '../providers/response-cache.js';
import type { CachingModel } from '../providers/with-cache.js';
import type { BatchClient, BatchOutcome } from './batch-port.js';
import { withBatchGate, type BatchFailure, type BatchGate } from './batch-gate-model.js';
import { createBatchStateStore, serverHash } from './batch-state.js';
import { createRequestSpool, type RequestSpool } from './request-spool.js';
import { runProviderBatches, type ProviderBatchSummary } from './run-provider-batches.js';

export const DEFAULT_BATCH_POLL_MS = 30_000;

export interface BatchSessionOptions {
  /** The response cache folder (absolute). */
  cacheDir: string;
  /** Where batch state files live (absolute), e.g. `.evalgate/batches`. */
  stateDir: string;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  pollIntervalMs?: number;
  /** Aborts polling; the batches keep running at the provider and a re-run picks them up. */
  signal?: AbortSignal;
  onNote?: (line: string) => void;
  configFile?: string;
}

/** What the run manifest records about the batches (the cost side is in batch-cost.ts). */
export interface BatchRunSummary {
  batches: ProviderBatchSummary[];
  /** Requests the planning pass found missing from the cache and sent through batches. */
  requests: number;
  /** Failed in a batch with a server-side error and left to a direct (standard-price) call. */
  retriedDirectly: number;
  /** Failed in a batch for good (refused, expired, cancelled): recorded as the case's error. */
  failed: number;
}

export interface BatchSession {
  /** Wraps every OpenAI/Anthropic handle (models under test) in place; others are left alone. */
  attach(handles: ModelHandle[]): void;
  /** Whether `attach` wrapped this handle (its calls go into batches). */
  isAttached(handle: ModelHandle): boolean;
  /** `planRun` runs every case once through the attached models (results are discarded). */
  prefill(planRun: () => Promise<unknown>): Promise<BatchRunSummary>;
  close(): void;
}

interface Target {
  handle: ModelHandle;
  family: 'openai' | 'anthropic';
  server: string;
  planned: RequestSpool;
}

export function createBatchSession(options: BatchSessionOptions): BatchSession {
  const cache = createResponseCache({ dir: options.cacheDir });
  removeOrphanSpools(path.join(options.stateDir, 'plans'));
  const state = createBatchStateStore(options.stateDir);
  const fetch = createLeanFetch();
  const targets = new Map<string, Target>();
  const failures = new Map<string, BatchFailure>();
  const attached = new Set<ModelHandle>();
  // Requests this run's batches answered: billed to this run, once each (see BatchGate.claim).
  const collected = new Set<string>();
  let mode: 'plan' | 'final' = 'plan';

  const gateFor = (target: Target): BatchGate => ({
    mode: () => mode,
    lookup: (key) => cache.get(key),
    plan: (key, request) => target.planned.add(key, request),
    failure: (key) => failures.get(key),
    claim: (key) => collected.delete(key),
  });

  const clientFor = async (target: Target): Promise<BatchClient> => {
    const { handle } = target;
    const keyEnv = handle.config.api_key_env ?? DEFAULT_KEY_ENV[target.family];
    const common = {
      id: handle.id,
      model: handle.model,
      apiKey: options.env[keyEnv] || 'no-key-required',
      baseURL: handle.config.base_url,
      timeoutMs: handle.config.timeout_ms,
      fetch,
      clock: options.clock,
    };
    if (target.family === 'anthropic')
      return (await import('./anthropic-batch-client.js')).createAnthropicBatchClient(common);
    return (await import('./openai-batch-client.js')).createOpenAIBatchClient(common);
  };

  return {
    attach(handles) {
      for (const handle of handles) {
        if (handle.provider !== 'openai' && handle.provider !== 'anthropic') continue;
        const model = handle.languageModel as Partial<CachingModel>;
        if (typeof model.cacheKey !== 'function')
          throw new InputError({
            code: 'BATCH_NEEDS_CACHE',
            file: options.configFile,
            message: '--batch delivers answers through the response cache; drop --no-cache',
          });
        const server = serverHash(handle.config.base_url);
        const id = `${handle.id}\n${server}`;
        // A second handle with the same id and server (the judge declared as a provider) shares the plan.
        const spool = path.join(options.stateDir, 'plans', `${process.pid}-${targets.size}.jsonl.tmp`);
        const target = targets.get(id) ?? {
          handle,
          family: handle.provider,
          server,
          planned: createRequestSpool(spool),
        };
        targets.set(id, target);
        handle.languageModel = withBatchGate(model as CachingModel, gateFor(target));
        attached.add(handle);
      }
    },

    isAttached: (handle) => attached.has(handle),

    async prefill(planRun) {
      mode = 'plan';
      await planRun();
      mode = 'final';
      const summary: BatchRunSummary = { batches: [], requests: 0, retriedDirectly: 0, failed: 0 };
      for (const target of targets.values()) {
        if (target.planned.size === 0) continue;
        summary.requests += target.planned.size;
        const onOutcome = async (outcome: BatchOutcome): Promise<void> => {
          if (outcome.ok) {
            const usage = outcome.result.usage ? { ...outcome.result.usage, batch: true } : undefined;
            // latencyMs null: a batch answer has no per-call latency, so latency is "not measured";
            // `batch` marks the case as such (run-case.ts), with or without usage.
            await cache.set(outcome.customId, { ...outcome.result, usage, latencyMs: null, batch: true });
            collected.add(outcome.customId);
          } else if (outcome.retryable) summary.retriedDirectly++;
          else {
            failures.set(outcome.customId, outcome);
            summary.failed++;
          }
        };
        const batches = await runProviderBatches({
          provider: target.handle.id,
          server: target.server,
          model: target.handle.model,
          client: await clientFor(target),
          requests: target.planned,
          state,
          clock: options.clock,
          pollIntervalMs: options.pollIntervalMs ?? DEFAULT_BATCH_POLL_MS,
          signal: options.signal,
          onNote: options.onNote,
          onOutcome,
          isCollected: async (id) => (await cache.get(id)) !== undefined,
        });
        summary.batches.push(...batches);
        target.planned.close();
      }
      if (summary.retriedDirectly > 0)
        options.onNote?.(
          `${summary.retriedDirectly} request(s) failed in a batch with a server-side error; they are sent directly, at the standard price`,
        );
      if (summary.failed > 0)
        options.onNote?.(
          `${summary.failed} request(s) were not answered by their batch (refused, expired or cancelled); each case records why, and running eval --batch again submits them anew`,
        );
      return summary;
    },

    close: () => {
      for (const target of targets.values()) target.planned.close();
      fetch.destroy();
    },
  };
}

/** Scratch plans of processes that no longer run (killed mid-poll) are deleted; they are never read. */
function removeOrphanSpools(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-\d+\.jsonl\.tmp$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || isRunning(pid)) continue;
    rmSync(path.join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
