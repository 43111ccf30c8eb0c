// A run's results as something to iterate, as many times as a reporter needs passes: results
// already in memory, or results.jsonl parsed line by line (one result alive at a time).
import { open } from 'node:fs/promises';
import type { CaseResult } from './types.js';

export type ResultStream = () => AsyncIterable<CaseResult> | Iterable<CaseResult>;

const NEWLINE = 0x0a;
const READ_BUFFER_BYTES = 1 << 16;

/**
 * Streams a results.jsonl; the file is opened afresh on every call. Read with one reused buffer
 * and each line decoded once, straight to JSON.parse: reporters make several passes over a
 * 100,000-line file, and readline's decoder, line queue and regex split allocated several times
 * the file per pass.
 */
export function streamResultsFile(file: string): ResultStream {
  return async function* lines() {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
      let carry: Buffer | null = null;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        let start = 0;
        for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, start)) {
          let text: string;
          if (carry) {
            text = Buffer.concat([carry, chunk.subarray(start, at)]).toString('utf8');
            carry = null;
          } else text = chunk.toString('utf8', start, at);
          start = at + 1;
          const result = parseLine(text);
          if (result) yield result;
        }
        if (start < chunk.length)
          carry = carry ? Buffer.concat([carry, chunk.subarray(start)]) : Buffer.from(chunk.subarray(start));
      }
      const last = carry ? parseLine(carry.toString('utf8')) : undefined;
      if (last) yield last;
    } finally {
      await handle.close();
    }
  };
}

function parseLine(text: string): CaseResult | undefined {
  return text.trim() ? (JSON.parse(text) as CaseResult) : undefined;
}

/** Results in memory, or a stream, as a stream. */
export function toResultStream(results: readonly CaseResult[] | ResultStream): ResultStream {
  return typeof results === 'function' ? results : () => results;
}
