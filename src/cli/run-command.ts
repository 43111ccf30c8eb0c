// Turns a command's outcome into an exit code and, for errors, exactly one line on stderr.
// Input errors exit 2, runtime failures 3; a stack trace appears only with EVALGATE_DEBUG=1.
import { EvalgateError } from '../core/errors.js';
import { redactSecrets } from '../core/redact.js';

export async function runCommand(run: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await run();
  } catch (error) {
    if (error instanceof EvalgateError) {
      process.stderr.write(`evalgate: ${redactSecrets(error.message, process.env)}\n`);
      process.exitCode = error.exitCode;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `evalgate: internal error: ${redactSecrets(message, process.env).split('\n')[0]}\n`,
      );
      if (process.env.EVALGATE_DEBUG === '1' && error instanceof Error)
        process.stderr.write(`${error.stack}\n`);
      process.exitCode = 3;
    }
  }
}
