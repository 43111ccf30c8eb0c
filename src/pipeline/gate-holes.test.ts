// The gate's holes from issue 8, end to end on a small project: each case below passed (or
// said nothing) before the fix. A gated metric that was never measured, a baseline provider that
// did not run, an edited gold case, a reranker that failed, and a cache that cannot be written.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureProject, referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { buildBaseline, serializeBaseline } from '../run/baseline.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../testing/index.js';
import { type EvaluateOutcome, evaluate } from './evaluate.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function editConfig(root: string, edit: (text: string) => string): Promise<string> {
  const file = path.join(root, 'eval/evalgate.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
  return file;
}

async function accept(root: string, outcome: EvaluateOutcome): Promise<void> {
  await writeFile(
    path.join(root, 'reports/baseline.json'),
    serializeBaseline(buildBaseline(outcome.record, outcome.results, 'now')),
  );
}

describe('gate holes, end to end', () => {
  it('fails a gated judge metric that came back null on every case (no judge key), unless optional', async () => {
    const root = await createFixtureProject({ extraConfig: 'judge: openai/gpt-4o-mini\n' });
    const configPath = await editConfig(root, (t) =>
      t.replace('max_drop: { answer.f1: 0.02 }', 'max_drop: { answer.f1: 0.02, judge.rubric: 0.05 }'),
    );
    const notes: string[] = [];
    const run = await evaluate({ configPath, env: {}, onNote: (l) => notes.push(l) });
    expect(notes.some((n) => n.includes('OPENAI_API_KEY is not set'))).toBe(true);
    expect(run.record.gate.status).toBe('fail');
    expect(run.record.gate.failures.map((f) => [f.kind, f.metric])).toEqual([
      ['not-measured', 'judge.rubric'],
    ]);

    await editConfig(root, (t) =>
      t.replace('  resamples: 500', '  resamples: 500\n  optional_metrics: [judge.rubric]'),
    );
    const optional = await evaluate({ configPath, env: {} });
    expect(optional.record.gate.status).toBe('pass');
    expect(optional.record.gate.notAssessed.map((n) => n.what)).toContain('judge.rubric on (all) / (all)');
  }, 60_000);

  it('fails when a baseline provider did not run, naming the missing key; the switch allows it', async () => {
    server = await startFakeOpenAIServer({
      reply: (request) => {
        const body = request.body as { messages: { content: string }[] };
        return referenceFor(body.messages.map((m) => m.content).join('\n')) ?? 'unknown';
      },
    });
    const root = await createFixtureProject({ openaiUrl: server.url });
    const configPath = path.join(root, 'eval/evalgate.yaml');
    const first = await evaluate({ configPath, env: {} });
    expect(first.record.manifest.providers.map((p) => p.id)).toEqual([
      'local/extractive',
      'openai/gpt-4o-mini',
    ]);
    await accept(root, first);

    // The CI secret expires: the provider now needs a key it does not get.
    await editConfig(root, (t) => t.replace(/\n {4}base_url: .*/, ''));
    const second = await evaluate({ configPath, env: {} });
    expect(second.record.gate.status).toBe('fail');
    const missing = second.record.gate.failures.find((f) => f.kind === 'missing-provider');
    expect(missing?.provider).toBe('openai/gpt-4o-mini');
    expect(missing?.message).toContain('OPENAI_API_KEY is not set');

    const allowed = await evaluate({ configPath, env: {}, allowMissingProviders: true });
    expect(allowed.record.gate.status).toBe('pass');
    expect(allowed.record.gate.notAssessed.map((n) => n.what)).toContain('provider openai/gpt-4o-mini');
  }, 60_000);

  it('lists an edited gold case and leaves it out of the pairing; records generation settings', async () => {
    const root = await createFixtureProject();
    const configPath = path.join(root, 'eval/evalgate.yaml');
    const first = await evaluate({ configPath, env: {} });
    const version = Object.values(first.record.manifest.prompts)[0];
    expect(first.record.manifest.generation?.[version]).toEqual({
      temperature: 0,
      maxTokens: 200,
      fewShot: 0,
      fewShotFile: null,
    });
    await accept(root, first);

    const casesFile = path.join(root, 'test_cases/qa.jsonl');
    const lines = (await readFile(casesFile, 'utf8')).trim().split('\n');
    const edited = JSON.parse(lines[1]);
    edited.reference = 'The Pro plan costs 9 dollars per user per month.';
    lines[1] = JSON.stringify(edited);
    lines.push(
      JSON.stringify({ id: 'q7', question: 'Is there a free plan?', reference: 'No.', relevant_docs: [] }),
    );
    await writeFile(casesFile, `${lines.join('\n')}\n`);

    const second = await evaluate({ configPath, env: {} });
    expect(second.record.changes.cases).toEqual([
      { suite: 'qa', changed: ['q2'], added: ['q7'], removed: [] },
    ]);
    const f1 = second.record.comparison.find((c) => c.metric === 'answer.f1')!;
    expect(f1.n).toBe(5);
    expect(f1.changedCasesLeftOut).toBe(1);
    expect(f1.onlyInCandidate).toEqual(['q7']);
  }, 60_000);

  it('flags each case whose reranker failed, and counts them', async () => {
    server = await startFakeOpenAIServer({ reply: () => 'I would rather not rank these.' });
    const root = await createFixtureProject({ openaiUrl: server.url });
    const configPath = await editConfig(root, (t) =>
      t.replace('retrieve: { k: 3 }', 'retrieve: { k: 3, mode: hybrid, rerank: openai/gpt-4o-mini }'),
    );
    const run = await evaluate({ configPath, env: {}, providers: ['local/extractive'] });
    const qa = run.results.filter((r) => r.suite === 'qa');
    expect(qa.length).toBe(6);
    expect(qa.every((r) => r.rerank?.fellBack === true)).toBe(true);
    expect(run.record.manifest.counts.rerankFallbacks).toBe(6);
  }, 60_000);

  it('rejects a local judge with a clear input error instead of building an OpenAI client', async () => {
    const root = await createFixtureProject({ extraConfig: 'judge: local/extractive\n' });
    await expect(evaluate({ configPath: path.join(root, 'eval/evalgate.yaml'), env: {} })).rejects.toThrow(
      /judge: local\/extractive cannot act as the judge/,
    );
  });

  it('says once that the response cache cannot be written', async () => {
    server = await startFakeOpenAIServer({ reply: () => 'unknown' });
    const root = await createFixtureProject({ openaiUrl: server.url });
    await writeFile(path.join(root, 'not-a-folder'), 'x');
    const configPath = await editConfig(root, (t) => `${t}cache_dir: not-a-folder/cache\n`);
    const notes: string[] = [];
    await evaluate({ configPath, env: {}, providers: ['openai/gpt-4o-mini'], onNote: (l) => notes.push(l) });
    const warnings = notes.filter((n) => n.startsWith('warning: could not write to the response cache'));
    expect(warnings).toHaveLength(1);
  }, 60_000);
});
