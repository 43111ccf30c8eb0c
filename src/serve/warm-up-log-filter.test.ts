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
});
