import { describe, expect, it } from 'vitest';
import { withLazyCaseHashes } from './lazy-case-hashes.js';

describe('withLazyCaseHashes', () => {
  const hashes: Record<string, string> = Object.assign(Object.create(null), {
    'c-1': 'aaaaaaaaaaaa',
    'ünï "quoted"': 'bbbbbbbbbbbb',
    ['__proto__']: 'cccccccccccc', // a case id, not the prototype (Object.create(null))
  });
  const json = JSON.stringify(hashes);
  const plain = () => ({
    name: 'qa',
    task: 'qa',
    cases: 3,
    file: 'cases.jsonl',
    fileHash: 'f00',
    caseHashes: hashes,
  });
  const lazy = () =>
    withLazyCaseHashes({ name: 'qa', task: 'qa', cases: 3, file: 'cases.jsonl', fileHash: 'f00' }, json);

  it('writes the same JSON as the parsed object would, key order included', () => {
    expect(JSON.stringify(lazy())).toBe(JSON.stringify(plain()));
    expect(JSON.stringify({ suites: [lazy()] }, null, 1)).toBe(
      JSON.stringify({ suites: [plain()] }, null, 1),
    );
    expect(Object.keys(lazy())).toEqual(Object.keys(plain()));
  });

  it('reads back every hash, a `__proto__` id as a key like any other', () => {
    const entry = lazy();
    expect(Object.entries(entry.caseHashes)).toEqual(Object.entries(hashes));
    expect(Object.getOwnPropertyDescriptor(entry.caseHashes, '__proto__')?.value).toBe('cccccccccccc');
    expect({ ...entry }.caseHashes).toEqual(entry.caseHashes);
    expect(structuredClone(entry)).toEqual(JSON.parse(JSON.stringify(plain())));
  });

  it('parses on each read (no copy kept), and a write replaces it with a plain value', () => {
    const entry = lazy();
    expect(entry.caseHashes).not.toBe(entry.caseHashes);
    entry.caseHashes = { only: '000000000000' };
    expect(entry.caseHashes).toBe(entry.caseHashes);
    expect(JSON.stringify(entry)).toContain('"caseHashes":{"only":"000000000000"}');
  });
});
