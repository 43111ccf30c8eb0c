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
  let content = false;
  let last = 0x0a;
  for await (const chunk of createReadStream(file)) {
    for (const byte of chunk as Buffer) {
      if (byte === 0x0a) {
        if (content) count++;
        content = false;
      } else if (byte !== 0x20 && byte !== 0x0d && byte !== 0x09) content = true;
      last = byte;
    }
  }
  if (content) count++;
  return { count, endsWithNewline: last === 0x0a };
}
