// A file handle's write may take fewer bytes than it was given (a full disk, a signal): writers
// that go through a handle piece by piece loop until every byte is written, as writeFile does.
import type { FileHandle } from 'node:fs/promises';

/** The part of a FileHandle this needs (tests pass a fake). */
type Writable = Pick<FileHandle, 'write'>;

/** Writes buffer[0 … length) at the handle's current position, retrying short writes. */
export async function writeFully(handle: Writable, buffer: Buffer, length = buffer.length): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesWritten } = await handle.write(buffer, done, length - done);
    // A disk error throws; a write that takes nothing would loop for ever.
    if (bytesWritten <= 0) throw new Error(`write made no progress after ${done} of ${length} bytes`);
    done += bytesWritten;
  }
}
