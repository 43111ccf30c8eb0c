// Imports one export of the user's ES module (`<path>#<export>`, path relative to the project
// root) for the module provider and for `rag.retriever`. A file that will not load or an export
// that is missing is a config error naming the field, not a crash.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseModuleRef } from '../../config/check-app-providers.js';
import { InputError } from '../../core/errors.js';
import type { ModuleClosers } from './module-closers.js';

export interface LoadModuleExportOptions {
  /** `module/<path>#<export>`. */
  ref: string;
  root: string;
  configFile: string;
  field: string;
  /** What the export must look like, for the message when it does not. */
  accepts: (value: unknown) => boolean;
  expected: string;
  /** Where the module's own `close` export, if it has one, is registered to run at the end. */
  closers?: ModuleClosers;
}

export async function loadModuleExport(options: LoadModuleExportOptions): Promise<unknown> {
  const { file, exportName } = parseModuleRef(options.ref);
  const fail = (message: string): never => {
    throw new InputError({ code: 'MODULE_INVALID', file: options.configFile, field: options.field, message });
  };
  let loaded: Record<string, unknown>;
  const url = pathToFileURL(path.resolve(options.root, file)).href;
  try {
    loaded = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    return fail(`cannot load ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const target = loaded[exportName];
  if (target !== undefined && options.accepts(target)) {
    const close = loaded.close;
    if (typeof close === 'function' && exportName !== 'close')
      options.closers?.add(url, close as () => unknown);
    return target;
  }
  return fail(
    target === undefined
      ? `${file} has no export "${exportName}" (exports: ${Object.keys(loaded).join(', ') || 'none'})`
      : `export "${exportName}" of ${file} is not ${options.expected}`,
  );
}
