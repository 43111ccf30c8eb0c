// Reads the results an interrupted run had written. Only the last line may be torn (the
// appender writes whole lines, so a crash can cut only the final write): it is dropped, and
// `validBytes` says where the file's intact part ends so --resume can cut it off before
// appending. A damaged line anywhere else is not a crash artefact, and is refused.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { InputError } from '../core/errors.js';
import { RESULTS_FILE } from '../run/run-folder.js';
import type { CaseResult } from '../run/types.js';

export interface WrittenResults {
  results: CaseResult[];
  /** Byte length of the complete, valid lines. */
  validBytes: number;
  /** A torn final line was found (and left out). */
  torn: boolean;
}

/** With `visit`, each result goes to it and `results` stays empty (a 100k-line run in memory is not needed to resume it). */
export async function readWrittenResults(
  runDir: string,
  visit?: (result: CaseResult) => void,
): Promise<WrittenResults> {
  const file = path.join(runDir, RESULTS_FILE);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return { results: [], validBytes: 0, torn: false };
  }
  const results: CaseResult[] = [];
  let offset = 0;
  let validBytes = 0;
  let lineNo = 0;
  let bad: number | null = null;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo++;
    offset += Buffer.byteLength(line, 'utf8') + 1;
    if (bad !== null) {
      // Something follows a bad line, so that line was not the torn tail of a crash.
      throw new InputError({
        code: 'RESULTS_INVALID',
        file,
        line: bad,
        message:
          'not a complete result line, and not the last line: the file is damaged, not torn by a crash',
      });
    }
    if (!line.trim()) {
      if (offset <= size) validBytes = offset;
      continue;
    }
    const parsed = offset <= size ? parseResult(line) : null;
    if (!parsed) {
      bad = lineNo;
      continue;
    }
    if (visit) visit(parsed);
    else results.push(parsed);
    validBytes = offset;
  }
  return { results, validBytes, torn: bad !== null };
}

function parseResult(line: string): CaseResult | null {
  try {
    const value = JSON.parse(line) as Partial<CaseResult>;
    const ok =
      typeof value.suite === 'string' &&
      typeof value.caseId === 'string' &&
      typeof value.provider === 'string' &&
      typeof value.repeat === 'number' &&
      typeof value.scores === 'object';
    return ok ? (value as CaseResult) : null;
  } catch {
    return null;
  }
}

/** Identity of a job's result: one per (suite, case, provider, repeat). */
export function resultKey(r: { suite: string; caseId: string; provider: string; repeat: number }): string {
  return `${r.suite}\u0000${r.caseId}\u0000${r.provider}\u0000${r.repeat}`;
}
