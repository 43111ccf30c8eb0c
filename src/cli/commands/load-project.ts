// Shared by the commands that work on existing runs: load the config (for paths and gate
// settings) and resolve a run folder argument.
import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../../config/load-config.js';
import { checkRunFolder } from '../../run/check-run-folder.js';
import { resolveRunDir } from '../../run/run-folder.js';

export async function loadProject(configPath: string): Promise<{ loaded: LoadedConfig; reportsDir: string }> {
  const loaded = await loadConfig(configPath, process.env);
  return { loaded, reportsDir: path.resolve(loaded.root, loaded.config.reports_dir) };
}

/** A whole, finished run folder: a torn or unfinished one is refused (check-run-folder.ts). */
export async function findRun(reportsDir: string, run?: string): Promise<string> {
  const dir = await resolveRunDir(reportsDir, run);
  await checkRunFolder(dir);
  return dir;
}
