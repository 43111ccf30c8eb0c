// End-to-end sweeps through the built CLI against a fake OpenAI server: a chunk size × k × mode
// grid builds each distinct index once and makes each distinct model request once (counted at
// the server); a holdout split is confirmed on cases the sweep never ran; bad sweep input is one
// line with exit 2; nothing the sweep writes holds the API key.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { runBuiltCli } from './__fixtures__/run-built-cli.js';
import { createFixtureProject, referenceFor } from './__fixtures__/fixture-project.js';

const CANARY = 'sk-canary-sweep-0123456789abcdefghij';

const runCli = (args: string[], cwd: string) => runBuiltCli(args, cwd, { OPENAI_API_KEY: CANARY });

interface SweepJson {
  id: string;
  variants: {
    name: string;
    runId: string;
    counts: { requests: number; cached: number };
    index: { reused: boolean } | null;
  }[];
  holdout: { cases: Record<string, string[]> } | null;
  confirmation?: { variant: string; runs: { reference: string; variant: string } };
}

async function readSweepJson(root: string): Promise<SweepJson[]> {
  const dir = path.join(root, 'reports/sweeps');
  const ids = (await readdir(dir)).sort();
  return Promise.all(
    ids.map(async (id) => JSON.parse(await readFile(path.join(dir, id, 'sweep.json'), 'utf8'))),
  );
}

async function resultsOf(
  root: string,
  runId: string,
): Promise<{ caseId: string; context?: { included: string[] } }[]> {
  const text = await readFile(path.join(root, 'reports/runs', runId, 'results.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

const chatRequests = (s: FakeOpenAIServer) =>
  s.requests.filter((r) => (r.body as { messages?: unknown }).messages);

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function project(): Promise<string> {
  server = await startFakeOpenAIServer({
    reply: (request) => {
      const prompt = (request.body as { messages: { content: string }[] }).messages
        .map((m) => m.content)
        .join('\n');
      return referenceFor(prompt) ?? 'Sorry.';
    },
  });
  return createFixtureProject({ openaiUrl: server.url });
}

describe('evalgate sweep', () => {
  it('builds each distinct index once and makes each distinct request once, across two sweeps', async () => {
    const root = await project();
    await writeFile(
      path.join(root, 'sweep.yaml'),
      'sweep:\n  rag.chunking.size: [40, 60]\n  rag.retrieve.k: [2, 3]\n  rag.retrieve.mode: [bm25, hybrid]\n',
    );
    const args = ['sweep', '--file', 'sweep.yaml', '--provider', 'openai/gpt-4o-mini', '--quiet'];
    const first = await runCli(args, root);
    expect(first.stderr).not.toContain('at ');
    expect(first.code).toBe(0);
    // The reference (size 60, k 3, mode unset = bm25 with a local embedder) repeats one grid point.
    expect(first.stderr).toMatch(
      /sweep: 9 variants, 54 model calls \(6 expected from the cache, 48 to make\), estimated cost \$\d/,
    );
    const [sweep] = await readSweepJson(root);
    expect(sweep.variants).toHaveLength(9);
    // Two chunk sizes → two index builds in all. The pre-run price estimate (which renders each
    // variant's prompts with their retrieved context) builds them, so every variant then
    // reuses a saved index.
    expect(sweep.variants.filter((v) => v.index && !v.index.reused).length).toBeLessThanOrEqual(2);
    expect(sweep.variants.every((v) => v.index)).toBe(true);
    expect(first.stdout).toMatch(/2 distinct retrieval indexes, each built at most once/);
    expect(await readdir(path.join(root, '.evalgate/index'))).toHaveLength(2);

    // Every distinct prompt (case × the context it was given) reached the server exactly once.
    const distinct = new Set<string>();
    let calls = 0;
    for (const v of sweep.variants)
      for (const r of await resultsOf(root, v.runId)) {
        calls++;
        distinct.add(`${r.caseId}|${r.context?.included.join(',')}`);
      }
    expect(calls).toBe(54);
    const made = chatRequests(server!).length;
    expect(made).toBe(distinct.size);
    expect(made).toBeLessThan(48);
    const sum = (f: (v: SweepJson['variants'][number]) => number) =>
      sweep.variants.reduce((n, v) => n + f(v), 0);
    expect(sum((v) => v.counts.requests)).toBe(made);
    expect(sum((v) => v.counts.cached)).toBe(54 - made);
    expect(sweep.variants.find((v) => v.name === 'size=60,k=3,mode=bm25')!.counts.cached).toBe(6);

    // Each variant is a normal run carrying the sweep id in its manifest.
    const run = JSON.parse(
      await readFile(path.join(root, 'reports/runs', sweep.variants[3].runId, 'run.json'), 'utf8'),
    );
    expect(run.manifest.sweep).toMatchObject({ id: sweep.id, variant: sweep.variants[3].name });
    expect(await readFile(path.join(root, 'experiments/experiment_log.md'), 'utf8')).toMatch(
      /## Experiment 001: Sweep rag\.chunking\.size ∈ \{40, 60\} × rag\.retrieve\.k ∈ \{2, 3\}/,
    );

    // The same sweep again: no index build, no request, and the estimate knows it.
    const second = await runCli(args, root);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('54 model calls (54 expected from the cache, 0 to make)');
    expect(chatRequests(server!).length).toBe(made);
    const [, again] = await readSweepJson(root);
    expect(again.variants.every((v) => v.index?.reused && v.counts.requests === 0)).toBe(true);

    // --render rebuilds sweep.md from sweep.json alone, identically.
    const md = path.join(root, 'reports/sweeps', again.id, 'sweep.md');
    const before = await readFile(md, 'utf8');
    expect((await runCli(['sweep', '--render', again.id], root)).code).toBe(0);
    expect(await readFile(md, 'utf8')).toBe(before);
    expect(before).toContain('## Results matrix');
    // The trade-off chart (quality against cost or latency) sits beside it.
    expect(before).toContain('](pareto.svg)');
    expect(await readFile(path.join(root, 'reports/sweeps', again.id, 'pareto.svg'), 'utf8')).toMatch(
      /^<svg /,
    );

    for (const file of await readdir(path.join(root, 'reports/sweeps', again.id)))
      expect(await readFile(path.join(root, 'reports/sweeps', again.id, file), 'utf8')).not.toContain(CANARY);
    expect(first.stdout + first.stderr + second.stdout).not.toContain(CANARY);
  }, 180_000); // two sweeps of nine runs, each run drawing its charts and report.html

  it('runs the sweep without the held-out cases and confirms a variant on them only', async () => {
    const root = await project();
    await writeFile(
      path.join(root, 'sweep.yaml'),
      'sweep:\n  rag.retrieve.k: [1, 2]\nsweep_variants:\n  - name: warm\n    set:\n      providers[openai/gpt-4o-mini].temperature: 0.7\n',
    );
    const swept = await runCli(
      ['sweep', '--file', 'sweep.yaml', '--provider', 'openai/gpt-4o-mini', '--holdout', '0.5', '--quiet'],
      root,
    );
    expect(swept.code).toBe(0);
    const [sweep] = await readSweepJson(root);
    // A provider's temperature overrides the prompt's (0) in the requests of that variant only.
    const temperatures = chatRequests(server!).map((r) => (r.body as { temperature?: number }).temperature);
    expect(temperatures.filter((t) => t === 0.7)).toHaveLength(3);
    expect(temperatures.filter((t) => t === 0).length).toBeGreaterThan(0);
    const held = sweep.holdout!.cases.qa;
    expect(held).toHaveLength(3);
    for (const v of sweep.variants)
      for (const r of await resultsOf(root, v.runId)) expect(held).not.toContain(r.caseId);

    // compare takes N runs, aligned by case, and prints markdown.
    const compared = await runCli(['compare', ...sweep.variants.map((v) => v.runId), '--markdown'], root);
    expect(compared.code).toBe(0);
    expect(compared.stdout).toContain(`## Runs compared with ${sweep.variants[0].runId}`);
    expect(compared.stdout).toContain('### qa · openai/gpt-4o-mini');
    expect(compared.stdout.match(/^\| \**20\d{6}-/gm)).toHaveLength(4);

    const noVariant = await runCli(['sweep', '--confirm', sweep.id], root);
    expect(noVariant.code).toBe(2);
    expect(noVariant.stderr.trim().split('\n')).toHaveLength(1);
    expect(noVariant.stderr).toContain('--confirm needs --variant <name> (variants: k=1, k=2, warm)');

    const confirmed = await runCli(['sweep', '--confirm', sweep.id, '--variant', 'k=1', '--quiet'], root);
    expect(confirmed.stderr).toBe('');
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toContain('Held-out confirmation of k=1 (3 cases the sweep did not use)');
    const [after] = await readSweepJson(root);
    expect(after.confirmation!.variant).toBe('k=1');
    for (const runId of Object.values(after.confirmation!.runs)) {
      const ids = (await resultsOf(root, runId)).map((r) => r.caseId).sort();
      expect(ids).toEqual(held);
    }
    expect(await readFile(path.join(root, 'reports/sweeps', sweep.id, 'sweep.md'), 'utf8')).toContain(
      '## Held-out confirmation: `k=1`',
    );
    // A second look at the same held-out cases must be asked for, and is recorded.
    const again = await runCli(['sweep', '--confirm', sweep.id, '--variant', 'k=2', '--quiet'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already used to confirm k=1; .*--reconfirm/);
    const forced = await runCli(
      ['sweep', '--confirm', sweep.id, '--variant', 'k=2', '--reconfirm', '--quiet'],
      root,
    );
    expect(forced.code).toBe(0);
    const [afterForced] = await readSweepJson(root);
    expect((afterForced.confirmation as { earlier?: string[] }).earlier).toEqual(['k=1']);
    const refine = await runCli(['sweep', '--refine', sweep.id], root);
    expect(refine.code).toBe(0);
    expect(refine.stdout).toMatch(/^# Finer grid around /);
  }, 180_000);

  it('reports a bad path or value as one line naming the sweep file, line and field (exit 2)', async () => {
    const root = await createFixtureProject();
    await writeFile(
      path.join(root, 'sweep.yaml'),
      'sweep:\n  rag.chunking.size: [40]\n  rag.retrieve.mode: [bm25, vector]\n',
    );
    const bad = await runCli(['sweep', '--file', 'sweep.yaml'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^evalgate: sweep\.yaml:3: sweep\.rag\.retrieve\.mode: vector: rag\.retrieve\.mode: expected one of/,
    );
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(await readdir(root)).not.toContain('reports');
  });
});
