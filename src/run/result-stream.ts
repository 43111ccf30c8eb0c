// A run's results as something to iterate, as many times as a reporter needs passes: results
// already in memory, or results.jsonl parsed line by line (one result alive at a time).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CaseResult } from './types.js';

export type ResultStream = () => AsyncIterable<CaseResult> | Iterable<CaseResult>;

/** Streams a results.jsonl; the file is opened afresh on every call. */
export function streamResultsFile(file: string): ResultStream {
  return async function* lines() {
    const reader = createInterface({
      input: createReadStream(file, 'utf8'),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of reader) if (line.trim()) yield JSON.parse(line) as CaseResult;
  };
}

/** Results in memory, or a stream, as a stream. */
export function toResultStream(results: readonly CaseResult[] | ResultStream): ResultStream {
  return typeof results === 'function' ? results : () => results;
}
