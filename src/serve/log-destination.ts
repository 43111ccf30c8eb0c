// Where the server's request log (pino, via Fastify) goes: an asynchronous, coalescing writer
// (pino's sonic-boom destination) instead of `process.stderr`, whose writes are synchronous for
// files and pipes on Linux. Two lines per request written synchronously put a system call, and
// any back-pressure from whatever reads stderr (a container runtime, journald), on the event loop
// of every request. Lines are buffered up to 4 KiB or 200 ms, whichever comes first (one write
// per ~15 requests instead of two per request); `close()` at shutdown writes what is still
// buffered.
import pino from 'pino';

export interface LogDestination {
  /** Hand this to `startServe({ logStream })`. */
  stream: { write(line: string): unknown };
  /** Writes what is buffered, then closes the destination (stderr itself stays open). */
  close(): Promise<void>;
}

/** `dest`: a file descriptor (2 for stderr) or a file path (appended to, folders created). */
export function asyncLogDestination(dest: number | string): LogDestination {
  const stream = pino.destination({
    dest,
    sync: false,
    minLength: 4096,
    periodicFlush: 200,
    mkdir: typeof dest === 'string',
  });
  return {
    stream,
    close: () =>
      new Promise((resolve) => {
        stream.once('finish', () => resolve());
        stream.end();
      }),
  };
}
