// The built CLI (dist/cli/main.js), killed with SIGKILL while it polls a batch: the state file
// survives, and running the same command again polls that batch to the end instead of creating
// another. Run through `npm test`, which builds first.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { chatCalls, openAIProject, promptOf } from './__fixtures__/batch-project.js';

const MAIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `killWhen` sees stderr so far and may SIGKILL the child. */
function runCli(args: string[], cwd: string, killWhen?: (stderr: string) => boolean): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', OPENAI_API_KEY: 'test' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (killWhen?.(stderr)) child.kill('SIGKILL');
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('evalgate eval --batch (CLI)', () => {
  it('picks up the same batch after the process is killed mid-poll', async () => {
    server = await startFakeOpenAIServer({
      reply: (request) => referenceFor(promptOf(request)) ?? 'unknown',
      batch: { pollsUntilDone: 3 },
    });
    const configPath = await openAIProject(server.url);
    const root = path.dirname(path.dirname(configPath));
    const args = ['eval', '--provider', 'openai/gpt-4o-mini', '--batch', '--batch-poll', '0.05'];

    const killed = await runCli(args, root, (stderr) => stderr.includes('in_progress'));
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stderr).toContain('submitted openai/gpt-4o-mini batch batch_fake1 with 6 requests');
    const batchesDir = path.join(root, '.evalgate/batches');
    expect((await readdir(batchesDir)).filter((n) => n.endsWith('.json'))).toHaveLength(1);
    // The killed process's scratch plan is left behind...
    expect(await readdir(path.join(batchesDir, 'plans'))).toHaveLength(1);

    const resumed = await runCli(args, root);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('resuming openai/gpt-4o-mini batch batch_fake1');
    expect(resumed.stderr).toContain('batch_fake1: completed, 6/6 done');
    expect(server.batch.stats.created).toBe(1);
    expect(chatCalls(server)).toBe(0);
    // ...and the next run removes it with its own.
    expect(await readdir(batchesDir)).toEqual(['plans']);
    expect(await readdir(path.join(batchesDir, 'plans'))).toEqual([]);

    const runDir = resumed.stdout.match(/run: (\S+)/)![1];
    const report = await readFile(path.join(root, runDir, 'model-eval-report.md'), 'utf8');
    expect(report).toMatch(
      /\| Batch API \| 6 model calls billed at the batch price \(50 % off\): \$0\.0000\d{3} instead of \$0\.000\d{3}, saving \$0\.0000\d{3}; 6 requests in batch openai\/gpt-4o-mini `batch_fake1` completed after [\d.]+ m?s, resumed; latency not assessed for the 6 batch answers \(no per-call latency; the latency percentiles cover only calls made directly\) \|/,
    );
  });
});
