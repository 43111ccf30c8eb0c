import { describe, expect, it } from 'vitest';
import { writeFully } from './write-fully.js';

/** A handle that takes at most `most` bytes a call, recording what it got. */
function shortWriter(most: number) {
  const got: number[] = [];
  return {
    got,
    write: async (buffer: Buffer, offset = 0, length = buffer.length) => {
      const n = Math.min(most, length);
      got.push(...buffer.subarray(offset, offset + n));
      return { bytesWritten: n, buffer };
    },
  };
}

describe('writeFully', () => {
  it('retries short writes until every byte is written, in order', async () => {
    const data = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
    const handle = shortWriter(7);
    await writeFully(handle as never, data);
    expect(handle.got).toEqual([...data]);
    const part = shortWriter(3);
    await writeFully(part as never, data, 10);
    expect(part.got).toEqual([...data.subarray(0, 10)]);
  });

  it('stops with an error when a write takes nothing', async () => {
    await expect(writeFully(shortWriter(0) as never, Buffer.from('abc'))).rejects.toThrow(
      /no progress after 0 of 3/,
    );
  });
});
