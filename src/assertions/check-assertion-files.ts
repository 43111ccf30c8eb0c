// Before any call: every `javascript` assertion must name a module file that exists, so a typo
// is an input error naming the cases file, line and field (or the suite's config field), not a
// failure halfway through a run.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EvalCase } from '../cases/eval-case.js';
import { InputError } from '../core/errors.js';
import type { Assertion } from './assertion-schema.js';

export function checkAssertionFiles(options: {
  root: string;
  suiteAssertions: readonly Assertion[] | undefined;
  /** e.g. `suites.2.assert`, for a suite-level assertion's message. */
  suiteField: string;
  configFile: string;
  cases: readonly EvalCase[];
  casesPath: string;
}): void {
  const missing = (a: Assertion): string | undefined => {
    if (a.type !== 'javascript') return undefined;
    const file = String(a.value)
      .replace(/^module\//, '')
      .split('#')[0];
    return existsSync(path.resolve(options.root, file)) ? undefined : file;
  };
  options.suiteAssertions?.forEach((a, j) => {
    const file = missing(a);
    if (file)
      throw new InputError({
        code: 'CONFIG_INVALID',
        file: options.configFile,
        field: `${options.suiteField}.${j}.value`,
        message: `javascript: module file not found: ${file}`,
      });
  });
  for (const c of options.cases)
    c.assert?.forEach((a, j) => {
      const file = missing(a);
      if (file)
        throw new InputError({
          code: 'CASE_INVALID',
          file: options.casesPath,
          line: c.line,
          field: `assert.${j}.value`,
          message: `javascript: module file not found: ${file}`,
        });
    });
}
