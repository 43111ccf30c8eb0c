// Runs the built CLI (dist/cli/main.js) as a child process with a minimal environment — only
// PATH, HOME and what the test passes — and collects its exit code and output.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const BUILT_CLI = path.resolve(import.meta.dirname, '../../../dist/cli/main.js');

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBuiltCli(
  args: string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
): Promise<CliOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
