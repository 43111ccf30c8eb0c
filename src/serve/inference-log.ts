// The inference log: one JSON line per request, appended by a single background writer so a
// request never waits on the disk. Records queue in memory and go out in batches (one write per
// `flushIntervalMs`, or at once when `maxBufferedRecords` are waiting), so at hundreds of requests
// a second the disk sees a few writes a second, not one per request; they are serialised in the
// batch, off the request's path. The file is rotated by size (`file.1` newest … `file.N` oldest);
// `close()` drains the queue, so a clean shutdown loses no line.
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export interface InferenceLog {
  append(record: object): void;
  /** Resolves when everything appended so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
  /** Write failures so far (the server reports them; a request never fails for the log). */
  readonly failures: number;
}

/** How long an appended line may wait for companions before it is written. */
export const DEFAULT_FLUSH_INTERVAL_MS = 50;
const DEFAULT_MAX_BUFFERED_RECORDS = 512;

export async function openInferenceLog(options: {
  file: string;
  maxBytes: number;
  maxFiles: number;
  onError?: (error: Error) => void;
  flushIntervalMs?: number;
  maxBufferedRecords?: number;
}): Promise<InferenceLog> {
  const { file, maxBytes, maxFiles } = options;
  const flushIntervalMs = options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
  const maxBuffered = options.maxBufferedRecords ?? DEFAULT_MAX_BUFFERED_RECORDS;
  await mkdir(path.dirname(file), { recursive: true });
  let handle: FileHandle = await open(file, 'a');
  let size = (await stat(file)).size;
  let queue: object[] = [];
  let writing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  let closed = false;

  const rotate = async (): Promise<void> => {
    await handle.close();
    await rm(`${file}.${maxFiles}`, { force: true });
    for (let i = maxFiles - 1; i >= 1; i--) await rename(`${file}.${i}`, `${file}.${i + 1}`).catch(() => {});
    await rename(file, `${file}.1`);
    handle = await open(file, 'a');
    size = 0;
  };

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      let text = '';
      for (const record of batch) text += `${JSON.stringify(record)}\n`;
      const bytes = Buffer.byteLength(text);
      try {
        if (size > 0 && size + bytes > maxBytes) await rotate();
        await handle.write(text);
        size += bytes;
      } catch (error) {
        failures += batch.length;
        options.onError?.(error as Error);
      }
    }
    writing = null;
  };

  const startDrain = (): void => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    // Only with lines waiting: drain() then reaches an await before it clears `writing`.
    if (!writing && queue.length > 0) writing = drain();
  };

  const flush = async (): Promise<void> => {
    startDrain();
    while (writing) await writing;
  };

  return {
    append(record) {
      if (closed) throw new Error('inference log is closed');
      queue.push(record);
      if (writing) return; // the running drain picks it up
      if (queue.length >= maxBuffered || flushIntervalMs <= 0) startDrain();
      else if (!timer) {
        timer = setTimeout(startDrain, flushIntervalMs);
        // A pending batch never keeps the process alive; close() writes it.
        timer.unref();
      }
    },
    flush,
    async close() {
      closed = true;
      await flush();
      await handle.close();
    },
    get failures() {
      return failures;
    },
  };
}
