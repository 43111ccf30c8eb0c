// Before any call: every `javascript` assertion must name a module file that exists and an export
// that is a function, so a typo is an input error naming the cases file, line and field (or the
// suite's config field), not a failure halfway through a run after paying for its calls.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EvalCase } from '../cases/eval-case.js';
import { InputError } from '../core/errors.js';
import type { Assertion } from './assertion-schema.js';

export async function checkAssertionFiles(options: {
  root: string;
  suiteAssertions: readonly Assertion[] | undefined;
  /** e.g. `suites.2.assert`, for a suite-level assertion's message. */
  suiteField: string;
  configFile: string;
  /** The cases that carry assertions (only their line and assertions are read). */
  cases: readonly Pick<EvalCase, 'line' | 'assert'>[];
  casesPath: string;
}): Promise<void> {
  const checked = new Map<string, Promise<string | undefined>>();
  const problem = (a: Assertion): Promise<string | undefined> => {
    if (a.type !== 'javascript') return Promise.resolve(undefined);
    const ref = String(a.value).replace(/^module\//, '');
    let pending = checked.get(ref);
    if (!pending) {
      pending = exportProblem(options.root, ref);
      checked.set(ref, pending);
    }
    return pending;
  };
  for (const [j, a] of (options.suiteAssertions ?? []).entries()) {
    const message = await problem(a);
    if (message)
      throw new InputError({
        code: 'CONFIG_INVALID',
        file: options.configFile,
        field: `${options.suiteField}.${j}.value`,
        message: `javascript: ${message}`,
      });
  }
  for (const c of options.cases)
    for (const [j, a] of (c.assert ?? []).entries()) {
      const message = await problem(a);
      if (message)
        throw new InputError({
          code: 'CASE_INVALID',
          file: options.casesPath,
          line: c.line,
          field: `assert.${j}.value`,
          message: `javascript: ${message}`,
        });
    }
}

/** Why `<file>#<export>` cannot be called, or undefined when it can. */
async function exportProblem(root: string, ref: string): Promise<string | undefined> {
  const [file, name = 'default'] = ref.split('#');
  const absolute = path.resolve(root, file);
  if (!existsSync(absolute)) return `module file not found: ${file}`;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (error) {
    return `${file} could not be loaded: ${(error as Error).message.split('\n')[0]}`;
  }
  return typeof mod[name] === 'function' ? undefined : `${file} has no exported function "${name}"`;
}
