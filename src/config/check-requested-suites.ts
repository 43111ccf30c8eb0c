// `--suite <name>` must name a suite the config declares: one line naming the config file and
// the declared suites (eval, plan and sweep share it).
import { InputError } from '../core/errors.js';
import type { EvalConfig } from './schema.js';

export function checkRequestedSuites(
  config: Pick<EvalConfig, 'suites'>,
  requested: readonly string[] | undefined,
  configFile: string,
): void {
  for (const name of requested ?? [])
    if (!config.suites.some((s) => s.name === name))
      throw new InputError({
        code: 'SUITE_UNKNOWN',
        file: configFile,
        field: 'suites',
        message: `--suite ${name} is not declared (declared: ${config.suites.map((s) => s.name).join(', ')})`,
      });
}
