// End-to-end: the built CLI (dist/cli/main.js) on fixture projects, against a fake OpenAI
// server on 127.0.0.1. Run through `npm test`, which builds first.
import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { createFixtureProject, GOOD_PROMPT, referenceFor } from './__fixtures__/fixture-project.js';

const MAIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');
const CANARY = 'sk-canary-0123456789abcdefghijklmnop';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

/** A fake model that answers with the reference when the prompt asks it to use the context. */
function answeringServer(): Promise<FakeOpenAIServer> {
  return startFakeOpenAIServer({
    reply: (request) => {
      const body = request.body as { messages: { content: string }[] };
      const prompt = body.messages.map((m) => m.content).join('\n');
      const reference = referenceFor(prompt);
      return prompt.includes('Answer from the context') && reference
        ? reference
        : 'Sorry, something unrelated.';
    },
  });
}

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('evalgate eval', () => {
  it('runs a project end to end, writes every output, and never writes the API key', async () => {
    server = await answeringServer();
    const root = await createFixtureProject({ openaiUrl: server.url });
    const result = await runCli(['eval', '--hypothesis', 'first run'], {
      cwd: root,
      env: { OPENAI_API_KEY: CANARY },
    });
    expect(result.stderr).not.toContain('at ');
    expect(result.code).toBe(0);
    expect(server.requests.length).toBe(6);
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${CANARY}`);

    const runs = await readdir(path.join(root, 'reports/runs'));
    expect(runs).toHaveLength(1);
    const runDir = path.join(root, 'reports/runs', runs[0]);
    const results = (await readFile(path.join(runDir, 'results.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(results).toHaveLength(12); // 6 cases × 2 providers
    const openai = results.filter((r) => r.provider === 'openai/gpt-4o-mini');
    expect(openai.every((r) => r.scores['answer.f1'] === 1)).toBe(true);
    expect(openai[0].retrieval.docs.length).toBeGreaterThan(0);
    expect(openai[0].usage).toMatchObject({ estimated: false });
    const record = JSON.parse(await readFile(path.join(runDir, 'run.json'), 'utf8'));
    expect(record.manifest.hypothesis).toBe('first run');
    expect(record.summary.map((s: { provider: string }) => s.provider).sort()).toEqual([
      'local/extractive',
      'openai/gpt-4o-mini',
    ]);
    // An ordinary run writes its report in its run folder only; the committed one is the accepted state.
    await expect(readFile(path.join(root, 'reports/model-eval-report.md'), 'utf8')).rejects.toThrow();
    const report = await readFile(path.join(runDir, 'model-eval-report.md'), 'utf8');
    const sections = [...report.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual([
      'Model Summary',
      'Performance Metrics',
      'Bias Audit Results',
      'Error Analysis',
      'Confidence Distribution',
      'Recommendation',
    ]);
    expect(await readFile(path.join(runDir, 'junit.xml'), 'utf8')).toContain('<testsuite');
    expect(await readFile(path.join(root, 'experiments/experiment_log.md'), 'utf8')).toContain(
      '## Experiment 001: first run',
    );

    // The canary key must not appear in any file the tool wrote (cache included) or printed.
    const written = await allFiles(root);
    expect(written.some((f) => f.includes(`${path.sep}.evalgate${path.sep}cache${path.sep}`))).toBe(true);
    for (const file of written) expect(await readFile(file, 'utf8'), file).not.toContain(CANARY);
    expect(result.stdout + result.stderr).not.toContain(CANARY);

    // In GitHub Actions the markdown summary goes to $GITHUB_STEP_SUMMARY.
    const summaryFile = path.join(root, 'step-summary.md');
    const inActions = await runCli(['eval', '--no-experiment-log'], {
      cwd: root,
      env: { OPENAI_API_KEY: CANARY, GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(inActions.code).toBe(0);
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toMatch(/^## evalgate: .* gate passed/);
    expect(summary).toContain('Answer F1');
    expect(summary).not.toContain(CANARY);

    // A second run is served from the cache: no new requests.
    const again = await runCli(['eval', '--no-experiment-log'], {
      cwd: root,
      env: { OPENAI_API_KEY: CANARY },
    });
    expect(again.code).toBe(0);
    expect(server.requests.length).toBe(6);
  });

  it('skips a provider whose key is missing, but fails with exit 2 when it was requested', async () => {
    const root = await createFixtureProject({ openaiUrl: undefined, extraConfig: '' });
    const cfg = path.join(root, 'eval/evalgate.yaml');
    await writeFile(
      cfg,
      (await readFile(cfg, 'utf8')).replace(
        '  - id: local/extractive',
        '  - id: local/extractive\n  - id: openai/gpt-4o-mini',
      ),
    );
    const skipped = await runCli(['eval', '--no-experiment-log'], { cwd: root });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('evalgate: skipping openai/gpt-4o-mini: OPENAI_API_KEY is not set');
    const requested = await runCli(['eval', '--provider', 'openai/gpt-4o-mini'], { cwd: root });
    expect(requested.code).toBe(2);
    expect(requested.stderr.trim()).toBe(
      'evalgate: eval/evalgate.yaml: providers: openai/gpt-4o-mini was requested but OPENAI_API_KEY is not set',
    );
  });

  it('exits 2 with one line naming file, line and field for bad input', async () => {
    const root = await createFixtureProject();
    await writeFile(
      path.join(root, 'test_cases/qa.jsonl'),
      '{"id":"q1","question":"ok?","reference":"yes"}\n{"id":"q2","question":42,"reference":"no"}\n',
    );
    const result = await runCli(['eval'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('evalgate: test_cases/qa.jsonl:2: question: expected string\n');
    expect(result.stdout).toBe('');
  });

  it('records provider failures per case and exits 3 when they exceed the allowed share', async () => {
    server = await startFakeOpenAIServer({ failures: Array.from({ length: 50 }, () => ({ status: 500 })) });
    const root = await createFixtureProject({ openaiUrl: server.url });
    const result = await runCli(['eval', '--provider', 'openai/gpt-4o-mini', '--no-experiment-log'], {
      cwd: root,
      env: { OPENAI_API_KEY: CANARY },
    });
    expect(result.code).toBe(3);
    const runs = await readdir(path.join(root, 'reports/runs'));
    const results = (await readFile(path.join(root, 'reports/runs', runs[0], 'results.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(results).toHaveLength(6);
    expect(
      results.every(
        (r) => r.error?.code === 'PROVIDER_HTTP' && r.attempts === 2 && r.attribution === 'provider-error',
      ),
    ).toBe(true);
  });
});

describe('the gate', () => {
  it('fails a worse prompt with a clear reason, passes a cosmetic edit, and baseline accept updates the baseline', async () => {
    server = await answeringServer();
    const root = await createFixtureProject({
      openaiUrl: server.url,
      extraConfig: 'targets:\n  qa: { answer.f1: ">= 0.1" }\n',
    });
    const env = { OPENAI_API_KEY: CANARY };
    expect(
      (await runCli(['eval', '--provider', 'openai/gpt-4o-mini', '--no-experiment-log'], { cwd: root, env }))
        .code,
    ).toBe(0);
    // A run evaluated under another config cannot become the baseline.
    const configFile = path.join(root, 'eval/evalgate.yaml');
    const config = await readFile(configFile, 'utf8');
    await writeFile(configFile, config.replace('concurrency: 4', 'concurrency: 3'));
    const stale = await runCli(['baseline', 'accept'], { cwd: root, env });
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/the config changed since run .* was evaluated/);
    await writeFile(configFile, config);
    const accepted = await runCli(['baseline', 'accept'], { cwd: root, env });
    expect(accepted.code).toBe(0);
    // Accepting writes the committed report and logs the accepted run once.
    expect(await readFile(path.join(root, 'reports/model-eval-report.md'), 'utf8')).toMatch(
      /^# Model evaluation report/,
    );
    const log = await readFile(path.join(root, 'experiments/experiment_log.md'), 'utf8');
    expect(log.match(/^## Experiment /gm)).toHaveLength(1);
    const baseline = JSON.parse(await readFile(path.join(root, 'reports/baseline.json'), 'utf8'));
    const perCase = baseline.cases.qa['openai/gpt-4o-mini'];
    expect(Object.keys(perCase)).toHaveLength(6);
    expect(perCase.q1['answer.f1']).toBe(1);

    // Cosmetic: extra blank lines change the prompt hash but not the answers.
    await writeFile(
      path.join(root, 'prompts/answer/v1.md'),
      GOOD_PROMPT.replace('Answer from the context.', 'Answer from the context.\n\n'),
    );
    const cosmetic = await runCli(
      ['eval', '--gate', '--provider', 'openai/gpt-4o-mini', '--no-experiment-log'],
      { cwd: root, env },
    );
    expect(cosmetic.code).toBe(0);

    // Worse: the model no longer answers from the context.
    await writeFile(
      path.join(root, 'prompts/answer/v1.md'),
      GOOD_PROMPT.replace('Answer from the context.', 'Reply briefly.'),
    );
    const worse = await runCli(
      ['eval', '--gate', '--provider', 'openai/gpt-4o-mini', '--no-experiment-log'],
      { cwd: root, env },
    );
    expect(worse.code).toBe(1);
    expect(worse.stdout).toMatch(/answer\.f1/);
    expect(worse.stdout).toMatch(/FAIL/);
    const record = JSON.parse(
      await readFile(
        path.join(
          root,
          'reports/runs',
          (await readdir(path.join(root, 'reports/runs'))).sort().at(-1)!,
          'run.json',
        ),
        'utf8',
      ),
    );
    expect(record.changes.prompts[0]).toMatchObject({ id: 'answer' });
    expect(record.gate.failures.map((f: { metric: string }) => f.metric)).toContain('answer.f1');

    // `compare` pairs the first and the last run by case id, without gating.
    const runs = (await readdir(path.join(root, 'reports/runs'))).sort();
    const compared = await runCli(['compare', runs[0], runs.at(-1)!], { cwd: root, env });
    expect(compared.code).toBe(0);
    expect(compared.stdout).toMatch(
      /│ qa\s+│ openai\/gpt-4o-mini │ answer\.f1\s+│ 6 │ 1\.000 │ 0\.\d{3}\s+│ -\d\.\d{3}/,
    );

    // `report` re-renders from the run folder without calling the model.
    const before = server.requests.length;
    const report = await runCli(['report'], { cwd: root, env });
    expect(report.code).toBe(0);
    expect(server.requests.length).toBe(before);

    // `gate` judges the stored worse run again, without calling the model: exit 1, the same failure.
    const gated = await runCli(['gate'], { cwd: root, env });
    expect(gated.code).toBe(1);
    expect(gated.stdout).toMatch(/Gate ✗ FAIL \(exit 1\)/);
    expect(gated.stdout).toMatch(/answer\.f1: regressed/);
    expect(server.requests.length).toBe(before);
    // Re-accepting the worse run as the baseline removes the regression (not the missed target).
    expect((await runCli(['baseline', 'accept'], { cwd: root, env })).code).toBe(0);
    const regated = await runCli(['gate'], { cwd: root, env });
    expect(regated.stdout).not.toMatch(/regressed/);
  }, 180_000); // several evals, each drawing its charts and writing report.html
});
