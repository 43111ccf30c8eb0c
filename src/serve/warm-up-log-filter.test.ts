import { describe, expect, it } from 'vitest';
import { dropWarmUpRoutineLines } from './warm-up-log-filter.js';

describe('dropWarmUpRoutineLines', () => {
  const kept = (line: string): string[] => {
    const out: string[] = [];
    dropWarmUpRoutineLines({ write: (l) => out.push(l) }).write(line);
    return out;
  };

  it("drops a warm-up request's routine lines and nothing else", () => {
    expect(kept('{"level":30,"time":1,"reqId":"a","warmUp":true,"msg":"incoming request"}\n')).toEqual([]);
    expect(kept('{"level":20,"time":1,"warmUp":true,"msg":"debug"}\n')).toEqual([]);
    // A real request's line, and a warm-up request's warning or error, go through.
    const real = '{"level":30,"time":1,"reqId":"b","msg":"incoming request"}\n';
    expect(kept(real)).toEqual([real]);
    const warning =
      '{"level":40,"time":1,"warmUp":true,"msg":"a warm-up request got the fallback response"}\n';
    expect(kept(warning)).toEqual([warning]);
    const error = '{"level":50,"time":1,"warmUp":true,"msg":"pipeline failed"}\n';
    expect(kept(error)).toEqual([error]);
    // A user's text that merely contains the marker, in a real request's line, is kept.
    const quoted = '{"level":30,"time":1,"reqId":"c","msg":"said \\"warmUp\\":true"}\n';
    expect(kept(quoted)).toEqual([quoted]);
  });

  it('hands warm-up routine lines to the discarding twin when there is one, and only those', () => {
    const out: string[] = [];
    const discarded: string[] = [];
    const stream = dropWarmUpRoutineLines({ write: (l) => out.push(l) }, { write: (l) => discarded.push(l) });
    const routine = '{"level":30,"time":1,"reqId":"a","warmUp":true,"msg":"request completed"}\n';
    const real = '{"level":30,"time":1,"reqId":"b","msg":"request completed"}\n';
    const warning = '{"level":40,"time":1,"warmUp":true,"msg":"fallback"}\n';
    for (const line of [routine, real, warning]) stream.write(line);
    expect(discarded).toEqual([routine]);
    expect(out).toEqual([real, warning]);
  });
});
