// The fast-iteration flags end to end with the built CLI on the fixture project (offline model):
// each picks the cases it names, records itself in the manifest, and a selection run is judged
// on what it ran but is never a release recommendation, while the full run it came from can be.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../run/types.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { createFixtureProject, referenceFor } from './__fixtures__/fixture-project.js';
import { runBuiltCli } from './__fixtures__/run-built-cli.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const cli = runBuiltCli;

async function evalRun(root: string, ...args: (string | Record<string, string>)[]) {
  const env = args.find((a): a is Record<string, string> => typeof a !== 'string') ?? {};
  const flags = args.filter((a): a is string => typeof a === 'string');
  const out = await cli(['eval', '--quiet', ...flags], root, env);
  expect(out.code, out.stderr).toBe(0);
  const runDir = path.join(root, /run: (\S+)/.exec(out.stdout)![1]);
  const record = JSON.parse(await readFile(path.join(runDir, 'run.json'), 'utf8')) as RunRecord;
  const ids = (await readFile(path.join(runDir, 'results.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).caseId as string);
  return { record, ids, runId: record.manifest.runId };
}

describe('eval --limit / --sample / --filter / --case / --rerun-failed', () => {
  it('picks the named cases, records them, and never recommends a release from them', async () => {
    const root = await createFixtureProject();
    const full = await evalRun(root);
    expect(full.ids).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
    expect((await cli(['baseline', 'accept', '--no-experiment-log'], root)).code).toBe(0);

    const limited = await evalRun(root, '--limit', '2', '--gate');
    expect(limited.ids).toEqual(['q1', 'q2']);
    expect(limited.record.manifest.filters).toEqual({ limit: 2 });
    // Judged on its 2 cases against the 6-case baseline: thin coverage is expected, not a failure.
    expect(limited.record.gate.status).toBe('pass');
    expect(limited.record.gate.notAssessed.map((n) => n.what)).toContain('the cases this run left out');
    expect(limited.record.gate.recommendation).toBe('do-not-ship');
    expect(limited.record.gate.reasons.join('\n')).toMatch(/a selection of the cases: --limit 2/);
    expect(full.record.gate.reasons.join('\n')).not.toMatch(/selection/);
    // The latest run is now the 2-case one: promoting it needs --allow-partial.
    const refused = await cli(['baseline', 'accept', '--no-experiment-log'], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /covered only part of the project \(--limit 2\); accept a full run, or pass --allow-partial\n$/,
    );
    expect((await cli(['baseline', 'accept', full.runId, '--no-experiment-log'], root)).code).toBe(0);

    expect((await evalRun(root, '--filter', 'tag:sync')).ids).toEqual(['q3', 'q5']);
    const named = await evalRun(root, '--case', 'q4', '--case', 'q1');
    expect(named.ids).toEqual(['q1', 'q4']);
    expect(named.record.manifest.filters).toEqual({ cases: ['q4', 'q1'] });
    const sampled = await evalRun(root, '--sample', '3');
    expect(sampled.ids).toHaveLength(3);
    expect(sampled.record.manifest.filters).toEqual({ sample: 3 });

    const folders = (await readdir(path.join(root, 'reports/runs'))).length;
    const unknown = await cli(['eval', '--quiet', '--case', 'q9'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('evalgate: --case: no case with id "q9" in the selected suites\n');
    // Refused before the run folder exists: nothing unfinished is left for --resume to find.
    expect(await readdir(path.join(root, 'reports/runs'))).toHaveLength(folders);
    const badShard = await cli(['eval', '--quiet', '--shard', '3/2'], root);
    expect(badShard.code).toBe(2);
    expect(badShard.stderr).toMatch(/^evalgate: --shard: expected i\/n with 1 ≤ i ≤ n .*\n$/);
  }, 90_000);

  it('--rerun-failed runs exactly the cases that failed or errored in the named run', async () => {
    server = await startFakeOpenAIServer({
      // Right for q1, q2 and q4; wrong for the rest.
      reply: (request) => {
        const prompt = (request.body as { messages: { content: string }[] }).messages
          .map((m) => m.content)
          .join('\n');
        const reference = referenceFor(prompt);
        return reference && /refunded in full|Pro plan costs|saves 20/.test(reference)
          ? reference
          : 'Bananas are yellow.';
      },
    });
    const root = await createFixtureProject({ openaiUrl: server.url });
    const env = { OPENAI_API_KEY: 'sk-test' };
    const first = await evalRun(root, env, '--provider', 'openai/gpt-4o-mini', '--no-cache');
    const results = (await readFile(path.join(root, 'reports/runs', first.runId, 'results.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const failed = results.filter((r) => r.attribution !== 'pass').map((r) => r.caseId);
    expect(failed).toEqual(['q3', 'q5', 'q6']);
    const rerun = await evalRun(root, env, '--provider', 'openai/gpt-4o-mini', '--rerun-failed', first.runId);
    expect(rerun.ids).toEqual(failed);
    expect(rerun.record.manifest.filters).toEqual({
      providers: ['openai/gpt-4o-mini'],
      rerunFailed: first.runId,
    });
  }, 60_000);
});
