// Reads a run folder's results.jsonl as a stream into the column store, and (with `sortFile`)
// rewrites the file in its stable order (suite, provider, case id, repeat) by copying each
// line's bytes from where it was streamed. Memory stays at the columns plus one read buffer and
// one write buffer, both reused: the file is never held whole, and no result object outlives its
// line. The same function
// serves `eval` (after the cases), `gate` and `merge` (from folders on disk).
import { writeFully } from '../core/write-fully.js';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { collectAtPhaseBoundary } from '../memory/phase-collection.js';
import { CaseResultSchema } from '../run/read-run.js';
import { RESULTS_FILE } from '../run/run-folder.js';
import type { CaseResult } from '../run/types.js';
import { createColumnsBuilder, type ResultColumns } from './result-columns.js';

const NEWLINE = 0x0a;
// 64 KB, below glibc's initial mmap threshold (128 KB). A freed buffer above it (these were 1 MB)
// raises the threshold to its size, and from then on every smaller array buffer, such as each of
// the column store's 400–800 KB per-row columns at 100,000 rows, is placed in glibc's heap, whose
// freed pages stay resident (measured: the heap grew to ~60 MB at 100k and stayed there).
/** The one read buffer of a pass over the file. */
const READ_BUFFER_BYTES = 1 << 16;
/** The rewrite's one output buffer. */
const REWRITE_BUFFER_BYTES = 1 << 16;

export async function readRunColumns(
  runDir: string,
  /**
   * bufferBytes: the rewrite's output buffer (tests use a small one to cross its edges);
   * createBuilder: the column builder's factory (tests watch how it is sized).
   */
  options: { sortFile?: boolean; bufferBytes?: number; createBuilder?: typeof createColumnsBuilder } = {},
): Promise<ResultColumns> {
  const file = path.join(runDir, RESULTS_FILE);
  // Counted first (a cheap pass: no parsing), so every column is allocated once at its size.
  const builder = (options.createBuilder ?? createColumnsBuilder)({ expectedRows: await countLines(file) });
  await forEachLine(file, (line, offset, lineNo) => {
    builder.add(parseLine(line.toString('utf8'), file, lineNo), { offset, length: line.length });
  });
  const { columns, identity } = builder.finish();
  if (options.sortFile && !identity)
    await rewriteSorted(file, columns, options.bufferBytes ?? REWRITE_BUFFER_BYTES);
  // Every line's parse and the builder's columns (released as they were copied) are garbage
  // now: ~25 MB of array buffers and the parse's young garbage at 100k rows, which V8 would
  // otherwise carry into the statistics (a no-op unless the CLI installed the collector).
  collectAtPhaseBoundary('columns');
  return columns;
}

/** Lines in the file (newlines, plus an unterminated last line): at least its rows. */
export async function countLines(file: string): Promise<number> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch {
    return 0; // forEachLine reports the missing file
  }
  try {
    const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    let lines = 0;
    let last = NEWLINE;
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, at + 1)) lines++;
      last = chunk[bytesRead - 1];
      position += bytesRead;
    }
    return last === NEWLINE ? lines : lines + 1;
  } finally {
    await handle.close();
  }
}

/** Calls `visit` with every non-blank line's bytes (no newline), its byte offset and line number. */
async function forEachLine(
  file: string,
  visit: (line: Buffer, offset: number, lineNo: number) => void,
): Promise<void> {
  let carry: Buffer | null = null;
  let carryOffset = 0;
  let position = 0;
  let lineNo = 0;
  const emit = (line: Buffer, offset: number): void => {
    lineNo++;
    if (line.length > 0 && line.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0d))
      visit(line, offset, lineNo);
  };
  try {
    // One read buffer, reused: a line is parsed (or copied into `carry`) before the next read.
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        let start = 0;
        for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, start)) {
          const piece = chunk.subarray(start, at);
          if (carry) {
            emit(Buffer.concat([carry, piece]), carryOffset);
            carry = null;
          } else emit(piece, position + start);
          start = at + 1;
        }
        if (start < chunk.length) {
          const rest = chunk.subarray(start);
          if (carry) carry = Buffer.concat([carry, rest]);
          else {
            carry = Buffer.from(rest);
            carryOffset = position + start;
          }
        }
        position += bytesRead;
      }
    } finally {
      await handle.close();
    }
    if (carry) emit(carry, carryOffset);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({
      code: 'RESULTS_INVALID',
      file,
      message: code === 'ENOENT' ? 'results file not found' : `cannot read (${code ?? String(error)})`,
    });
  }
}

function parseLine(text: string, file: string, line: number): CaseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InputError({ code: 'RESULTS_INVALID', file, line, message: 'not valid JSON' });
  }
  const parsed = CaseResultSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({
      code: 'RESULTS_INVALID',
      file,
      line,
      field: issue.path.join('.'),
      message: issue.message,
    });
  }
  return raw as CaseResult;
}

/**
 * Copies every line to a temp file in row order, then renames it over results.jsonl, and points
 * the columns' line offsets at the new layout. Lines are read straight into one reused output
 * buffer (neighbouring lines in one read) and the buffer is written whenever it is full, so the
 * rewrite allocates one buffer whatever the run's size (a line longer than it gets its own).
 */
async function rewriteSorted(file: string, columns: ResultColumns, bufferBytes: number): Promise<void> {
  const temp = `${file}.${process.pid}.sorted.tmp`;
  const input = await open(file, 'r');
  let output: Awaited<ReturnType<typeof open>> | null = null;
  try {
    output = await open(temp, 'w');
    let buffer = Buffer.allocUnsafe(bufferBytes);
    let filled = 0;
    // The pending read: source bytes [from, from + bytes) land at buffer[at …).
    let from = 0;
    let bytes = 0;
    let at = 0;
    const read = async (): Promise<void> => {
      if (bytes > 0) await readFully(input, buffer, at, bytes, from);
      bytes = 0;
    };
    const flush = async (): Promise<void> => {
      await read();
      if (filled > 0) await writeFully(output!, buffer, filled);
      filled = 0;
    };
    let written = 0;
    for (let i = 0; i < columns.n; i++) {
      const length = columns.lineLength[i];
      const offset = columns.lineOffset[i];
      if (filled + length + 1 > buffer.length) {
        await flush();
        if (length + 1 > buffer.length) buffer = Buffer.allocUnsafe(length + 1);
      }
      // Adjacent in the source and in the buffer: one read covers both lines.
      if (bytes > 0 && offset === from + bytes + 1 && at + bytes + 1 === filled) bytes += length + 1;
      else {
        await read();
        from = offset;
        at = filled;
        bytes = length;
      }
      buffer[filled + length] = NEWLINE;
      filled += length + 1;
      columns.lineOffset[i] = written;
      written += length + 1;
    }
    await flush();
  } finally {
    await input.close();
    await output?.close();
  }
  await rename(temp, file);
}

/** Reads exactly `length` bytes at `position` into buffer[offset …) (a short read is retried). */
async function readFully(
  handle: Awaited<ReturnType<typeof open>>,
  buffer: Buffer,
  offset: number,
  length: number,
  position: number,
): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, offset + done, length - done, position + done);
    if (bytesRead === 0) throw new Error(`results file ended early at byte ${position + done}`);
    done += bytesRead;
  }
}
