// `${VAR}` interpolation, allowed only in base URLs so a config can point at a local server
// without committing its address. Keys are never read through here.
import { InputError } from '../core/errors.js';

export function interpolateEnv(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
  where: { file: string; field: string },
): string {
  return value.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (_, name: string) => {
    const resolved = env[name];
    if (resolved === undefined || resolved === '') {
      throw new InputError({
        code: 'CONFIG_ENV_MISSING',
        file: where.file,
        field: where.field,
        message: `environment variable ${name} is not set`,
      });
    }
    return resolved;
  });
}
