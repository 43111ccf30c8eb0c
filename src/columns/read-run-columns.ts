// Reads a run folder's results.jsonl as a stream into the column store, and (with `sortFile`)
// rewrites the file in its stable order (suite, provider, case id, repeat) by copying each
// line's bytes from where it was streamed. Memory stays at the columns plus one read buffer:
// the file is never held whole, and no result object outlives its line. The same function
// serves `eval` (after the cases), `gate` and `merge` (from folders on disk).
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { CaseResultSchema } from '../run/read-run.js';
import { RESULTS_FILE } from '../run/run-folder.js';
import type { CaseResult } from '../run/types.js';
import { createColumnsBuilder, type ResultColumns } from './result-columns.js';

const NEWLINE = 0x0a;

export async function readRunColumns(
  runDir: string,
  options: { sortFile?: boolean } = {},
): Promise<ResultColumns> {
  const file = path.join(runDir, RESULTS_FILE);
  const builder = createColumnsBuilder();
  await forEachLine(file, (line, offset, lineNo) => {
    builder.add(parseLine(line.toString('utf8'), file, lineNo), { offset, length: line.length });
  });
  const { columns, identity } = builder.finish();
  if (options.sortFile && !identity) await rewriteSorted(file, columns);
  return columns;
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
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
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
      position += chunk.length;
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
 * the columns' line offsets at the new layout. Neighbouring lines are read in one go.
 */
async function rewriteSorted(file: string, columns: ResultColumns): Promise<void> {
  const temp = `${file}.${process.pid}.sorted.tmp`;
  const input = await open(file, 'r');
  const output = createWriteStream(temp);
  let failure: Error | null = null;
  output.on('error', (error) => {
    failure = error;
  });
  try {
    let written = 0;
    for (let i = 0; i < columns.n; ) {
      // A run of rows whose lines are already adjacent in the source is one read.
      let j = i + 1;
      let bytes = columns.lineLength[i] + 1;
      while (
        j < columns.n &&
        bytes < 1 << 20 &&
        columns.lineOffset[j] === columns.lineOffset[j - 1] + columns.lineLength[j - 1] + 1
      ) {
        bytes += columns.lineLength[j] + 1;
        j++;
      }
      const buffer = Buffer.alloc(bytes);
      await input.read(buffer, 0, bytes - 1, columns.lineOffset[i]);
      buffer[bytes - 1] = NEWLINE;
      for (let k = i; k < j; k++) {
        columns.lineOffset[k] = written;
        written += columns.lineLength[k] + 1;
      }
      if (!output.write(buffer)) await once(output, 'drain');
      if (failure) throw failure;
      i = j;
    }
  } finally {
    await input.close();
    await new Promise<void>((resolve) => output.end(resolve));
  }
  if (failure) throw failure;
  await rename(temp, file);
}
