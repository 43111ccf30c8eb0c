// The built CLI on a project answered by the user's own service over HTTP: the header token
// (a canary) never reaches stdout, stderr or any file the run writes — report, experiment log,
// run record, results — and bad provider config is one `file:line: field` line with exit 2.
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppProject, EXAMPLE_APP } from '../pipeline/__fixtures__/app-project.js';

const MAIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');
const CANARY = 'app-canary-7c9e6679f8a24d1f';

function runCli(args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('evalgate eval with an http provider', () => {
  it('never writes or prints the header token, and rejects a missing one with exit 2', async () => {
    const { startRagService } = (await import(path.join(EXAMPLE_APP, 'app/rag-service.mjs'))) as {
      startRagService(o: { token: string }): Promise<{ url: string; close(): Promise<void> }>;
    };
    const service = await startRagService({ token: CANARY });
    close = service.close;
    const root = await createAppProject();
    const run = await runCli(['eval', '--hypothesis', 'app run'], root, {
      APP_URL: service.url,
      APP_TOKEN: CANARY,
    });
    expect(run.out).not.toContain('at ');
    expect(run.code).toBe(0);
    expect(run.out).toContain('http/support-bot');
    const files = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
    expect(files.some((f) => f.endsWith('model-eval-report.md'))).toBe(true);
    expect(files.some((f) => f.endsWith('results.jsonl'))).toBe(true);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(CANARY);
    expect(run.out).not.toContain(CANARY);

    // A wrong token: every case is a recorded 401, the run still finishes, the token stays out.
    const denied = await runCli(['eval', '--no-experiment-log'], root, {
      APP_URL: service.url,
      APP_TOKEN: 'wrong-token-value',
    });
    expect(denied.out).not.toContain('at ');
    expect(denied.code).toBe(3); // errors above gate.max_error_rate
    expect(denied.out).not.toContain('wrong-token-value');

    const missing = await runCli(['eval'], root, { APP_URL: service.url });
    expect(missing.code).toBe(2);
    expect(missing.out.trim()).toBe(
      'evalgate: eval/evalgate.yaml:6: providers.0.headers.Authorization: environment variable APP_TOKEN is not set',
    );
    await writeFile(
      path.join(root, 'eval/evalgate.yaml'),
      (await readFile(path.join(root, 'eval/evalgate.yaml'), 'utf8')).replace(
        'method: POST',
        'method: DELETE',
      ),
    );
    const bad = await runCli(['eval'], root, { APP_URL: service.url, APP_TOKEN: CANARY });
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(
      /eval\/evalgate\.yaml:5: providers\.0\.method: expected one of "GET", "POST", "PUT", "PATCH"/,
    );
  });
});

/**
 * Makes the project's app module hold a handle open from import (as a pool or socket would), and
 * export a `close` that releases it, says so on stderr, then runs `afterClose`.
 */
async function holdConnectionOpen(root: string, afterClose: string, extraExports = ''): Promise<void> {
  const file = path.join(root, 'app/answer.mjs');
  await writeFile(
    file,
    `${await readFile(file, 'utf8')}
const pool = setInterval(() => {}, 1000);
let closed = 0;
${extraExports}export async function close() {
  closed += 1;
  clearInterval(pool);
  process.stderr.write(\`app closed \${closed} time(s)\\n\`);
  ${afterClose}
}
`,
  );
}

describe('evalgate eval with a module that holds a connection open', () => {
  it("calls the module's close export once after the run, so the process exits", async () => {
    const root = await createAppProject({ providers: '  - id: module/app/answer.mjs#answerQuestion\n' });
    await holdConnectionOpen(root, "throw new Error('the pool was already ending');");
    const run = await runCli(['eval', '--no-experiment-log'], root, {});
    expect(run.code).toBe(0);
    expect(run.out).toContain('app closed 1 time(s)');
    expect(run.out).not.toContain('app closed 2 time(s)');
    // A close that fails is said in one line and leaves the verdict alone.
    expect(run.out).toContain('evalgate: close() of answer.mjs failed: the pool was already ending');
    expect(run.out).not.toContain('    at ');

    // A command that fails after the module loaded (an unknown --case) still closes it and exits 2.
    const refused = await runCli(['eval', '--case', 'no-such-case'], root, {});
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('app closed 1 time(s)');
  }, 60_000);

  it('closes a rag.retriever module after index and baseline accept too, once per file', async () => {
    const root = await createAppProject({
      providers: '  - id: module/app/answer.mjs#answerQuestion\n',
      // The same file is the provider and the retriever: one close.
      extraConfig: 'rag:\n  retriever: module/app/answer.mjs#search\n',
    });
    await holdConnectionOpen(root, '', 'export async function search() {\n  return [];\n}\n');
    const run = await runCli(['eval', '--no-experiment-log'], root, {});
    expect(run.code).toBe(0);
    expect(run.out.match(/app closed/g)).toHaveLength(1);
    const index = await runCli(['index'], root, {});
    expect(index.code).toBe(0);
    expect(index.out.match(/app closed/g)).toHaveLength(1);
    // No corpus behind a module retriever: accepted without input-OOV figures, not refused.
    const accept = await runCli(['baseline', 'accept', '--no-experiment-log'], root, {});
    expect(accept.out).not.toContain('    at ');
    expect(accept.code).toBe(0);
    expect(accept.out.match(/app closed/g)).toHaveLength(1);
  }, 90_000);
});
