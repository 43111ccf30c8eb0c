// The scan's fingerprint of each case, in file order, kept for the whole run so that every later
// pass over the cases file can tell that it reads the cases the run recorded. 12 bytes a case in
// one growing byte array (~1.2 MB at 100,000 cases), not 100,000 strings or objects.
import { hash } from 'node:crypto';

/** First 6 bytes of a line hash, then the first 6 bytes (12 hex digits) of the case hash. */
const ENTRY = 12;
const HALF = 6;

/** Hash of a line as read (with its number: the parsed case records it), to skip re-hashing. */
export function lineHash(lineNo: number, text: string): Buffer {
  // One-shot hash: no Hash object per line (a pass hashes every line of the file again).
  return hash('sha256', `${lineNo}\n${text}`, 'buffer');
}

export class CaseHashList {
  private bytes = Buffer.alloc(ENTRY * 256);
  length = 0;

  /** Appends a case: the hash of its line and its content hash (at least 12 hex digits). */
  push(line: Buffer, caseHashHex: string): void {
    if ((this.length + 1) * ENTRY > this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(grown);
      this.bytes = grown;
    }
    const at = this.length * ENTRY;
    line.copy(this.bytes, at, 0, HALF);
    this.bytes.write(caseHashHex.slice(0, 2 * HALF), at + HALF, HALF, 'hex');
    this.length++;
  }

  /**
   * Whether case `index` is on the same line with the same text as in the scan: then it parses
   * to the same case (the cheap check, ~1 µs, that holds on almost every pass).
   */
  sameLine(index: number, line: Buffer): boolean {
    const at = index * ENTRY;
    return this.bytes.compare(line, 0, HALF, at, at + HALF) === 0;
  }

  /** Whether case `index` has this content hash (a line reformatted, CRLF, keys reordered). */
  sameCase(index: number, caseHashHex: string): boolean {
    const at = index * ENTRY + HALF;
    return this.bytes.toString('hex', at, at + HALF) === caseHashHex.slice(0, 2 * HALF);
  }
}
