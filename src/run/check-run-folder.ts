// A run folder is trusted only when it is whole: run.json parses, results.jsonl ends with a
// complete line, and holds as many results as run.json counted. A crash can leave a folder
// without run.json (the run did not finish), with a torn last results line, or with a cut
// run.json; `gate`, `report`, `baseline accept` and `merge` refuse such a folder with one line
// saying what is wrong and how to recover, instead of judging half a run.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { RESULTS_FILE, RUN_FILE } from './run-folder.js';

export async function checkRunFolder(runDir: string): Promise<void> {
  const runFile = path.join(runDir, RUN_FILE);
  const resultsFile = path.join(runDir, RESULTS_FILE);
  const id = path.basename(runDir);
  let text: string | null = null;
  try {
    text = await readFile(runFile, 'utf8');
  } catch {
    /* missing: told below, with the state of results.jsonl */
  }
  const hasResults = await stat(resultsFile).then(
    () => true,
    () => false,
  );
  if (text === null)
    throw new InputError({
      code: 'RUN_UNFINISHED',
      file: runFile,
      message: hasResults
        ? `missing: run ${id} did not finish (interrupted?); finish it with \`evalgate eval --resume ${id}\``
        : 'missing: not a run folder',
    });
  let counted: unknown;
  try {
    counted = (JSON.parse(text) as { manifest?: { counts?: { results?: unknown } } }).manifest?.counts
      ?.results;
  } catch {
    throw new InputError({
      code: 'RUN_TORN',
      file: runFile,
      message: `cut short or not valid JSON (a crash while writing?): run ${id} cannot be trusted; finish it with \`evalgate eval --resume ${id}\``,
    });
  }
  if (!hasResults)
    throw new InputError({ code: 'RUN_TORN', file: resultsFile, message: 'missing: the run has no results' });
  const lines = await countLines(resultsFile);
  if (!lines.endsWithNewline)
    throw new InputError({
      code: 'RUN_TORN',
      file: resultsFile,
      line: lines.count,
      message: 'the last line is cut short (a crash while writing?): the run cannot be trusted',
    });
  if (typeof counted === 'number' && counted !== lines.count)
    throw new InputError({
      code: 'RUN_TORN',
      file: resultsFile,
      message: `holds ${lines.count} results but run.json counted ${counted}: the folder was damaged or edited`,
    });
}

/** Non-blank lines, and whether the file ends with a newline (an empty file does). */
async function countLines(file: string): Promise<{ count: number; endsWithNewline: boolean }> {
  let count = 0;
  // Whether the current line has anything but spaces so far; newlines are found natively
  // (Buffer#indexOf), since a 100k-case results file is hundreds of megabytes.
  let content = false;
  let last = 0x0a;
  for await (const chunk of createReadStream(file)) {
    const buf = chunk as Buffer;
    let from = 0;
    while (from < buf.length) {
      const nl = buf.indexOf(0x0a, from);
      const end = nl === -1 ? buf.length : nl;
      if (!content) content = hasContent(buf, from, end);
      if (nl === -1) break;
      if (content) count++;
      content = false;
      from = nl + 1;
    }
    if (buf.length > 0) last = buf[buf.length - 1];
  }
  if (content) count++;
  return { count, endsWithNewline: last === 0x0a };
}

function hasContent(buf: Buffer, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x0d && b !== 0x09) return true;
  }
  return false;
}
