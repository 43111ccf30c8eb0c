// The on-disk list of planned requests: each request read back equal to what was added, a
// repeated key kept once, and the scratch file gone after close.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequestSpool } from './request-spool.js';

describe('createRequestSpool', () => {
  it('reads back each request by key, keeps a repeated key once, and deletes its file on close', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'evalgate-spool-')), 'sub', 'plan.jsonl.tmp');
    const spool = createRequestSpool(file);
    const a = { messages: [{ role: 'user' as const, content: 'héllo ✓ — multi-byte' }], temperature: 0 };
    const b = {
      messages: [{ role: 'system' as const, content: 'x'.repeat(5000) }],
      model: 'gpt-4.1',
      repeatIndex: 2,
    };
    spool.add('aa', a);
    spool.add('bb', b);
    spool.add('aa', { messages: [] });
    expect(spool.size).toBe(2);
    expect([...spool.keys()]).toEqual(['aa', 'bb']);
    expect(spool.get('bb')).toEqual(b);
    expect(spool.get('aa')).toEqual(a);
    expect(spool.get('cc')).toBeUndefined();
    expect(spool.has('aa')).toBe(true);
    expect(existsSync(file)).toBe(true);
    spool.close();
    expect(existsSync(file)).toBe(false);
    expect(spool.size).toBe(0);
  });
});
