// Everything a sweep needs before it runs, with every input error raised up front: the config
// and the sweep (from the config's own `sweep:` block or a separate file), the variants checked
// against the config schema, and the seeded holdout split when one is asked for.
import { readFile } from 'node:fs/promises';
import { checkRequestedSuites } from '../config/check-requested-suites.js';
import path from 'node:path';
import { loadCases } from '../cases/load-cases.js';
import type { LoadedConfig } from '../config/load-config.js';
import { InputError } from '../core/errors.js';
import { getConfigPath } from './config-path.js';
import { expandVariants } from './expand-variants.js';
import { type HoldoutSplit, splitHoldout } from './holdout-split.js';
import { parseSweepSpec, type SweepSpec } from './sweep-spec.js';
import { type ValidatedVariant, validateSweep } from './validate-variants.js';

export interface PrepareSweepOptions {
  configPath: string;
  /** `--file`: a sweep file instead of the config's own `sweep:` block. */
  sweepFile?: string;
  env: Readonly<Record<string, string | undefined>>;
  suites?: string[];
  /** `--holdout`: the share of each suite's cases kept aside. */
  holdout?: number;
}

export interface PreparedSweep {
  reference: LoadedConfig;
  spec: SweepSpec;
  variants: ValidatedVariant[];
  split: HoldoutSplit | null;
  referenceValues: Record<string, unknown>;
}

export async function prepareSweep(options: PrepareSweepOptions): Promise<PreparedSweep> {
  const configFile = options.configPath;
  const configText = await readText(configFile, 'CONFIG_NOT_FOUND', 'config file not found');
  const specText = options.sweepFile
    ? await readText(options.sweepFile, 'SWEEP_NOT_FOUND', 'sweep file not found')
    : configText;
  const spec = parseSweepSpec(specText, options.sweepFile ?? configFile);
  const variants = validateSweep({
    spec,
    variants: expandVariants(spec),
    configText,
    configFile,
    configAbsolute: path.resolve(configFile),
    env: options.env,
  });
  const reference = variants[0].loaded;
  checkRequestedSuites(reference.config, options.suites, configFile);
  const split =
    options.holdout === undefined ? null : await holdoutSplit(reference, options.suites, options.holdout);
  const referenceValues = Object.fromEntries(
    spec.grid.map((a) => [a.path, getConfigPath(reference.config, a.path) ?? null]),
  );
  return { reference, spec, variants, split, referenceValues };
}

async function holdoutSplit(
  loaded: LoadedConfig,
  only: string[] | undefined,
  fraction: number,
): Promise<HoldoutSplit> {
  const suites: Record<string, string[]> = {};
  for (const suite of loaded.config.suites) {
    if (only && !only.includes(suite.name)) continue;
    const cases = await loadCases({
      file: path.resolve(loaded.root, suite.cases),
      displayPath: suite.cases,
      task: suite.task,
      labels: suite.labels,
    });
    suites[suite.name] = cases.map((c) => c.id);
  }
  return splitHoldout({ suites, fraction, seed: loaded.config.seed });
}

async function readText(file: string, code: string, message: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new InputError({ code, file, message });
  }
}
