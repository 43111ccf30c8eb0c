// An append-only typed array that doubles when full: the building block of the result columns,
// so 100,000 rows cost 8 bytes per number instead of a boxed property on an object.

type TypedArray = Float64Array | Uint32Array | Int32Array | Uint8Array;

export interface GrowableColumn<A extends TypedArray> {
  readonly length: number;
  push(value: number): void;
  /** The filled part (a view: valid until the next push). */
  view(): A;
}

export function growableColumn<A extends TypedArray>(
  allocate: (size: number) => A,
  initial = 1024,
): GrowableColumn<A> {
  let data = allocate(initial);
  let length = 0;
  return {
    get length() {
      return length;
    },
    push(value) {
      if (length === data.length) {
        const next = allocate(data.length * 2);
        next.set(data);
        data = next;
      }
      data[length++] = value;
    },
    view: () => data.subarray(0, length) as A,
  };
}

export const float64Column = (): GrowableColumn<Float64Array> =>
  growableColumn((size) => new Float64Array(size));
export const uint32Column = (): GrowableColumn<Uint32Array> =>
  growableColumn((size) => new Uint32Array(size));
export const int32Column = (): GrowableColumn<Int32Array> => growableColumn((size) => new Int32Array(size));
export const uint8Column = (): GrowableColumn<Uint8Array> => growableColumn((size) => new Uint8Array(size));

/** Strings seen once each, numbered in first-seen order. */
export interface InternTable {
  id(value: string): number;
  /** The id of a string already seen, without adding it; −1 when it was never seen. */
  lookup(value: string): number;
  value(id: number): string;
  readonly size: number;
  /** rank[id] = position of the string in code-unit order (the order `<` gives). */
  ranks(): Uint32Array;
}

export function createInternTable(): InternTable {
  const ids = new Map<string, number>();
  const values: string[] = [];
  return {
    id(value) {
      let id = ids.get(value);
      if (id === undefined) {
        id = values.length;
        ids.set(value, id);
        values.push(value);
      }
      return id;
    },
    lookup: (value) => ids.get(value) ?? -1,
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
