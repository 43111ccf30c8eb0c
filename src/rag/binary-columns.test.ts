import { describe, expect, it } from 'vitest';
import { decodeColumns, encodeColumns } from './binary-columns.js';

describe('binary columns', () => {
  it('round-trips typed arrays and metadata', () => {
    const columns = {
      a: Float32Array.from([1.5, -2, 3.25]),
      b: Uint32Array.from([1, 2, 3, 4, 5]),
      c: Uint8Array.from([7]),
      d: Float64Array.from([Math.PI]),
    };
    const bytes = encodeColumns({ name: 'x', n: [1, 2] }, columns);
    const decoded = decodeColumns<{ name: string }>(bytes, 'test');
    expect(decoded.meta).toEqual({ name: 'x', n: [1, 2] });
    for (const [name, column] of Object.entries(columns)) {
      expect(decoded.columns[name]).toBeInstanceOf(column.constructor);
      expect(Array.from(decoded.columns[name])).toEqual(Array.from(column));
    }
  });

  it('copies columns that would be misaligned in the source buffer', () => {
    const bytes = encodeColumns({}, { v: Float64Array.from([1, 2]) });
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    expect(Array.from(decodeColumns(shifted.subarray(1), 'test').columns.v)).toEqual([1, 2]);
  });

  it('rejects other files and truncated data', () => {
    expect(() => decodeColumns(Buffer.from('not a column file'), 'f')).toThrow(
      /f: not an evalgate column file/,
    );
    const bytes = encodeColumns({}, { v: Uint32Array.from([1, 2, 3]) });
    expect(() => decodeColumns(bytes.subarray(0, bytes.length - 8), 'f')).toThrow(/truncated/);
  });
});
