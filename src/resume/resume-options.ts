// `--resume [run]` before anything runs: find the unfinished run and take over the options it
// was started with (suites, providers, repeat, cache, case selection, hypothesis, spending
// limit), so the finished run is the run that began. Only the pace (concurrency, --batch) may
// differ, and a --max-cost-usd given again replaces the first run's.
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { findUnfinishedRun } from './find-unfinished-run.js';
import { readRunStarted, type StartedOptions } from './run-started.js';

export interface ResumableOptions extends StartedOptions {
  configPath: string;
  env: Readonly<Record<string, string | undefined>>;
  reportsDir?: string;
  /** `--resume` (true: the latest unfinished run) or `--resume <run>`. */
  resume?: string | true;
  spend?: { maxCostUsd?: number };
}

export async function resumeOptions<T extends ResumableOptions>(
  options: T,
): Promise<T & { resumeDir?: string }> {
  if (!options.resume) return options;
  const { config, root } = await loadConfig(options.configPath, options.env);
  const reportsDir = path.resolve(root, options.reportsDir ?? config.reports_dir);
  const resumeDir = await findUnfinishedRun(reportsDir, options.resume === true ? undefined : options.resume);
  const started = await readRunStarted(resumeDir);
  const o = started.options;
  return {
    ...options,
    suites: o.suites,
    providers: o.providers,
    repeat: o.repeat,
    useCache: o.useCache,
    hypothesis: o.hypothesis,
    allowMissingProviders: o.allowMissingProviders,
    selection: o.selection,
    // The first run's --max-cost-usd holds, unless the resume names a limit of its own.
    ...(options.spend || o.maxCostUsd !== undefined
      ? { spend: { ...options.spend, maxCostUsd: options.spend?.maxCostUsd ?? o.maxCostUsd } }
      : {}),
    resumeDir,
  };
}
