// Reads a run.json for a reader that never looks at the manifest's case hashes (the history
// chart, which reads the current run and up to 29 earlier ones at the end of every eval). The
// file is streamed, and the value of every "caseHashes" key is replaced by {} as it goes, so only
// the rest of the record is ever held and parsed. At 100,000 cases the hashes are most of the
// file: reading it whole took a 3.6 MB buffer and string, and parsing it a 100k-key object
// (~12 MB) whose ids V8 internalized, which made the reports phase the run's peak (issue 12).
import { createReadStream } from 'node:fs';

/** The text of `file` with each "caseHashes" object value emptied to {}. */
export async function readWithoutCaseHashes(file: string, chunkBytes = 1 << 16): Promise<string> {
  const strip = caseHashesStripper();
  const kept: string[] = [];
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: chunkBytes }))
    kept.push(strip(chunk as string));
  return kept.join('');
}

const KEY = 'caseHashes';
const NOT_KEY = `${KEY}!`;

/**
 * A filter over consecutive pieces of JSON text: returns each piece without the inside of any
 * object that is the value of a "caseHashes" key (written as plain characters, as evalgate writes
 * it). State carries over between pieces, so a piece may end anywhere.
 */
export function caseHashesStripper(): (piece: string) => string {
  let inString = false;
  let escaped = false;
  // The current string's first characters, enough to tell whether it is the key.
  let token = '';
  // 1: the key just closed; 2: its ':' followed. Anything else resets it.
  let pending = 0;
  // Depth of braces inside the value being dropped (0: keeping).
  let skipping = 0;
  return (piece) => {
    let out = '';
    let keepFrom = 0;
    for (let i = 0; i < piece.length; i++) {
      const c = piece[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') {
          escaped = true;
          // A string with an escape is not the plain key (and must not look like it once the
          // escape is left out).
          token = NOT_KEY;
        } else if (c === '"') {
          inString = false;
          if (skipping === 0 && token === KEY) pending = 1;
        } else if (skipping === 0 && token.length <= KEY.length) token += c;
        continue;
      }
      if (c === '"') {
        inString = true;
        // A string right after the key is its value, not an object: nothing to drop.
        pending = 0;
        token = '';
      } else if (skipping > 0) {
        if (c === '{') skipping++;
        else if (c === '}' && --skipping === 0) keepFrom = i;
      } else if (c === ':' && pending === 1) pending = 2;
      else if (c === '{' && pending === 2) {
        out += piece.slice(keepFrom, i + 1);
        skipping = 1;
        pending = 0;
      } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') pending = 0;
    }
    return skipping > 0 ? out : out + piece.slice(keepFrom);
  };
}
