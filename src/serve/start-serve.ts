// Starts `evalgate serve` as a library call: load the evaluated pipeline, open the inference
// log, warm up, listen. `stop()` is the graceful shutdown SIGTERM triggers: stop accepting,
// let in-flight requests finish, wait for timed-out work, flush the log, release the models.
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { serveSettings } from '../config/serve-schema.js';
import { loadConfig } from '../config/load-config.js';
import type { Clock } from '../core/clock.js';
import { createServeApp } from './create-serve-app.js';
import { openInferenceLog } from './inference-log.js';
import { createInputHasher, inputHashKey } from './input-hash.js';
import type { ServingPipeline } from './serving-pipeline.js';

export interface StartServeOptions {
  configPath: string;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  newId: () => string;
  host: string;
  port: number;
  /** Inference log path (relative to the project root); default `.evalgate/inference.jsonl`. */
  log?: string;
  /** Where the request log (pino) writes: `asyncLogDestination(2)` in the CLI. */
  logStream: { write(line: string): unknown };
  /**
   * A twin of the request log's destination writing to the null device (`asyncLogDestination(
   * os.devNull)` in the CLI): warm-up's routine lines go there, so the writer's code is warm too.
   * Without it those lines are dropped. The caller closes it, as it does `logStream`.
   */
  warmUpLogStream?: { write(line: string): unknown };
  /** The evaluated pipeline by default; tests may inject a scripted one. */
  loadPipeline: (configPath: string) => Promise<ServingPipeline>;
}

export interface RunningServer {
  url: string;
  pipeline: ServingPipeline;
  logFile: string;
  stop(): Promise<void>;
}

export const DEFAULT_INFERENCE_LOG = '.evalgate/inference.jsonl';

export async function startServe(options: StartServeOptions): Promise<RunningServer> {
  const loaded = await loadConfig(options.configPath, options.env);
  const settings = serveSettings(loaded.config.serve);
  // Checked before the pipeline loads: a bad token then costs nothing to clean up.
  const token = checkedToken(options.env[settings.auth_token_env] || undefined, settings.auth_token_env);
  const pipeline = await options.loadPipeline(options.configPath);
  const logFile = path.resolve(loaded.root, options.log ?? DEFAULT_INFERENCE_LOG);
  let server: ReturnType<typeof createServeApp> | undefined;
  const log = await openInferenceLog({
    file: logFile,
    maxBytes: settings.log_max_bytes,
    maxFiles: settings.log_max_files,
    onError: (error) => server?.app.log.error({ err: error }, 'inference log write failed'),
  }).catch(async (error: unknown) => {
    await pipeline.close();
    throw error;
  });
  server = createServeApp({
    pipeline,
    settings,
    token,
    hashInput: createInputHasher(inputHashKey(options.env, settings.input_hash_key_env)),
    log,
    clock: options.clock,
    newId: options.newId,
    logStream: options.logStream,
    warmUpLogStream: options.warmUpLogStream,
  });
  try {
    const url = await server.app.listen({ host: options.host, port: options.port });
    await server.warmUp(url);
    // No full collection here: tried, it did not help the first real request (idle bench: first ÷
    // median 1.13-1.14 with it, 1.13-1.16 without; a probe even found it slower, 1.20 vs 1.06).
    server.setReady();
    let stopping: Promise<void> | undefined;
    const running = server;
    return {
      url,
      pipeline,
      logFile,
      stop: () => {
        stopping ??= (async () => {
          // Stop accepting, let in-flight requests finish, then drop what is left (an aborted
          // client's keep-alive socket would otherwise hold close() for the keep-alive timeout).
          const closing = running.app.close();
          await running.drain();
          running.app.server.closeAllConnections();
          await closing;
          // Log lines are written after their responses: the last ones may still be on their way.
          await running.drain();
          await log.close();
          await pipeline.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await server.app.close();
    await log.close();
    await pipeline.close();
    throw error;
  }
}

/**
 * A bearer token no client could send (control characters, surrounding spaces) is refused at
 * start, naming the variable and never quoting the value (an HTTP library's error would).
 */
function checkedToken(token: string | undefined, variable: string): string | undefined {
  if (token === undefined) return undefined;
  const bad = /[\u0000-\u001f\u007f]/.test(token)
    ? 'contains a control character (a newline?)'
    : token.trim() !== token
      ? 'starts or ends with whitespace'
      : null;
  if (bad)
    throw new InputError({
      code: 'BAD_TOKEN',
      field: variable,
      message: `the bearer token ${bad}, so no client could send it in an Authorization header`,
    });
  return token;
}
