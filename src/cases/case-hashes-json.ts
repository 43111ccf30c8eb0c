// The JSON text of a suite's case hashes (case id → content hash), written without building an
// object keyed by case id (issue 12, constant-memory runs). Why: every string used as a property
// key is internalized, so 100,000 case ids grew V8's string table to 256K slots (2 MB, malloc'd);
// when the ids died the table shrank and freed that 2 MB buffer, which raised glibc's mmap
// threshold to 2 MB for the rest of the run, and the statistics' 0.4–0.8 MB arrays then stayed
// in glibc's heap after they were freed (docs/constant-memory.md, eighth pass). This helps only
// ids longer than 10 characters: V8's JSON.parse internalizes shorter strings as it reads them,
// so short ids fill the string table whatever is built from them. The text is the one
// `JSON.stringify` gives for a prototype-less object filled in the same order.

export interface CaseHashesJson {
  /** Records `hash` for `id` (a repeated id keeps its first position and takes the last hash). */
  add(id: string, hash: string): void;
  /** JSON.stringify of the object the calls would have built. */
  text(): string;
}

export function caseHashesJson(): CaseHashesJson {
  const ids: string[] = [];
  const hashes: string[] = [];
  return {
    add(id, hash) {
      ids.push(id);
      hashes.push(hash);
    },
    text() {
      // Last hash per id; a Map keys by value without internalizing its strings.
      const last = new Map<string, number>();
      for (let i = 0; i < ids.length; i++) last.set(ids[i], i);
      // An object lists its array-index keys first, ascending, then the others in the order
      // they were first added.
      const indices: { key: string; value: number }[] = [];
      const named: string[] = [];
      for (const [id, i] of last) {
        const part = `${JSON.stringify(id)}:${JSON.stringify(hashes[i])}`;
        if (isArrayIndex(id)) indices.push({ key: part, value: Number(id) });
        else named.push(part);
      }
      indices.sort((a, b) => a.value - b.value);
      return `{${[...indices.map((x) => x.key), ...named].join(',')}}`;
    },
  };
}

/** A canonical decimal integer below 2^32 − 1: what ECMAScript calls an array index. */
function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9][0-9]{0,9})$/.test(key) && Number(key) < 4294967295;
}
