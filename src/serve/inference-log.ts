// The inference log: one JSON line per request, appended by a single background writer so a
// request never waits on the disk. Lines queue in memory and go out in batches; the file is
// rotated by size (`file.1` newest … `file.N` oldest); `close()` drains the queue, so a clean
// shutdown loses no line.
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

export async function openInferenceLog(options: {
  file: string;
  maxBytes: number;
  maxFiles: number;
  onError?: (error: Error) => void;
}): Promise<InferenceLog> {
  const { file, maxBytes, maxFiles } = options;
  await mkdir(path.dirname(file), { recursive: true });
  let handle: FileHandle = await open(file, 'a');
  let size = (await stat(file)).size;
  const queue: string[] = [];
  let writing: Promise<void> | null = null;
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
      const batch = queue.splice(0, queue.length);
      const text = batch.join('');
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

  const flush = async (): Promise<void> => {
    while (writing) await writing;
  };

  return {
    append(record) {
      if (closed) throw new Error('inference log is closed');
      queue.push(`${JSON.stringify(record)}\n`);
      writing ??= drain();
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
