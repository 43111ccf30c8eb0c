// Starts a real `evalgate serve` on 127.0.0.1 (random port) over a given pipeline, for the serve
// tests: a one-suite config in a fresh folder, the request log captured in memory, request ids
// req-1, req-2, … (resetIds restarts them, e.g. after warm-up).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { systemClock } from '../../core/clock.js';
import type { ServingPipeline } from '../serving-pipeline.js';
import { startServe, type RunningServer } from '../start-serve.js';

export interface TestServer {
  server: RunningServer;
  /** The inference log's path. */
  logFile: string;
  /** Everything the request logger (pino) wrote so far. */
  pino: () => string;
  /** What warm-up's routine lines wrote to the null-device twin (captured here instead). */
  warmUpPino: () => string;
  resetIds: () => void;
}

/** A start-up failure carries what the request logger wrote before it (`error.pino`). */
export async function startTestServer(
  pipeline: ServingPipeline,
  options: { serve?: string; port?: number; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-serve-'));
  const config = path.join(dir, 'evalgate.yaml');
  await writeFile(
    config,
    `name: t\nroot: .\nproviders: [local/extractive]\nsuites:\n  - { name: qa, task: qa, prompt: qa@v1, cases: qa.jsonl }\n${options.serve ?? ''}`,
  );
  const stream = new PassThrough();
  let pino = '';
  stream.on('data', (chunk) => {
    pino += chunk.toString();
  });
  const twin = new PassThrough();
  let warmUpPino = '';
  twin.on('data', (chunk) => {
    warmUpPino += chunk.toString();
  });
  let id = 0;
  try {
    const server = await startServe({
      configPath: config,
      env: options.env ?? {},
      clock: systemClock,
      newId: () => `req-${++id}`,
      host: '127.0.0.1',
      port: options.port ?? 0,
      log: 'inference.jsonl',
      logStream: stream,
      warmUpLogStream: twin,
      loadPipeline: async () => pipeline,
    });
    return {
      server,
      logFile: path.join(dir, 'inference.jsonl'),
      pino: () => pino,
      warmUpPino: () => warmUpPino,
      resetIds: () => {
        id = 0;
      },
    };
  } catch (error) {
    (error as { pino?: string }).pino = pino;
    throw error;
  }
}
