// The `close` exports of the user's own modules (module providers, `rag.retriever`, `rag`-less
// apps alike). A module that opens a database pool or a socket at import time would otherwise
// keep `evalgate eval` alive after the run, or make it exit by accident of idle timeouts. Each
// module file's `close` is called once, when the CLI command is done with the modules
// (src/cli/commands/with-module-closers.ts); one that fails or hangs is reported as a note and
// never changes the command's outcome.

import { safeFirstLine } from '../redact-secrets.js';

/** How long a module's `close` may take before evalgate stops waiting for it. */
export const MODULE_CLOSE_TIMEOUT_MS = 10_000;

export interface ModuleClosers {
  /** Registers a module's `close` export under its resolved URL (the same file twice: once). */
  add(moduleUrl: string, close: () => unknown): void;
  /** Calls every registered `close` once, in the order the modules were loaded; never rejects. */
  closeAll(): Promise<void>;
}

export function createModuleClosers(options: {
  onNote?: (line: string) => void;
  timeoutMs?: number;
  /** The environment, whose secret-looking values never reach a note (a driver may echo them). */
  env?: Readonly<Record<string, string | undefined>>;
}): ModuleClosers {
  const timeoutMs = options.timeoutMs ?? MODULE_CLOSE_TIMEOUT_MS;
  const closers = new Map<string, () => unknown>();
  return {
    add(moduleUrl, close) {
      if (!closers.has(moduleUrl)) closers.set(moduleUrl, close);
    },
    async closeAll() {
      const pending = [...closers];
      closers.clear();
      for (const [moduleUrl, close] of pending) {
        const file = new URL(moduleUrl).pathname.split('/').pop();
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timeoutMs);
          timer.unref();
        });
        try {
          const outcome = await Promise.race([Promise.resolve().then(close), timedOut]);
          if (outcome === 'timeout')
            options.onNote?.(
              `close() of ${file} did not finish within ${timeoutMs / 1000} s; not waiting for it`,
            );
        } catch (error) {
          // Credentials in a connection string, key-shaped tokens and the environment's secrets.
          options.onNote?.(`close() of ${file} failed: ${safeFirstLine(error, options.env)}`);
        } finally {
          clearTimeout(timer);
        }
      }
    },
  };
}
