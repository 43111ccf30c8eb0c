// Spawning and timing the benchmark's child processes: a timed run of one command (wall clock
// from spawn to exit, plus the child's own CPU and peak RSS through bench/usage-hook.js), the
// fake OpenAI server in a process of its own, and cleanup so no child outlives the benchmark.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const USAGE_HOOK = path.join(BENCH_DIR, 'usage-hook.js');

const live = new Set();
const tempDirs = new Set();

function track(child) {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Kills every child still running (SIGKILL: this runs on the way out, nothing may hang) and removes temp files. */
export function killAllChildren() {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

let cleanupInstalled = false;
export function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      killAllChildren();
      process.exit(130);
    });
  }
}

/**
 * Runs `node [--import usage-hook] ...args` to completion. Resolves with the wall time, exit
 * code, captured output and (with `usage: true`) the child's CPU time and peak RSS.
 */
export async function runNode(
  args,
  { cwd = REPO_ROOT, env = process.env, usage = false, timeoutMs = 120_000 } = {},
) {
  let usageDir;
  let usageFile;
  const childEnv = { ...env };
  const nodeArgs = [...args];
  if (usage) {
    usageDir = mkdtempSync(path.join(tmpdir(), 'evalgate-bench-usage-'));
    tempDirs.add(usageDir);
    usageFile = path.join(usageDir, 'usage.json');
    childEnv.EVALGATE_BENCH_USAGE_FILE = usageFile;
    nodeArgs.unshift('--import', USAGE_HOOK);
  }
  const started = process.hrtime.bigint();
  const child = track(
    spawn(process.execPath, nodeArgs, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d) => {
    stderr += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, s) => resolve({ code: c, signal: s }));
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  clearTimeout(timer);
  let measured = null;
  if (usageFile) {
    try {
      const raw = JSON.parse(readFileSync(usageFile, 'utf8'));
      measured = {
        cpuMs: (raw.userMicros + raw.systemMicros) / 1000,
        userMs: raw.userMicros / 1000,
        systemMs: raw.systemMicros / 1000,
        maxRssBytes: raw.maxRssBytes,
      };
    } catch {
      measured = null;
    }
    rmSync(usageDir, { recursive: true, force: true });
    tempDirs.delete(usageDir);
  }
  return { wallMs, code, signal, stdout, stderr, usage: measured };
}

/** Like runNode, but throws with the child's stderr when it fails (exit code not in `okCodes`). */
export async function runNodeChecked(args, options = {}) {
  const okCodes = options.okCodes ?? [0];
  const result = await runNode(args, options);
  if (!okCodes.includes(result.code)) {
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
    throw new Error(`node ${args.join(' ')} exited with ${result.code ?? result.signal}:\n${tail}`);
  }
  return result;
}

/**
 * Starts bench/fake-server-process.js with the given latency. Returns its base URL, a request
 * counter (asked over the child's stdin) and close(). Closing stdin ends the child, so it also
 * goes away if this process dies without running its exit handlers.
 */
export async function startFakeServerProcess({ latencyMs }) {
  const child = track(
    spawn(
      process.execPath,
      [path.join(BENCH_DIR, 'fake-server-process.js'), '--latency', String(latencyMs)],
      {
        cwd: REPO_ROOT,
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    ),
  );
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  const queued = [];
  lines.on('line', (line) => {
    const message = JSON.parse(line);
    const next = waiting.shift();
    if (next) next(message);
    else queued.push(message);
  });
  const nextMessage = () =>
    new Promise((resolve, reject) => {
      if (queued.length) return resolve(queued.shift());
      const onExit = (code) => reject(new Error(`fake server process exited early (${code})`));
      child.once('exit', onExit);
      waiting.push((message) => {
        child.off('exit', onExit);
        resolve(message);
      });
    });
  const { url } = await nextMessage();
  const ask = async (command) => {
    child.stdin.write(`${command}\n`);
    return (await nextMessage()).count;
  };
  return {
    url,
    pid: child.pid,
    count: () => ask('count'),
    reset: () => ask('reset'),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.stdin.end();
      }),
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
