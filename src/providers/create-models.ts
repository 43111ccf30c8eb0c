// Builds the models under test from the config: picks the adapter for each provider id, reads
// its key from the environment (and nowhere else), and wraps it in retries, timing and the
// response cache. A provider whose key is missing is skipped with a note, unless the user asked
// for it explicitly with --provider, which makes it an input error.
import path from 'node:path';
import type { Clock } from '../core/clock.js';
import { InputError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { EvalConfig, ProviderConfig } from '../config/schema.js';
import type { ModelHandle } from './model-handle.js';
import type { LanguageModel } from './language-model.js';
import type { ModuleClosers } from './module/module-closers.js';
import { createAppModelFactory } from './create-app-model.js';
import { createLeanFetch, type LeanFetch } from './lean-fetch.js';
import { createLocalExtractiveModel } from './local/local-extractive-model.js';
import { createReplayModel } from './replay-model.js';
import { createResponseCache, type ResponseCache } from './response-cache.js';
import { getTokenizer } from './token-estimate.js';
import { createProviderLimiters } from './provider-limiters.js';
import { withRateLimit } from './with-rate-limit.js';
import { withCache } from './with-cache.js';
import { withLatency } from './with-latency.js';
import { withRetries } from './with-retries.js';

// SDKs load only when a provider of theirs is configured: @anthropic-ai/sdk alone costs
// ~100 ms of start-up, which an offline or OpenAI-only run should not pay.
type RemoteAdapterOptions = {
  id: string;
  model: string;
  apiKey: string;
  baseURL?: string;
  timeoutMs: number;
  fetch: typeof fetch;
  clock: Clock;
};
async function createRemoteModel(
  family: 'openai' | 'anthropic',
  options: RemoteAdapterOptions,
): Promise<LanguageModel> {
  if (family === 'anthropic') return (await import('./anthropic-model.js')).createAnthropicModel(options);
  return (await import('./openai-model.js')).createOpenAIModel(options);
}

/** Key-less OpenAI-compatible servers (vLLM, Ollama, llama.cpp) still need a non-empty key for the SDK. */
const NO_KEY_PLACEHOLDER = 'no-key-required';
export const DEFAULT_KEY_ENV = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY' } as const;
/** Torn cache entries named one by one before the notes stop. */
const MAX_TORN_NOTES = 3;
/** Families that call a server which may rate-limit us. */
const RATE_LIMITED_FAMILIES = new Set(['openai', 'anthropic', 'http']);

export interface CreateModelsOptions {
  config: EvalConfig;
  root: string;
  configFile: string;
  env: Readonly<Record<string, string | undefined>>;
  /** --provider: only these, and a missing key is an error. */
  requested?: string[];
  useCache: boolean;
  clock: Clock;
  rng: Rng;
  /** Upper bound of each provider's adaptive concurrency (default 512: callers bound it themselves). */
  concurrency?: number;
  /** One-line warnings (a cache that cannot be written is said once, not swallowed). */
  onNote?: (line: string) => void;
  /** Where module providers' `close` exports are registered; the caller closes them. */
  moduleClosers?: ModuleClosers;
}

export interface CreatedModels {
  models: ModelHandle[];
  /** The LLM judge, when `judge` names a provider whose key is available. */
  judge: ModelHandle | null;
  /** The reranking model named by `rag.retrieve.rerank`, when its key is available. */
  reranker: ModelHandle | null;
  replayBySuite: Map<string, ModelHandle>;
  /** Providers that did not start; `keyEnv` names the missing key's variable. */
  skipped: { id: string; reason: string; keyEnv?: string }[];
  /** The response cache the models read and write (`evalgate plan` looks calls up in it). */
  cache: ResponseCache;
  close(): void;
}

export async function createModels(options: CreateModelsOptions): Promise<CreatedModels> {
  const { config, env } = options;
  const fetch: LeanFetch = createLeanFetch();
  let tornNoted = 0;
  const cache = createResponseCache({
    dir: path.resolve(options.root, config.cache_dir),
    // A crash (or an interrupted cache restore) can leave damaged entries: said, not trusted.
    onTorn: ({ file, reason }) => {
      if (++tornNoted > MAX_TORN_NOTES) return;
      const name = path.relative(options.root, file) || file;
      options.onNote?.(
        `warning: response cache entry ${name} was torn (${reason}); it was ignored and removed, so this case calls the model again${tornNoted === MAX_TORN_NOTES ? ' (further torn entries are repaired without a note)' : ''}`,
      );
    },
  });
  const apps = createAppModelFactory({ ...options, env, closers: options.moduleClosers });
  const requested = options.requested;
  if (requested) {
    for (const id of requested) {
      if (!config.providers.some((p) => p.id === id)) {
        throw new InputError({
          code: 'PROVIDER_UNKNOWN',
          file: options.configFile,
          field: 'providers',
          message: `--provider ${id} is not declared in the config (declared: ${config.providers.map((p) => p.id).join(', ')})`,
        });
      }
    }
  }
  let cacheWarned = false;
  const onWriteError = (error: unknown): void => {
    if (cacheWarned) return;
    cacheWarned = true;
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message?.split('\n')[0];
    options.onNote?.(
      `warning: could not write to the response cache at ${config.cache_dir} (${reason}); answers are not cached, so a rerun calls the models again`,
    );
  };
  const limits = createProviderLimiters({ clock: options.clock, concurrency: options.concurrency });
  const remoteFetch = (provider: ProviderConfig): typeof globalThis.fetch => limits.fetchFor(provider, fetch);
  const wrap = (raw: LanguageModel, provider: ProviderConfig): LanguageModel => {
    // Remote models are paced (every attempt, so inside the retries); local ones need not be.
    const family = provider.id.split('/')[0];
    const paced = RATE_LIMITED_FAMILIES.has(family) ? withRateLimit(raw, limits.limiterOf(provider)) : raw;
    const retried = withRetries(paced, {
      maxRetries: provider.max_retries,
      baseDelayMs: 500,
      maxDelayMs: 20_000,
      rng: options.rng.fork(`retry:${provider.id}`),
      clock: options.clock,
    });
    const timed = withLatency(retried, options.clock);
    // Another server behind the same provider id must not be served this server's answers.
    return options.useCache && raw.cacheable
      ? withCache(timed, cache, { namespace: provider.base_url, onWriteError })
      : timed;
  };

  const models: ModelHandle[] = [];
  const skipped: CreatedModels['skipped'] = [];
  for (const provider of config.providers) {
    if (requested && !requested.includes(provider.id)) continue;
    const [family, ...rest] = provider.id.split('/');
    const modelName = rest.join('/');
    let raw: LanguageModel | null = null;
    if (family === 'local') {
      if (modelName !== 'extractive')
        throw new InputError({
          code: 'PROVIDER_UNKNOWN',
          file: options.configFile,
          field: 'providers',
          message: `unknown local model "${provider.id}" (available: local/extractive)`,
        });
      const tokenizer = getTokenizer();
      raw = createLocalExtractiveModel({
        id: provider.id,
        classifier: provider.classifier,
        countTokens: (t) => tokenizer.count(t),
        truncateTokens: (t, max) => {
          const tokens = tokenizer.encode(t);
          return tokens.length <= max ? t : tokenizer.decode(tokens.slice(0, max));
        },
      });
    } else if (family === 'replay') {
      const replay = await createReplayModel({
        id: provider.id,
        file: path.resolve(options.root, modelName),
        displayPath: modelName,
      });
      models.push({
        id: provider.id,
        provider: family,
        model: modelName,
        config: provider,
        languageModel: wrap(replay, provider),
        hasCase: replay.hasCase,
      });
      continue;
    } else if (family === 'http' || family === 'module') {
      raw = await apps.create(provider, config.providers.indexOf(provider));
    } else if (family === 'openai' || family === 'anthropic') {
      const keyEnv = provider.api_key_env ?? DEFAULT_KEY_ENV[family];
      const key = env[keyEnv];
      if (!key && !provider.base_url) {
        const reason = `${keyEnv} is not set`;
        if (requested)
          throw new InputError({
            code: 'PROVIDER_KEY_MISSING',
            file: options.configFile,
            field: 'providers',
            message: `${provider.id} was requested but ${reason}`,
          });
        skipped.push({ id: provider.id, reason, keyEnv });
        continue;
      }
      raw = await createRemoteModel(family, {
        id: provider.id,
        model: modelName,
        apiKey: key || NO_KEY_PLACEHOLDER,
        baseURL: provider.base_url,
        timeoutMs: provider.timeout_ms,
        fetch: remoteFetch(provider),
        clock: options.clock,
      });
    }
    if (!raw) continue;
    models.push({
      id: provider.id,
      provider: family,
      model: modelName,
      config: provider,
      languageModel: wrap(raw, provider),
      baseUrl: provider.base_url,
    });
  }

  /** A model that serves the eval itself (judge, reranker): declared or not, key from the env. */
  const auxiliary = async (id: string, role: string): Promise<ModelHandle | null> => {
    const declared = config.providers.find((p) => p.id === id);
    const provider: ProviderConfig = declared ?? { id, timeout_ms: 60_000, max_retries: 4, logprobs: false };
    const [family, ...rest] = provider.id.split('/');
    if (family !== 'openai' && family !== 'anthropic')
      // Only an API model can follow a grading rubric; the offline baseline copies sentences.
      throw new InputError({
        code: 'JUDGE_UNSUPPORTED',
        file: options.configFile,
        field: role === 'judge' ? 'judge' : 'rag.retrieve.rerank',
        message: `${provider.id} cannot act as the ${role}: use an openai/… or anthropic/… model (any OpenAI-compatible server via base_url), or ${role === 'judge' ? '"none"' : 'leave it out'}`,
      });
    const keyEnv =
      provider.api_key_env ?? (family === 'anthropic' ? DEFAULT_KEY_ENV.anthropic : DEFAULT_KEY_ENV.openai);
    const key = env[keyEnv];
    if (!key && !provider.base_url) {
      skipped.push({
        id: `${role} ${provider.id}`,
        reason: `${keyEnv} is not set, so ${role === 'judge' ? 'judge scores are null' : 'results are not reranked'}`,
      });
      return null;
    }
    const raw = await createRemoteModel(family === 'anthropic' ? 'anthropic' : 'openai', {
      id: provider.id,
      model: rest.join('/'),
      apiKey: key || NO_KEY_PLACEHOLDER,
      baseURL: provider.base_url,
      timeoutMs: provider.timeout_ms,
      fetch: remoteFetch(provider),
      clock: options.clock,
    });
    return {
      id: provider.id,
      provider: family,
      model: rest.join('/'),
      config: provider,
      languageModel: wrap(raw, provider),
      baseUrl: provider.base_url,
    };
  };
  const judge = config.judge === 'none' ? null : await auxiliary(config.judge, 'judge');
  const reranker = config.rag?.retrieve.rerank
    ? await auxiliary(config.rag.retrieve.rerank, 'reranker')
    : null;

  const replayBySuite = new Map<string, ModelHandle>();
  for (const suite of config.suites) {
    if (!suite.outputs) continue;
    const provider: ProviderConfig = {
      id: `replay/${suite.outputs}`,
      timeout_ms: 60_000,
      max_retries: 0,
      logprobs: false,
    };
    const raw = await createReplayModel({
      id: provider.id,
      file: path.resolve(options.root, suite.outputs),
      displayPath: suite.outputs,
    });
    replayBySuite.set(suite.name, {
      id: provider.id,
      provider: 'replay',
      model: suite.outputs,
      config: provider,
      languageModel: wrap(raw, provider),
      hasCase: raw.hasCase,
    });
  }
  return {
    models,
    judge,
    reranker,
    replayBySuite,
    skipped,
    cache,
    close: () => {
      fetch.destroy();
      apps.close();
    },
  };
}
