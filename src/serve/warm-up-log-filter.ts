// Warm-up requests log like real ones — same level, same serializers, same write call — so the
// request-logging path is compiled before the first real request (a warm-up that skipped it left
// that path cold for the first real requests). Their routine lines are then kept out of the
// server's log here: handed to a discarding twin of the destination when there is one (the same
// writer class, so its write path is warm too), otherwise dropped. A warm-up request's warnings and
// errors (a pipeline that fails while warming up) still go out.

/** The binding a warm-up request's logger carries, so its lines can be told apart. */
export const WARM_UP_BINDING = { warmUp: true } as const;

export interface LogStream {
  write(line: string): unknown;
}

// pino writes the numeric level first; trace (10), debug (20) and info (30) are routine.
const ROUTINE_LEVEL = /^\{"level":[123]0,/;
const WARM_UP_FIELD = '"warmUp":true';

/** `discard`: where warm-up's routine lines go instead (a twin writing to the null device). */
export function dropWarmUpRoutineLines(stream: LogStream, discard?: LogStream): LogStream {
  return {
    write(line) {
      if (ROUTINE_LEVEL.test(line) && line.includes(WARM_UP_FIELD)) return discard?.write(line) ?? true;
      return stream.write(line);
    },
  };
}
