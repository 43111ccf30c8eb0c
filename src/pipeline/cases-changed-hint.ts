// What a user can do after a cases file was edited mid-run (CASES_CHANGED). The case source only
// knows the file; once the run folder is open the results written so far are kept, and whether
// `--resume` can finish the run depends on the file holding the cases the run began with again.
import { InputError } from '../core/errors.js';

/** `error` with the way forward appended when it is CASES_CHANGED; any other error unchanged. */
export function withCasesChangedHint(error: unknown, runId: string): unknown {
  if (!(error instanceof InputError) || error.code !== 'CASES_CHANGED') return error;
  return new InputError({
    code: error.code,
    file: error.file,
    line: error.line,
    field: error.field,
    message:
      `${error.detail}. The results written so far are kept in run ${runId}: ` +
      `restore the file as it was and \`evalgate eval --resume ${runId}\` finishes this run ` +
      '(it refuses while the edit is in place), or start a new run to evaluate the edited cases',
  });
}
