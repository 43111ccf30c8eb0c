// `evalgate plan` and eval's spend control through the built CLI (dist/cli/main.js): exit codes,
// one-line refusals naming the file and field, no model call from planning, no key in output.
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../pipeline/evaluate.js';
import { buildBaseline, serializeBaseline } from '../run/baseline.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { runBuiltCli } from './__fixtures__/run-built-cli.js';
import { createFixtureProject } from './__fixtures__/fixture-project.js';

const CANARY = 'sk-canary-plan-0123456789abcdefghijkl';

const runCli = (args: string[], cwd: string) => runBuiltCli(args, cwd, { OPENAI_API_KEY: CANARY });

/** Each test spawns the CLI several times; on a loaded 2-core machine one spawn can take 10 s. */
const SLOW = 90_000;

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('evalgate plan and spend control (CLI)', () => {
  it(
    'plans without calling a model, as JSON and on the console',
    async () => {
      server = await startFakeOpenAIServer();
      const root = await createFixtureProject({ openaiUrl: server.url });
      const json = await runCli(['plan', '--json'], root);
      expect(json.code).toBe(0);
      const plan = JSON.parse(json.stdout);
      expect(plan.estimate).toMatchObject({ modelCalls: 12, cachedCalls: 0, paidCalls: 6, batch: false });
      expect(plan.estimate.costUsd).toBeGreaterThan(0);
      expect(plan.sampleSize).toBeNull();
      const text = await runCli(['plan', '--batch', '--provider', 'openai/gpt-4o-mini'], root);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(
        /estimate: 6 model calls, 0 cached; [\d,]+ input \+ 1,200 output tokens; \$0\.\d{4} \(batch: 50% off\)/,
      );
      expect(server.requests).toHaveLength(0);
      for (const out of [json, text]) expect(out.stdout + out.stderr).not.toContain(CANARY);
    },
    SLOW,
  );

  it(
    'plans the cases a target effect needs, from the baseline or from a run paired with it',
    async () => {
      const root = await createFixtureProject();
      const configPath = path.join(root, 'eval/evalgate.yaml');
      const first = await evaluate({ configPath, env: {} });
      await writeFile(
        path.join(root, 'reports/baseline.json'),
        serializeBaseline(buildBaseline(first.record, first.results, 'now')),
      );
      const fromBaseline = await runCli(['plan', '--mde', '0.3', '--json'], root);
      expect(fromBaseline.code).toBe(0);
      const rows = JSON.parse(fromBaseline.stdout).sampleSize.rows;
      expect(rows).toEqual([
        expect.objectContaining({ suite: 'qa', provider: 'local/extractive', metric: 'answer.f1', cases: 6 }),
      ]);
      expect(rows[0].source).toBe('baseline-sd-times-sqrt2');
      const runId = path.basename((await evaluate({ configPath, env: {} })).runDir);
      const paired = await runCli(['plan', '--mde', '0.3', '--against', runId], root);
      expect(paired.code).toBe(0);
      expect(paired.stdout).toMatch(/qa × local\/extractive\s+answer\.f1\s+6\s/);
      expect(paired.stdout).toContain('(paired run)');
    },
    SLOW,
  );

  it(
    'refuses bad input in one line with exit 2',
    async () => {
      const root = await createFixtureProject();
      const noBaseline = await runCli(['plan', '--mde', '0.05'], root);
      expect(noBaseline.code).toBe(2);
      expect(noBaseline.stderr.trim().split('\n')).toHaveLength(1);
      expect(noBaseline.stderr).toContain('reports/baseline.json: --mde needs an accepted baseline');
      const badMde = await runCli(['plan', '--mde', 'lots'], root);
      expect(badMde.code).toBe(2);
      expect(badMde.stderr).toContain('expected a positive number, got "lots"');
      const badBudget = await runCli(['eval', '--max-cost-usd', '-1'], root);
      expect(badBudget.code).toBe(2);
    },
    SLOW,
  );

  it(
    'refuses a run over budget.max_cost_usd (exit 2, no call), and with --yes stops at it',
    async () => {
      server = await startFakeOpenAIServer();
      const root = await createFixtureProject({ openaiUrl: server.url });
      await appendFile(path.join(root, 'eval/evalgate.yaml'), 'budget: { max_cost_usd: 0.0003 }\n');
      const args = ['eval', '--provider', 'openai/gpt-4o-mini', '--no-experiment-log'];
      const refused = await runCli(args, root);
      expect(refused.code).toBe(2);
      const lines = refused.stderr.trim().split('\n');
      expect(lines[lines.length - 1]).toMatch(
        /^evalgate: eval\/evalgate\.yaml: budget\.max_cost_usd: the estimated cost \$0\.\d{4} is above the budget \$0\.0003; raise it, or pass --yes/,
      );
      expect(lines.some((l) => l.startsWith('evalgate: estimate: 6 model calls, 0 cached;'))).toBe(true);
      expect(server.requests).toHaveLength(0);

      const confirmed = await runCli([...args, '--yes'], root);
      expect(confirmed.code).toBe(0);
      expect(confirmed.stderr).toMatch(/stopped by budget: \d model calls not made to stay under \$0\.0003/);
      expect(server.requests.length).toBeGreaterThan(0);
      expect(server.requests.length).toBeLessThan(6);
      expect(confirmed.stdout + confirmed.stderr + refused.stderr).not.toContain(CANARY);
    },
    SLOW,
  );

  it(
    "plan takes eval's case-selection flags, and refuses a bad one in one line",
    async () => {
      server = await startFakeOpenAIServer();
      const root = await createFixtureProject({ openaiUrl: server.url });
      const args = ['plan', '--json', '--provider', 'openai/gpt-4o-mini'];
      const limited = await runCli([...args, '--limit', '2'], root);
      expect(limited.code).toBe(0);
      expect(JSON.parse(limited.stdout).estimate).toMatchObject({ modelCalls: 2, paidCalls: 2 });
      const one = await runCli([...args, '--case', 'q3', '--shard', '1/1'], root);
      expect(JSON.parse(one.stdout).estimate).toMatchObject({ modelCalls: 1 });
      const none = await runCli([...args, '--case', 'nope'], root);
      expect(none.code).toBe(2);
      expect(none.stderr.trim().split('\n')).toHaveLength(1);
      expect(server.requests).toHaveLength(0);
    },
    SLOW,
  );
});
