// Facts about the environment that go into the run manifest: git commit and package versions.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const RECORDED_PACKAGES = ['openai', '@anthropic-ai/sdk', 'hnswlib-node', 'tiktoken', 'zod'];

export function packageVersions(): Record<string, string> {
  const versions: Record<string, string> = { node: process.versions.node };
  try {
    const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    versions.evalgate = own.version;
  } catch {
    /* running from an unusual layout */
  }
  for (const name of RECORDED_PACKAGES) {
    try {
      versions[name] = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      /* not installed or not exported */
    }
  }
  return versions;
}

export interface GitInfo {
  sha: string | null;
  dirty: boolean | null;
}

export async function gitInfo(cwd: string): Promise<GitInfo> {
  const run = (args: string[]): Promise<string | null> =>
    new Promise((resolve) => {
      execFile('git', args, { cwd, timeout: 3000 }, (error, stdout) => resolve(error ? null : stdout.trim()));
    });
  const [sha, status] = await Promise.all([
    run(['rev-parse', 'HEAD']),
    run(['status', '--porcelain', '--untracked-files=no']),
  ]);
  return { sha, dirty: status === null ? null : status.length > 0 };
}
