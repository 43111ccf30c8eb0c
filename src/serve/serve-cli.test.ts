// `evalgate serve` as a process on the committed sample (built CLI, `npm test` builds first):
// it must start against the committed baseline — so a change that forgets to re-accept the
// baseline fails here — answer, and exit 0 on SIGTERM with its log flushed. A config that differs
// from the baseline exits 2 naming the mismatch.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'dist/cli/main.js');

function startCli(args: string[]) {
  const child = spawn(process.execPath, [MAIN, 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    exited.then(() => reject(new Error(`serve exited: ${stderr}`)));
  });
  listening.catch(() => {}); // a test that expects the exit does not wait for this
  return { child, exited, listening, output: () => ({ stdout, stderr }) };
}

describe('evalgate serve (CLI, committed sample)', () => {
  it('starts on the committed baseline, answers, and exits 0 on SIGTERM with the log flushed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-serve-cli-'));
    const log = path.join(dir, 'inference.jsonl');
    const cli = startCli(['--log', log]);
    const url = await cli.listening;
    const ready = await (await fetch(`${url}/readyz`)).json();
    expect(ready).toMatchObject({ status: 'ready', evaluated: true });
    const res = await fetch(`${url}/v1/classify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // int-001 of the sample, which the accepted run labels billing.
      body: JSON.stringify({
        input:
          'Hi, I see two charges of $120 on my card from Orbitly on the same day. We only have one subscription. Can you check?',
      }),
    });
    expect(await res.json()).toMatchObject({
      label: 'billing',
      evaluated: true,
      prompt_version: 'intent@v1',
    });
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    const lines = (await readFile(log, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ route: 'classify', label: 'billing', status: 'ok' });
    // Input-drift features computed at serve time against the corpus and the eval centroid.
    expect(line.oov_rate).toBeGreaterThanOrEqual(0);
    expect(line.centroid_distance).toBeGreaterThan(0);
  }, 60_000);

  it('exits 2 naming each mismatch with the accepted baseline', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-serve-cli-'));
    const raw = parse(await readFile(path.join(ROOT, 'eval/evalgate.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    raw.root = ROOT;
    raw.providers = [{ id: 'local/extractive', max_retries: 1, classifier: 'naive-bayes' }];
    const config = path.join(dir, 'evalgate.yaml');
    await writeFile(config, stringify(raw));
    const cli = startCli(['--config', config, '--suite', 'intent']);
    expect(await cli.exited).toBe(2);
    const { stderr } = cli.output();
    expect(stderr).toContain('provider local/extractive classifier: baseline unset, now "naive-bayes"');
    expect(stderr).toContain('provider local/extractive max_retries: baseline 4, now 1');
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^evalgate: /);
    expect(stderr).not.toContain('    at ');
  }, 60_000);
});
