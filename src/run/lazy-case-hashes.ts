// A manifest suite entry whose `caseHashes` stays the JSON text the case scan produced until it
// is read (issue 12, constant-memory runs). Parsed into an object, 100,000 case hashes are
// ~12 MB of live heap (a dictionary of 100k keys and values), which an eval held from the end of
// the cases through the statistics and every report; as the scan's flat JSON string they are
// ~3.5 MB. Readers see a plain enumerable property: JSON.stringify (run.json), spreads and
// `suite.caseHashes` parse the text on each read, so what they see and write is unchanged.

/** Defines `caseHashes` on `entry` (enumerable, last key) as a parse of `json` on every read. */
export function withLazyCaseHashes<T extends object>(
  entry: T,
  json: string,
): T & { caseHashes: Record<string, string> } {
  Object.defineProperty(entry, 'caseHashes', {
    enumerable: true,
    configurable: true,
    get: () => JSON.parse(json) as Record<string, string>,
    // A reader that replaces the hashes (a merge, a test) gets a plain data property back.
    set(value: Record<string, string>) {
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
