import { describe, expect, it } from 'vitest';
import { createModuleClosers } from './module-closers.js';

describe('createModuleClosers', () => {
  it('calls each module file’s close once, in load order, and never again', async () => {
    const calls: string[] = [];
    const closers = createModuleClosers({});
    closers.add('file:///app/a.mjs', () => calls.push('a'));
    closers.add('file:///app/b.mjs', async () => calls.push('b'));
    closers.add('file:///app/a.mjs', () => calls.push('a again'));
    await closers.closeAll();
    await closers.closeAll();
    expect(calls).toEqual(['a', 'b']);
  });

  it('says when a close throws or hangs, and still closes the rest', async () => {
    const notes: string[] = [];
    const calls: string[] = [];
    const closers = createModuleClosers({ onNote: (n) => notes.push(n), timeoutMs: 30 });
    closers.add('file:///app/throws.mjs', () => {
      throw new Error('pool already ended\nsecond line');
    });
    closers.add('file:///app/hangs.mjs', () => new Promise(() => {}));
    closers.add('file:///app/rejects.mjs', () => Promise.reject(new Error('socket closed')));
    closers.add('file:///app/fine.mjs', () => calls.push('fine'));
    await expect(closers.closeAll()).resolves.toBeUndefined();
    expect(notes).toEqual([
      'close() of throws.mjs failed: pool already ended',
      'close() of hangs.mjs did not finish within 0.03 s; not waiting for it',
      'close() of rejects.mjs failed: socket closed',
    ]);
    expect(calls).toEqual(['fine']);
  });

  it('never puts a secret from the failure into its note', async () => {
    const notes: string[] = [];
    const closers = createModuleClosers({
      onNote: (n) => notes.push(n),
      env: { VECTOR_DB_TOKEN: 'tok-canary-4f1c9a' },
    });
    closers.add('file:///app/pool.mjs', () => {
      throw new Error('cannot end postgres://app:pw-canary-77@db:5432/x (token tok-canary-4f1c9a)');
    });
    await closers.closeAll();
    expect(notes).toHaveLength(1);
    expect(notes[0]).not.toMatch(/pw-canary-77|tok-canary-4f1c9a/);
    expect(notes[0]).toContain('close() of pool.mjs failed: cannot end postgres://');
  });
});
