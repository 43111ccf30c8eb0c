// The sharded CI workflow (.github/workflows/eval-sharded.yml): it is valid YAML, its matrix
// matches its shard count, the response cache is keyed by the config and prompt hashes, and
// every `npx evalgate …` and `npm run …` it runs exists with the flags it passes. Then its steps,
// replayed with the built CLI on a fixture project: shards, merge (the printed path), gate; and
// merge's one-line refusals with exit 2.
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createFixtureProject } from './__fixtures__/fixture-project.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(REPO, 'dist/cli/main.js');

function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  env: { SHARDS: number };
  jobs: Record<string, { steps: Step[]; needs?: string; strategy?: { matrix: { shard: number[] } } }>;
}

describe('.github/workflows/eval-sharded.yml', () => {
  it('parses, and every command it runs exists with the flags it passes', async () => {
    const workflow = parse(
      await readFile(path.join(REPO, '.github/workflows/eval-sharded.yml'), 'utf8'),
    ) as Workflow;
    const shard = workflow.jobs.shard;
    const merge = workflow.jobs['merge-and-gate'];
    expect(shard.strategy?.matrix.shard).toEqual(
      Array.from({ length: workflow.env.SHARDS }, (_, i) => i + 1),
    );
    expect(merge.needs).toBe('shard');
    const uses = (job: { steps: Step[] }) => job.steps.map((s) => s.uses?.split('@')[0]);
    expect(uses(shard)).toContain('actions/upload-artifact');
    expect(uses(merge)).toContain('actions/download-artifact');
    const cache = shard.steps.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('.evalgate/cache');
    expect(cache?.with?.key).toContain("hashFiles('eval/evalgate.yaml', 'prompts/**')");

    const scripts = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')).scripts;
    const runs = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
    const commands = runs.flatMap((r) => [...r.matchAll(/npx evalgate ([a-z]+)([^\n")]*)/g)]);
    expect(commands.map((m) => m[1]).sort()).toEqual(['eval', 'gate', 'merge']);
    for (const [, command, rest] of commands) {
      const help = await cli([command, '--help'], REPO);
      expect(help.code, command).toBe(0);
      for (const flag of rest.match(/--[a-z-]+/g) ?? [])
        expect(help.stdout, `${command} ${flag}`).toContain(flag);
    }
    for (const [, script] of runs.flatMap((r) => [...r.matchAll(/npm run ([\w:-]+)/g)]))
      expect(scripts[script], `npm run ${script}`).toBeDefined();
  });

  it("replays the workflow's steps: shards, merge (prints the path), gate", async () => {
    const root = await createFixtureProject();
    const shards = path.join(root, 'shards');
    await mkdir(shards);
    for (const i of [1, 2, 3]) {
      const out = await cli(['eval', '--shard', `${i}/3`, '--quiet', '--no-cache'], root);
      expect(out.code, out.stderr).toBe(0);
      const runDir = /run: (\S+)/.exec(out.stdout)![1];
      // What download-artifact with merge-multiple leaves: the run folders side by side.
      await cp(path.join(root, runDir), path.join(shards, path.basename(runDir)), { recursive: true });
    }
    const folders = (await readdir(shards)).sort().map((f) => `shards/${f}`);
    const merged = await cli(['merge', ...folders], root);
    expect(merged.code, merged.stderr).toBe(0);
    const runPath = merged.stdout.trim();
    expect(runPath).toMatch(/^reports\/runs\/\d{8}-\d{6}-\d{3}-\w+$/);
    const record = JSON.parse(await readFile(path.join(root, runPath, 'run.json'), 'utf8'));
    expect(record.manifest.counts.results).toBe(6);
    const gate = await cli(['gate', runPath], root);
    expect(gate.code, gate.stderr).toBe(0);

    const refused = await cli(['merge', ...folders.slice(0, 2)], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^evalgate: cannot merge: shard \d\/3 missing: 2 of 3 shards given\n$/);
    const twice = await cli(['merge', folders[0], folders[0], folders[1]], root);
    expect(twice.code).toBe(2);
    expect(twice.stderr.trim().split('\n')).toHaveLength(1);

    // A run folder a crash left half-written is never trusted: one line, exit 2, for each command.
    const torn = path.join(root, 'reports/runs/20990101-000000-000-torn00');
    await cp(path.join(root, runPath), torn, { recursive: true });
    const runJson = path.join(torn, 'run.json');
    await writeFile(runJson, (await readFile(runJson, 'utf8')).slice(0, 500));
    for (const args of [['gate'], ['report'], ['baseline', 'accept'], ['merge', torn, ...folders.slice(1)]]) {
      const out = await cli(args, root);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr, args.join(' ')).toMatch(
        /^evalgate: \S*run\.json: cut short or not valid JSON .* cannot be trusted.*\n$/,
      );
    }
  }, 60_000);
});
