// Warm-up requests log like real ones — same level, same serializers, same write call — so the
// request-logging path is compiled before the first real request (a warm-up that skipped it left
// that path cold for the first real requests). Their routine lines are then dropped here, before
// the server's log destination; a warm-up request's warnings and errors (a pipeline that fails
// while warming up) still go out.

/** The binding a warm-up request's logger carries, so its lines can be told apart. */
export const WARM_UP_BINDING = { warmUp: true } as const;

export interface LogStream {
  write(line: string): unknown;
}

// pino writes the numeric level first; trace (10), debug (20) and info (30) are routine.
const ROUTINE_LEVEL = /^\{"level":[123]0,/;
const WARM_UP_FIELD = '"warmUp":true';

export function dropWarmUpRoutineLines(stream: LogStream): LogStream {
  return {
    write(line) {
      if (ROUTINE_LEVEL.test(line) && line.includes(WARM_UP_FIELD)) return true;
      return stream.write(line);
    },
  };
}
