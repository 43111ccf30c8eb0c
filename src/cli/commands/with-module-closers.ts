// The CLI owns the user modules' `close` exports (src/providers/module/module-closers.ts): one
// registry per command, closed once the command is done with the modules, on success and on
// every error path (a module that opened a pool must not keep a failed command alive). Library
// callers of evaluate() manage their own modules: ES modules load once per process, so closing
// after each evaluate() would hand the next one a closed pool.
import { createModuleClosers, type ModuleClosers } from '../../providers/module/module-closers.js';

export async function withModuleClosers<T>(
  onNote: (line: string) => void,
  command: (closers: ModuleClosers) => Promise<T>,
): Promise<T> {
  const closers = createModuleClosers({ onNote, env: process.env });
  try {
    return await command(closers);
  } finally {
    await closers.closeAll();
  }
}
