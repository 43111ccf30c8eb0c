import { describe, expect, it } from 'vitest';
import { createAdaptiveConcurrency } from './adaptive-concurrency.js';

describe('createAdaptiveConcurrency', () => {
  it('admits up to the limit and queues the rest in order', async () => {
    const c = createAdaptiveConcurrency({ max: 2 });
    const a = await c.acquire();
    const b = await c.acquire();
    const order: string[] = [];
    const third = c.acquire().then((p) => {
      order.push('third');
      return p;
    });
    await Promise.resolve();
    expect(order).toEqual([]);
    c.release(a, 'success');
    const p = await third;
    expect(order).toEqual(['third']);
    expect(c.inFlight()).toBe(2);
    c.release(b, 'other');
    c.release(p, 'other');
    expect(c.inFlight()).toBe(0);
  });

  it('halves on overload once per burst, then adds 1/limit per success while the limit binds', async () => {
    const c = createAdaptiveConcurrency({ max: 8 });
    const permits = await Promise.all(Array.from({ length: 8 }, () => c.acquire()));
    // Four 429s from one burst (all sent before the decrease) halve once: 8 → 4.
    for (const p of permits.slice(0, 4)) c.release(p, 'overloaded');
    expect(c.limit()).toBe(4);
    for (const p of permits.slice(4)) c.release(p, 'other');
    // A 429 for a request sent after the decrease halves again: 4 → 2.
    const late = await Promise.all(Array.from({ length: 4 }, () => c.acquire()));
    c.release(late[0], 'overloaded');
    expect(c.limit()).toBe(2);
    for (const p of late.slice(1)) c.release(p, 'other');
    // Additive increase: with both slots busy, two successes add 1/2 then 1/2.5.
    const x = await c.acquire();
    const y = await c.acquire();
    c.release(x, 'success');
    expect(c.limit()).toBeCloseTo(2.5, 9);
    const z = await c.acquire();
    c.release(y, 'success');
    expect(c.limit()).toBeCloseTo(2.9, 9);
    c.release(z, 'other');
  });

  it('does not grow a limit nobody reaches (the caller runs fewer requests than it)', async () => {
    const c = createAdaptiveConcurrency({ max: 64, initial: 10 });
    for (let i = 0; i < 50; i++) c.release(await c.acquire(), 'success');
    expect(c.limit()).toBe(10);
  });

  it('halving starts from the requests actually in flight, never below 1', async () => {
    const c = createAdaptiveConcurrency({ max: 512 });
    const p = await c.acquire();
    c.release(p, 'overloaded');
    expect(c.limit()).toBe(1);
  });

  it('an aborted wait leaves the queue', async () => {
    const c = createAdaptiveConcurrency({ max: 1 });
    const a = await c.acquire();
    const controller = new AbortController();
    const waiting = c.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    c.release(a, 'other');
    expect(c.inFlight()).toBe(0);
    const b = await c.acquire();
    expect(c.inFlight()).toBe(1);
    c.release(b, 'other');
  });
});
