// Checks every sweep value against the config schema before anything runs: each path × value
// on its own first (so an error names the exact line and field of the sweep), then each whole
// variant (cross-field rules such as chunk overlap < size can only fail in combination).
import { type LoadedConfig, parseConfig } from '../config/load-config.js';
import { InputError } from '../core/errors.js';
import { ConfigPathError, setConfigPath } from './config-path.js';
import { formatValue, type SweepVariant } from './expand-variants.js';
import type { SweepSpec } from './sweep-spec.js';

export interface ValidatedVariant extends SweepVariant {
  loaded: LoadedConfig;
}

export interface ValidateSweepOptions {
  spec: SweepSpec;
  variants: SweepVariant[];
  /** The config file's text and path (as shown in messages). */
  configText: string;
  configFile: string;
  configAbsolute: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The override function evaluate() and loadConfig() take for a variant's settings. */
export function overridesFor(
  set: Record<string, unknown>,
): (raw: Record<string, unknown>) => Record<string, unknown> {
  return (raw) => {
    let out = raw;
    for (const [path, value] of Object.entries(set)) out = setConfigPath(out, path, value);
    return out;
  };
}

export function validateSweep(options: ValidateSweepOptions): ValidatedVariant[] {
  const { spec } = options;
  const load = (set: Record<string, unknown>): LoadedConfig =>
    parseConfig({
      text: options.configText,
      file: options.configFile,
      absolute: options.configAbsolute,
      env: options.env,
      overrides: overridesFor(set),
    });
  const fail = (where: { line?: number; field: string }, value: unknown, error: unknown): never => {
    if (error instanceof InputError || error instanceof ConfigPathError) {
      const detail = error instanceof InputError ? describeConfigError(error) : error.message;
      throw new InputError({
        code: 'SWEEP_INVALID',
        file: spec.file,
        line: where.line,
        field: where.field,
        message: `${formatValue(value)}: ${detail}`,
      });
    }
    throw error;
  };
  // The config itself first: its own errors keep their own file and line.
  const reference = load({});
  for (const axis of spec.grid)
    for (const value of axis.values) {
      try {
        load({ [axis.path]: value });
      } catch (error) {
        fail({ line: axis.line, field: `sweep.${axis.path}` }, value, error);
      }
    }
  for (const v of spec.variants)
    for (const [path, value] of Object.entries(v.set)) {
      try {
        load({ [path]: value });
      } catch (error) {
        fail({ line: v.lines[path], field: `sweep_variants.${v.name}.set.${path}` }, value, error);
      }
    }
  return options.variants.map((variant) => {
    if (Object.keys(variant.set).length === 0) return { ...variant, loaded: reference };
    try {
      return { ...variant, loaded: load(variant.set) };
    } catch (error) {
      const first = Object.keys(variant.set)[0];
      const axis = spec.grid.find((a) => a.path === first);
      const named = spec.variants.find((v) => v.name === variant.name);
      const line = named?.line ?? axis?.line;
      const field = named ? `sweep_variants.${named.name}` : `sweep (variant ${variant.name})`;
      return fail({ line, field }, variant.set, error);
    }
  });
}

/** The config's own message, with the field it names (the config's line means nothing here). */
function describeConfigError(error: InputError): string {
  return error.field ? `${error.field}: ${error.detail}` : error.detail;
}
