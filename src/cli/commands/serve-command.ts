// `evalgate serve`: serves the evaluated pipeline over HTTP until SIGTERM/SIGINT, then shuts
// down gracefully and exits 0. Refuses to start (exit 2) when what would be served differs from
// the accepted baseline, unless --allow-unevaluated.
import type { ModuleClosers } from '../../providers/module/module-closers.js';
import { withModuleClosers } from './with-module-closers.js';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { systemClock } from '../../core/clock.js';
import { loadServingPipeline } from '../../serve/load-serving-pipeline.js';
import { asyncLogDestination } from '../../serve/log-destination.js';
import { startServe } from '../../serve/start-serve.js';

export interface ServeCommandOptions {
  config: string;
  suite?: string[];
  provider?: string[];
  port: number;
  host: string;
  log?: string;
  allowUnevaluated?: boolean;
}

export async function serveCommand(options: ServeCommandOptions): Promise<number> {
  const note = (line: string) => process.stderr.write(`${line}\n`);
  // Closed after the server stopped (or failed to start): the pipeline's modules are done.
  return withModuleClosers(note, (closers) => runServeCommand(options, note, closers));
}

async function runServeCommand(
  options: ServeCommandOptions,
  note: (line: string) => void,
  moduleClosers: ModuleClosers,
): Promise<number> {
  const requestLog = asyncLogDestination(2);
  // Warm-up's own request-log lines are written here, to nowhere, by the same kind of writer.
  const warmUpLog = asyncLogDestination(os.devNull);
  // Listened for before start-up (loading and warm-up take a while): a SIGTERM then still ends
  // in a clean shutdown and exit 0, not the default kill.
  let signalled: ((signal: string) => void) | null = null;
  let early: string | null = null;
  const onSignal = (signal: string) => (signalled ? signalled(signal) : (early ??= signal));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
  const running = await startServe({
    configPath: options.config,
    env: process.env,
    clock: systemClock,
    newId: randomUUID,
    host: options.host,
    port: options.port,
    log: options.log,
    logStream: requestLog.stream,
    warmUpLogStream: warmUpLog.stream,
    loadPipeline: (configPath) =>
      loadServingPipeline({
        configPath,
        env: process.env,
        clock: systemClock,
        suites: options.suite,
        providers: options.provider,
        allowUnevaluated: options.allowUnevaluated,
        onNote: note,
        moduleClosers,
      }),
  });
  const { pipeline } = running;
  for (const m of pipeline.unevaluated) note(`warning: serving unevaluated (--allow-unevaluated): ${m}`);
  for (const s of pipeline.suites)
    note(
      `serving ${s.name} on /v1/${s.route} with ${s.model}${s.promptVersion ? ` (${s.promptVersion}#${s.promptHash})` : ''}`,
    );
  process.stdout.write(
    `evalgate serve: listening on ${running.url} (manifest ${pipeline.manifestHash}, log ${running.logFile})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      note(`${signal}: finishing in-flight requests`);
      running.stop().then(resolve, (error) => {
        note(`shutdown failed: ${(error as Error).message}`);
        resolve();
      });
    };
    if (early) stop(early);
    else signalled = stop;
  });
  await requestLog.close();
  await warmUpLog.close();
  note('stopped');
  return 0;
}
