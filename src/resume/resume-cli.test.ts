// Issue 12's resume contract with a real kill: the built CLI evaluates 40 cases against the fake
// OpenAI server (150 ms a request, concurrency 4), is killed with SIGKILL mid-run, and
// `evalgate eval --resume` finishes the same run. Every case is then in results.jsonl exactly
// once (a torn last line is dropped), the server saw at most N + concurrency requests, and no
// case written before the kill was asked again. A resume after a prompt edit is refused first.
import { spawn } from 'node:child_process';
import { appendFile, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureProject, GOOD_PROMPT } from '../cli/__fixtures__/fixture-project.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';

const MAIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');
const N = 40;
const CONCURRENCY = 4;
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', OPENAI_API_KEY: 'sk-test' };

function cli(args: string[], cwd: string) {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd, env: ENV });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

const question = (i: number) => `Question number ${i}: what is the answer?`;
const caseOf = (prompt: string) => /Question number (\d+):/.exec(prompt)?.[1];

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function lines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean);
}

describe('evalgate eval --resume after kill -9', () => {
  it('finishes the same run: each case once, at most N + concurrency requests', async () => {
    server = await startFakeOpenAIServer({ latencyMs: 150, reply: () => 'The answer is 42.' });
    const root = await createFixtureProject({ openaiUrl: server.url });
    const cases = Array.from({ length: N }, (_, i) =>
      JSON.stringify({ id: `c${i}`, question: question(i), reference: 'The answer is 42.', tags: ['t'] }),
    );
    await writeFile(path.join(root, 'test_cases/qa.jsonl'), `${cases.join('\n')}\n`);
    const args = ['eval', '--provider', 'openai/gpt-4o-mini', '--no-cache', '--quiet'];

    const first = cli(args, root);
    const runs = path.join(root, 'reports/runs');
    let results = '';
    // Kill once a few results are on disk: mid-run, with requests in flight.
    for (let waited = 0; waited < 60_000; waited += 25) {
      const dirs = await readdir(runs).catch(() => [] as string[]);
      if (dirs.length === 1) {
        results = path.join(runs, dirs[0], 'results.jsonl');
        if ((await stat(results).catch(() => null))?.size && (await lines(results)).length >= 8) break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const runDir = path.dirname(results);
    await expect(stat(path.join(runDir, 'run.json'))).rejects.toThrow();
    const before = (await lines(results)).map((l) => JSON.parse(l).caseId as string);
    expect(before.length).toBeGreaterThanOrEqual(8);
    expect(before.length).toBeLessThan(N);
    const requestsBefore = server.requests.length;
    // A crash can tear the last line: make sure one is there.
    await appendFile(results, '{"suite":"qa","task":"rag-qa","caseId":"c3');

    // The run is not trusted until it is finished.
    const gate = await cli(['gate'], root).done;
    expect(gate.code).toBe(2);
    expect(gate.stderr).toMatch(/^evalgate: .*run\.json: missing: run \S+ did not finish .*--resume \S+`\n$/);

    // A prompt edit since the run began: refused, before any model call.
    const promptFile = path.join(root, 'prompts/answer/v1.md');
    await writeFile(promptFile, `${GOOD_PROMPT}\nBe brief.\n`);
    const refused = await cli(['eval', '--resume', '--quiet'], root).done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^evalgate: .*cannot resume run \S+: prompt answer changed \(.*\) since it began; start a new run\n$/,
    );
    expect(server.requests.length).toBe(requestsBefore);
    await writeFile(promptFile, GOOD_PROMPT);

    const resumed = await cli(['eval', '--resume', '--quiet'], root).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`run: reports/runs/${path.basename(runDir)}`);
    const after = (await lines(results)).map((l) => JSON.parse(l).caseId as string);
    expect(after.slice().sort()).toEqual(Array.from({ length: N }, (_, i) => `c${i}`).sort());
    const record = JSON.parse(await readFile(path.join(runDir, 'run.json'), 'utf8'));
    expect(record.manifest.runId).toBe(path.basename(runDir));
    expect(record.manifest.counts.results).toBe(N);
    expect(record.manifest.resumed.priorResults).toBe(before.length);

    const asked = new Map<string, number>();
    for (const r of server.requests) {
      const prompt = (r.body as { messages: { content: string }[] }).messages
        .map((m) => m.content)
        .join('\n');
      const id = caseOf(prompt);
      if (id !== undefined) asked.set(`c${id}`, (asked.get(`c${id}`) ?? 0) + 1);
    }
    expect(server.requests.length).toBeLessThanOrEqual(N + CONCURRENCY);
    for (const id of before) expect(asked.get(id), id).toBe(1);
    expect([...asked.keys()].sort()).toEqual(after.slice().sort());
  }, 90_000);
});
