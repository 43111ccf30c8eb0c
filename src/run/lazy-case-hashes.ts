// A manifest suite entry whose `caseHashes` stays the JSON text the case scan produced until it
// is read (issue 12, constant-memory runs). Parsed into an object, 100,000 case hashes are
// ~12 MB of live heap (a dictionary of 100k keys and values), which an eval held from the end of
// the cases through the statistics and every report; as the scan's flat JSON string they are
// ~3.5 MB. Readers see a plain enumerable property: JSON.stringify (run.json), spreads and
// `suite.caseHashes` parse the text on each read, so what they see and write is unchanged.

// The text behind each lazy entry, for writers that can copy it instead of parsing it
// (src/run/write-run-record.ts); an entry whose hashes were replaced is no longer here.
const lazy = new WeakMap<object, { json: string; get: () => Record<string, string> }>();

/** The JSON text of `entry.caseHashes` while it is still the lazy one, else undefined. */
export function lazyCaseHashesText(entry: object): string | undefined {
  const known = lazy.get(entry);
  // Replaced, deleted or redefined since: the entry no longer reads from the text.
  if (!known || Object.getOwnPropertyDescriptor(entry, 'caseHashes')?.get !== known.get) return undefined;
  return known.json;
}

/** Defines `caseHashes` on `entry` (enumerable, last key) as a parse of `json` on every read. */
export function withLazyCaseHashes<T extends object>(
  entry: T,
  json: string,
): T & { caseHashes: Record<string, string> } {
  const get = () => JSON.parse(json) as Record<string, string>;
  lazy.set(entry, { json, get });
  Object.defineProperty(entry, 'caseHashes', {
    enumerable: true,
    configurable: true,
    get,
    // A reader that replaces the hashes (a merge, a test) gets a plain data property back.
    set(value: Record<string, string>) {
      lazy.delete(entry);
      Object.defineProperty(entry, 'caseHashes', {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    },
  });
  return entry as T & { caseHashes: Record<string, string> };
}
