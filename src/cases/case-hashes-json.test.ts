import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { caseHashesJson } from './case-hashes-json.js';

/** What the scan wrote before: JSON.stringify of a prototype-less object filled in order. */
function viaObject(pairs: readonly [string, string][]): string {
  const object: Record<string, string> = Object.create(null);
  for (const [id, hash] of pairs) object[id] = hash;
  return JSON.stringify(object);
}

function viaBuilder(pairs: readonly [string, string][]): string {
  const builder = caseHashesJson();
  for (const [id, hash] of pairs) builder.add(id, hash);
  return builder.text();
}

describe('caseHashesJson', () => {
  it('orders array-index ids first, ascending, then the others as added, like an object', () => {
    const pairs: [string, string][] = [
      ['q2', 'a'],
      ['10', 'b'],
      ['2', 'c'],
      ['0', 'd'],
      ['007', 'e'],
      ['-1', 'f'],
      ['1.0', 'g'],
      ['4294967294', 'h'],
      ['4294967295', 'i'],
      ['99999999999', 'j'],
      ['__proto__', 'k'],
      ['', 'l'],
      [' 3', 'm'],
    ];
    expect(viaBuilder(pairs)).toBe(viaObject(pairs));
    expect(viaBuilder(pairs)).toBe(
      '{"0":"d","2":"c","10":"b","4294967294":"h","q2":"a","007":"e","-1":"f","1.0":"g","4294967295":"i","99999999999":"j","__proto__":"k","":"l"," 3":"m"}',
    );
  });

  it('keeps a repeated id where it first came, with its last hash', () => {
    const pairs: [string, string][] = [
      ['a', '1'],
      ['5', '2'],
      ['b', '3'],
      ['a', '4'],
      ['5', '5'],
    ];
    expect(viaBuilder(pairs)).toBe(viaObject(pairs));
    expect(viaBuilder(pairs)).toBe('{"5":"5","a":"4","b":"3"}');
  });

  it('escapes ids as JSON.stringify does (quotes, control characters, lone surrogates)', () => {
    const pairs: [string, string][] = [
      ['say "hi"\n', 'x'],
      ['tab\there\\', 'y'],
      ['\ud800lone', 'z'],
      ['😀é', 'w'],
    ];
    expect(viaBuilder(pairs)).toBe(viaObject(pairs));
  });

  it('equals the object on random ids, numeric and not, with repeats', () => {
    const rng = createRng(12);
    for (let round = 0; round < 20; round++) {
      const pairs: [string, string][] = [];
      for (let i = 0; i < 300; i++) {
        const kind = rng.int(4);
        const id =
          kind === 0
            ? String(rng.int(1000))
            : kind === 1
              ? `c${rng.int(500)}`
              : kind === 2
                ? `0${rng.int(50)}`
                : `${rng.int(9)}.${rng.int(9)}`;
        pairs.push([id, rng.int(1e6).toString(16)]);
      }
      expect(viaBuilder(pairs)).toBe(viaObject(pairs));
    }
  });

  it('gives an empty object for no cases', () => {
    expect(caseHashesJson().text()).toBe('{}');
  });
});
