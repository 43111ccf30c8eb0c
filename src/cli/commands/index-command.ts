// `evalgate index`: builds (or reuses) the retrieval index explicitly, with progress output.
import path from 'node:path';
import { createRagRuntime } from '../../pipeline/rag-runtime.js';
import { InputError } from '../../core/errors.js';
import type { ModuleClosers } from '../../providers/module/module-closers.js';
import { loadProject } from './load-project.js';
import { withModuleClosers } from './with-module-closers.js';

export async function indexCommand(options: { config: string }): Promise<number> {
  return withModuleClosers(
    (line) => process.stderr.write(`evalgate: ${line}\n`),
    (moduleClosers) => buildIndex(options, moduleClosers),
  );
}

async function buildIndex(options: { config: string }, moduleClosers: ModuleClosers): Promise<number> {
  const { loaded } = await loadProject(options.config);
  const rag = loaded.config.rag;
  if (!rag)
    throw new InputError({
      code: 'NO_RAG',
      file: options.config,
      field: 'rag',
      message: 'the config has no "rag" section',
    });
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  const runtime = await createRagRuntime({
    rag,
    root: loaded.root,
    env: process.env,
    configFile: options.config,
    cacheDir: path.resolve(loaded.root, loaded.config.cache_dir),
    onNote: (line) => process.stdout.write(`${line}\n`),
    moduleClosers,
    onProgress: (event) => {
      if (tty) process.stderr.write(`\r  ${event.phase} ${event.done}/${event.total}   `);
    },
  });
  if (tty) process.stderr.write('\r\x1b[2K');
  await runtime.close();
  const d = runtime.describe;
  process.stdout.write(
    `index: ${runtime.chunkCount} chunks, ${d.embedder}, ${d.vectorStore} store, corpus ${runtime.corpusHash?.slice(0, 12) ?? '(external retriever)'}, ${Math.round(performance.now() - started)} ms\n`,
  );
  return 0;
}
