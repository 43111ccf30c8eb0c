import { describe, expect, it } from 'vitest';
import { createDeadlineTimer } from './call-deadline.js';

describe('deadline timer', () => {
  it('aborts a call that outlives its deadline, within a tick, and not one that was cleared', async () => {
    const timer = createDeadlineTimer(40);
    const reasons: unknown[] = [];
    const late = timer.start(undefined, (r) => reasons.push(r));
    const done = timer.start(undefined, (r) => reasons.push(r));
    done.clear();
    const started = performance.now();
    await new Promise<void>((resolve) => late.signal.addEventListener('abort', () => resolve()));
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(35);
    expect(waited).toBeLessThan(1000);
    expect(late.timedOut).toBe(true);
    expect(done.timedOut).toBe(false);
    expect(done.signal.aborted).toBe(false);
    expect(reasons).toHaveLength(1);
    expect((reasons[0] as DOMException).name).toBe('TimeoutError');
  });

  it('follows the caller’s signal, and a signal read after the abort is already aborted', () => {
    const timer = createDeadlineTimer(60_000);
    const outer = new AbortController();
    let heard: unknown;
    const d = timer.start(outer.signal, (r) => (heard = r));
    outer.abort('stop');
    expect(heard).toBe('stop');
    expect(d.signal.aborted).toBe(true); // made lazily, after the abort
    expect(d.signal.reason).toBe('stop');
    expect(d.timedOut).toBe(false);
    d.clear();
  });
});
