// Closes what a run opened (the batch runner, the retrieval index, the model clients), in order,
// each even when one before it throws. Which error the caller sees: after a run that succeeded,
// the first close that failed (the run is not done until its resources are released); after a
// run that failed, the run's own error, always. A close error there would replace the message
// the user needs (a provider failure, a bad config line) with one about cleanup, so it is only
// noted, with the environment's secrets and anything shaped like one scrubbed from it.
import { safeFirstLine } from '../providers/redact-secrets.js';

export async function closeInOrder(
  closers: ReadonlyArray<() => unknown>,
  options: {
    runFailed: boolean;
    onNote?: (line: string) => void;
    /** The environment, whose secret-looking values never reach a note. */
    env?: Readonly<Record<string, string | undefined>>;
  },
): Promise<void> {
  const failures: unknown[] = [];
  for (const close of closers) {
    try {
      await close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length === 0) return;
  if (!options.runFailed) throw failures[0];
  for (const error of failures)
    options.onNote?.(`closing after the failed run also failed: ${safeFirstLine(error, options.env)}`);
}
