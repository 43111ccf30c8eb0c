// A tiny binary container for index files: a JSON header plus named typed-array columns, so
// vectors, postings and IDF tables load with one read and zero parsing (views onto the file).
// Layout: "EGC1" | u32 header byte length | header JSON | padding to 8 | column bytes (each 8-aligned).
import { open, readFile, writeFile } from 'node:fs/promises';
import { RuntimeFailure } from '../core/errors.js';

export type Column = Float32Array | Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;

const COLUMN_TYPES = {
  f32: Float32Array,
  f64: Float64Array,
  u32: Uint32Array,
  i32: Int32Array,
  u16: Uint16Array,
  u8: Uint8Array,
} satisfies Record<
  string,
  { new (buffer: ArrayBuffer, byteOffset: number, length: number): Column; BYTES_PER_ELEMENT: number }
>;

type ColumnType = keyof typeof COLUMN_TYPES;

interface ColumnEntry {
  name: string;
  type: ColumnType;
  byteOffset: number;
  length: number;
}

interface Header {
  littleEndian: boolean;
  meta: unknown;
  columns: ColumnEntry[];
}

const MAGIC = 'EGC1';
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export interface ColumnFile<Meta> {
  meta: Meta;
  columns: Record<string, Column>;
}

export function encodeColumns(meta: unknown, columns: Record<string, Column>): Buffer {
  const entries: ColumnEntry[] = [];
  let offset = 0;
  for (const [name, column] of Object.entries(columns)) {
    entries.push({ name, type: typeOf(column), byteOffset: offset, length: column.length });
    offset = align8(offset + column.byteLength);
  }
  const header: Header = { littleEndian: LITTLE_ENDIAN, meta, columns: entries };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = align8(8 + headerBytes.length);
  const out = Buffer.alloc(dataStart + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerBytes.length, 4);
  headerBytes.copy(out, 8);
  entries.forEach((entry, i) => {
    const column = Object.values(columns)[i];
    Buffer.from(column.buffer, column.byteOffset, column.byteLength).copy(out, dataStart + entry.byteOffset);
  });
  return out;
}

export function decodeColumns<Meta>(bytes: Buffer, source: string): ColumnFile<Meta> {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) {
    throw new RuntimeFailure('INDEX_CORRUPT', `${source}: not an evalgate column file`);
  }
  const headerLength = bytes.readUInt32LE(4);
  if (8 + headerLength > bytes.length)
    throw new RuntimeFailure('INDEX_CORRUPT', `${source}: header is truncated`);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as Header;
  } catch {
    throw new RuntimeFailure('INDEX_CORRUPT', `${source}: header is not readable`);
  }
  if (header.littleEndian !== LITTLE_ENDIAN) {
    throw new RuntimeFailure(
      'INDEX_CORRUPT',
      `${source}: written on a machine of the other byte order; rebuild the index`,
    );
  }
  const dataStart = align8(8 + headerLength);
  const columns: Record<string, Column> = {};
  for (const entry of header.columns) {
    const Type = COLUMN_TYPES[entry.type];
    const start = bytes.byteOffset + dataStart + entry.byteOffset;
    const byteLength = entry.length * Type.BYTES_PER_ELEMENT;
    if (dataStart + entry.byteOffset + byteLength > bytes.length) {
      throw new RuntimeFailure('INDEX_CORRUPT', `${source}: column ${entry.name} is truncated`);
    }
    // Views need element alignment; small files can come from Node's shared pool at any offset.
    columns[entry.name] =
      start % Type.BYTES_PER_ELEMENT === 0
        ? new Type(bytes.buffer as ArrayBuffer, start, entry.length)
        : new Type(bytes.buffer.slice(start, start + byteLength) as ArrayBuffer, 0, entry.length);
  }
  return { meta: header.meta as Meta, columns };
}

export async function writeColumns(
  path: string,
  meta: unknown,
  columns: Record<string, Column>,
): Promise<void> {
  await writeFile(path, encodeColumns(meta, columns));
}

/**
 * `shared`: the file is read into a SharedArrayBuffer, so its columns can be handed to a worker
 * thread without a copy (BM25 postings, lexical-share.ts).
 */
export async function readColumns<Meta>(
  path: string,
  options: { shared?: boolean } = {},
): Promise<ColumnFile<Meta>> {
  if (!options.shared) return decodeColumns<Meta>(await readFile(path), path);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    let done = 0;
    while (done < size) {
      const { bytesRead } = await handle.read(bytes, done, size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return decodeColumns<Meta>(bytes.subarray(0, done), path);
  } finally {
    await handle.close();
  }
}

function typeOf(column: Column): ColumnType {
  for (const [name, Type] of Object.entries(COLUMN_TYPES)) {
    if (column instanceof Type) return name as ColumnType;
  }
  throw new TypeError('unsupported column type');
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
