// A text file's lines, read in fixed-size chunks and yielded one at a time, so a 100,000-line
// JSONL file is never one string in memory (nor an array of its lines). Synchronous on purpose:
// the case plan is a plain iterator that the run's worker pool pulls from between awaits, and a
// 256 KB read blocks the event loop for well under a millisecond.
import { closeSync, openSync, readSync } from 'node:fs';

const NEWLINE = 0x0a;
const CHUNK_BYTES = 256 * 1024;

export interface TextLine {
  /** The line without its newline (a `\r` before it is kept; callers trim). */
  text: string;
  /** 1-based, as in editors and error messages. */
  lineNo: number;
}

/**
 * Yields every line of `file` in order, the last one even without a trailing newline. The file
 * is closed when the iteration ends, also when the consumer stops early (`break`, `return()`).
 */
export function* readLinesSync(file: string): Generator<TextLine, void, undefined> {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    // Bytes of a line that started in an earlier chunk. Lines are cut at the newline byte, which
    // never occurs inside a multi-byte UTF-8 character, so each line decodes on its own.
    let carry: Buffer[] = [];
    let lineNo = 0;
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      let start = 0;
      for (let at = chunk.indexOf(NEWLINE, 0); at >= 0 && at < read; at = chunk.indexOf(NEWLINE, start)) {
        const piece = chunk.subarray(start, at);
        const text =
          carry.length > 0 ? Buffer.concat([...carry, piece]).toString('utf8') : piece.toString('utf8');
        carry = [];
        start = at + 1;
        yield { text, lineNo: ++lineNo };
      }
      if (start < read) carry.push(Buffer.from(chunk.subarray(start, read)));
    }
    if (carry.length > 0) yield { text: Buffer.concat(carry).toString('utf8'), lineNo: ++lineNo };
  } finally {
    closeSync(fd);
  }
}
