// The scan's fingerprint of each case, in file order, kept for the whole run so that every later
// pass over the cases file can tell that it reads the cases the run recorded. 12 bytes a case in
// byte pages (~1.2 MB at 100,000 cases), not 100,000 strings or objects.
import { hash } from 'node:crypto';

/** First 6 bytes of a line hash, then the first 6 bytes (12 hex digits) of the case hash. */
const ENTRY = 12;
const HALF = 6;

/** Hash of a line as read (with its number: the parsed case records it), to skip re-hashing. */
export function lineHash(lineNo: number, text: string): Buffer {
  // One-shot hash: no Hash object per line (a pass hashes every line of the file again).
  return hash('sha256', `${lineNo}\n${text}`, 'buffer');
}

/** Entries per page: pages of ~64 KB, allocated once each and never copied or freed. */
const PER_PAGE = Math.floor((64 * 1024) / ENTRY);

export class CaseHashList {
  // Fixed pages instead of one doubling buffer: the doubling freed buffers of up to ~0.8 MB at
  // 100,000 cases, which raised glibc's mmap threshold so that the run's later array buffers
  // (the column store's per-row columns) were placed in its heap, where freed pages stay resident.
  private readonly pages: Buffer[] = [];
  length = 0;

  /** Appends a case: the hash of its line and its content hash (at least 12 hex digits). */
  push(line: Buffer, caseHashHex: string): void {
    const slot = this.length % PER_PAGE;
    if (slot === 0) this.pages.push(Buffer.alloc(PER_PAGE * ENTRY));
    const page = this.pages[this.pages.length - 1];
    const at = slot * ENTRY;
    line.copy(page, at, 0, HALF);
    page.write(caseHashHex.slice(0, 2 * HALF), at + HALF, HALF, 'hex');
    this.length++;
  }

  /**
   * Whether case `index` is on the same line with the same text as in the scan: then it parses
   * to the same case (the cheap check, ~1 µs, that holds on almost every pass).
   */
  sameLine(index: number, line: Buffer): boolean {
    const at = (index % PER_PAGE) * ENTRY;
    return this.pages[Math.floor(index / PER_PAGE)].compare(line, 0, HALF, at, at + HALF) === 0;
  }

  /** Whether case `index` has this content hash (a line reformatted, CRLF, keys reordered). */
  sameCase(index: number, caseHashHex: string): boolean {
    const at = (index % PER_PAGE) * ENTRY + HALF;
    const page = this.pages[Math.floor(index / PER_PAGE)];
    return page.toString('hex', at, at + HALF) === caseHashHex.slice(0, 2 * HALF);
  }
}
