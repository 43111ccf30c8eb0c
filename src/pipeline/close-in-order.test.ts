import { describe, expect, it } from 'vitest';
import { closeInOrder } from './close-in-order.js';

describe('closeInOrder', () => {
  const boom = (message: string) => () => {
    throw new Error(message);
  };

  it('runs every closer in order, awaiting each, even when one before it throws', async () => {
    const order: string[] = [];
    const closers = [
      () => order.push('batch'),
      boom('index close failed'),
      async () => {
        await new Promise((r) => setTimeout(r, 5));
        order.push('models');
      },
    ];
    await expect(closeInOrder(closers, { runFailed: false })).rejects.toThrow('index close failed');
    expect(order).toEqual(['batch', 'models']);
  });

  it('after a successful run, throws the first close error (not a later one)', async () => {
    await expect(closeInOrder([boom('first'), boom('second')], { runFailed: false })).rejects.toThrow(
      /^first$/,
    );
  });

  it('after a failed run, never throws: each close error is a note, secrets scrubbed', async () => {
    const notes: string[] = [];
    await expect(
      closeInOrder([boom('cache close failed\nstack'), boom('socket sk-abcdefghijklmnop reset')], {
        runFailed: true,
        onNote: (line) => notes.push(line),
      }),
    ).resolves.toBeUndefined();
    expect(notes).toEqual([
      'closing after the failed run also failed: cache close failed',
      'closing after the failed run also failed: socket [redacted] reset',
    ]);
  });

  it("scrubs the environment's secret values too, key-shaped or not", async () => {
    const notes: string[] = [];
    await closeInOrder([boom('auth failed for password pgS3cretValue99 on host db')], {
      runFailed: true,
      onNote: (line) => notes.push(line),
      env: { PGPASSWORD: 'pgS3cretValue99' },
    });
    expect(notes).toEqual([
      'closing after the failed run also failed: auth failed for password [redacted] on host db',
    ]);
  });

  it('after a failed run, a close that throws something unprintable neither throws nor stops the rest', async () => {
    const notes: string[] = [];
    const order: string[] = [];
    const getterThrows = {
      get message(): string {
        throw new Error('getter');
      },
    };
    await expect(
      closeInOrder(
        [
          () => {
            throw Object.create(null);
          },
          () => {
            throw getterThrows;
          },
          () => order.push('models'),
        ],
        { runFailed: true, onNote: (line) => notes.push(line) },
      ),
    ).resolves.toBeUndefined();
    expect(order).toEqual(['models']);
    expect(notes).toEqual([
      'closing after the failed run also failed: an error that cannot be printed',
      'closing after the failed run also failed: an error that cannot be printed',
    ]);
  });

  it('says nothing when every close succeeds', async () => {
    const notes: string[] = [];
    await closeInOrder([() => {}, async () => {}], { runFailed: true, onNote: (l) => notes.push(l) });
    await closeInOrder([() => {}], { runFailed: false });
    expect(notes).toEqual([]);
  });
});
