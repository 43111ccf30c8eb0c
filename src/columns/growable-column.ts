// An append-only typed array: the building block of the result columns, so 100,000 rows cost 8
// bytes per number instead of a boxed property on an object. Sized up front when the row count is
// known (readRunColumns counts the lines first): doubling from a small start left up to the final
// size again in discarded buffers, ~28 MB of garbage array buffers at 100,000 rows, which glibc's
// heap then kept resident.

type TypedArray = Float64Array | Uint32Array | Int32Array | Uint8Array;

export interface GrowableColumn<A extends TypedArray> {
  readonly length: number;
  /** Allocated slots. */
  readonly capacity: number;
  /** How many times the storage was reallocated to grow (tests: a pre-sized column never grows). */
  readonly grown: number;
  push(value: number): void;
  /** The filled part (a view: valid until the next push). */
  view(): A;
  /** Drops the storage (the builder is done with it), so it can be collected early. */
  release(): void;
}

export interface ColumnSizing {
  /** Slots allocated up front (default 1024). */
  initial?: number;
  /** Storage to start from instead of allocating `initial` slots (a view into a shared slab). */
  storage?: TypedArray;
  /** The capacity to grow to when full (at least one more slot; default: double). */
  next?: (length: number) => number;
}

export function growableColumn<A extends TypedArray>(
  allocate: (size: number) => A,
  sizing: ColumnSizing = {},
): GrowableColumn<A> {
  let data = (sizing.storage as A | undefined) ?? allocate(Math.max(1, sizing.initial ?? 1024));
  let length = 0;
  let grown = 0;
  return {
    get length() {
      return length;
    },
    get capacity() {
      return data.length;
    },
    get grown() {
      return grown;
    },
    push(value) {
      if (length === data.length) {
        grown++;
        const next = allocate(Math.max(length + 1, sizing.next?.(length) ?? length * 2));
        next.set(data);
        data = next;
      }
      data[length++] = value;
    },
    view: () => data.subarray(0, length) as A,
    release() {
      data = allocate(0);
      length = 0;
    },
  };
}

export const float64Column = (sizing?: ColumnSizing): GrowableColumn<Float64Array> =>
  growableColumn((size) => new Float64Array(size), sizing);
export const uint32Column = (sizing?: ColumnSizing): GrowableColumn<Uint32Array> =>
  growableColumn((size) => new Uint32Array(size), sizing);
export const int32Column = (sizing?: ColumnSizing): GrowableColumn<Int32Array> =>
  growableColumn((size) => new Int32Array(size), sizing);
export const uint8Column = (sizing?: ColumnSizing): GrowableColumn<Uint8Array> =>
  growableColumn((size) => new Uint8Array(size), sizing);

/** Strings seen once each, numbered in first-seen order. */
export interface InternTable {
  id(value: string): number;
  /** The id of a string already seen, without adding it; −1 when it was never seen. */
  lookup(value: string): number;
  value(id: number): string;
  readonly size: number;
  /** rank[id] = position of the string in code-unit order (the order `<` gives). */
  ranks(): Uint32Array;
  /**
   * Drops the string → id map once the table is filled (a finished column store only reads ids;
   * at 100,000 case ids the map was 3.5 MB). Later id() and lookup() calls (a few strings per
   * run, asked for again per group) search the values once per string and remember the answer.
   */
  seal(): void;
  /** Whether seal() was called. */
  readonly sealed: boolean;
}

export function createInternTable(): InternTable {
  // Every string while the table fills; after seal(), only the strings asked for since.
  let ids = new Map<string, number>();
  let sealed = false;
  const values: string[] = [];
  // After seal(), a miss is remembered as −1 too, so asking again does not search again.
  const find = (value: string): number | undefined => {
    let id = ids.get(value);
    if (id === undefined && sealed) ids.set(value, (id = values.indexOf(value)));
    return id === -1 ? undefined : id;
  };
  return {
    id(value) {
      let id = find(value);
      if (id === undefined) {
        id = values.length;
        ids.set(value, id);
        values.push(value);
      }
      return id;
    },
    lookup: (value) => find(value) ?? -1,
    seal() {
      ids = new Map();
      sealed = true;
    },
    get sealed() {
      return sealed;
    },
    value: (id) => values[id],
    get size() {
      return values.length;
    },
    ranks() {
      const order = values
        .map((_, i) => i)
        .sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
      const rank = new Uint32Array(values.length);
      order.forEach((id, r) => {
        rank[id] = r;
      });
      return rank;
    },
  };
}

/**
 * Views of one ArrayBuffer for columns of `rows` slots each, 8-byte aligned: the column store's
 * per-row columns take their storage from one allocation instead of 25 separate 100–800 KB ones
 * (at 100,000 rows). Why one: glibc serves a request below its mmap threshold from its heap,
 * where freed pages stay resident, and that threshold rises to the size of any mapped buffer
 * freed before (up to 32 MB); one 12 MB slab is more likely to stay above it, and then it is a
 * mapping of its own, returned to the system when the store is dropped.
 */
export function columnSlab(
  rows: number,
  kinds: readonly { BYTES_PER_ELEMENT: number }[],
): { buffer: ArrayBuffer; offsets: number[] } {
  const offsets: number[] = [];
  let bytes = 0;
  for (const kind of kinds) {
    offsets.push(bytes);
    bytes += Math.ceil((rows * kind.BYTES_PER_ELEMENT) / 8) * 8;
  }
  return { buffer: new ArrayBuffer(bytes), offsets };
}
