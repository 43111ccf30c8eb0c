// The library entry point in-process: judge scores from a fake OpenAI server with scripted
// verdicts, judge cost charged to the case, and --repeat with per-case clustering.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { createFixtureProject, referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { evaluate } from './evaluate.js';
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Answers questions, and plays the judge: rubric grades, claim extraction, claim verdicts. */
function scriptedServer(): Promise<FakeOpenAIServer> {
  let rubricCalls = 0;
  return startFakeOpenAIServer({
    reply: (request) => {
      const prompt = (request.body as { messages: { content: string }[] }).messages
        .map((m) => m.content)
        .join('\n');
      if (prompt.includes('evaluator of a search system'))
        return JSON.stringify({ score: 3, reason: 'half useful' });
      if (prompt.includes('Judge relevance only')) return JSON.stringify({ score: 5, reason: 'on topic' });
      if (prompt.includes('RUBRIC'))
        return JSON.stringify({ score: rubricCalls++ % 2 === 0 ? 5 : 4, reason: 'scripted' });
      if (prompt.includes('CLAIMS (numbered)')) {
        return JSON.stringify({
          verdicts: [
            { id: 1, verdict: 'supported', reason: 'in context' },
            { id: 2, verdict: 'not_found', reason: 'not in context' },
          ],
        });
      }
      if (prompt.includes('"claims"'))
        return JSON.stringify({ claims: ['The plan can be refunded.', 'It takes 90 days.'] });
      return referenceFor(prompt) ?? 'unknown';
    },
  });
}

describe('evaluate', () => {
  it('scores answers with the LLM judge and charges its tokens to the case', async () => {
    server = await scriptedServer();
    const root = await createFixtureProject({
      openaiUrl: server.url,
      extraConfig: 'judge: openai/gpt-4o-mini\n',
    });
    const { record, results } = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
    });
    const first = results[0];
    expect([1, 0.75]).toContain(first.scores['judge.rubric']); // scripted 5 or 4 on a 1–5 scale
    expect(first.scores['judge.faithfulness']).toBe(0.5);
    expect(first.scores['judge.answer_relevance']).toBe(1);
    expect(first.scores['judge.context_relevance']).toBe(0.5); // 3 on 1–5
    expect(first.judge?.inputTokens).toBeGreaterThan(0);
    expect(first.costUsd).toBeGreaterThan(first.judge!.costUsd!);
    expect(record.summary[0].metrics['judge.faithfulness'].value).toBe(0.5);
  });

  it('repeats cases, asks the judge again per repeat and reports its disagreement', async () => {
    server = await scriptedServer();
    const root = await createFixtureProject({
      openaiUrl: server.url,
      extraConfig: 'judge: openai/gpt-4o-mini\n',
    });
    const { record, results } = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      repeat: 2,
      useCache: false,
    });
    expect(results).toHaveLength(12);
    const summary = record.summary[0];
    expect(summary.cases).toBe(6);
    expect(summary.metrics['judge.disagreement'].value).not.toBeNull();
    expect(summary.flaky).toEqual({ caseIds: [], share: 0 });
  });

  it('leaves judge scores null with a reason when the judge key is missing', async () => {
    const root = await createFixtureProject({ extraConfig: 'judge: openai/gpt-4o-mini\n' });
    const notes: string[] = [];
    const { results } = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: {},
      onNote: (l) => notes.push(l),
    });
    expect(notes).toContain(
      'skipping judge openai/gpt-4o-mini: OPENAI_API_KEY is not set, so judge scores are null',
    );
    expect(results[0].scores['judge.rubric']).toBeNull();
    expect(results[0].notes?.['judge.rubric']).toBe('no judge configured');
  });

  it("records the offline baseline's classifier setting in the manifest", async () => {
    const root = await createFixtureProject();
    const config = path.join(root, 'eval/evalgate.yaml');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(
        '  - id: local/extractive',
        '  - id: local/extractive\n    classifier: naive-bayes',
      ),
    );
    const { record } = await evaluate({ configPath: config, env: {} });
    expect(record.manifest.providers).toEqual([
      { id: 'local/extractive', provider: 'local', model: 'extractive', classifier: 'naive-bayes' },
    ]);
  });

  it('reranks retrieved chunks through the configured provider', async () => {
    server = await startFakeOpenAIServer({
      reply: (request) => {
        const prompt = (request.body as { messages: { content: string }[] }).messages
          .map((m) => m.content)
          .join('\n');
        if (prompt.startsWith('Rank the passages'))
          return {
            content: JSON.stringify({ ranking: [2, 1] }),
            usage: { prompt_tokens: 1000, completion_tokens: 10 },
          };
        return {
          content: referenceFor(prompt) ?? 'unknown',
          usage: { prompt_tokens: 200, completion_tokens: 20 },
        };
      },
    });
    const root = await createFixtureProject({ openaiUrl: server.url });
    const config = path.join(root, 'eval/evalgate.yaml');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(
        'retrieve: { k: 3 }',
        'retrieve: { k: 3, mode: hybrid, rerank: openai/gpt-4o-mini }',
      ),
    );
    const plain = await evaluate({
      configPath: config,
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      useCache: false,
    });
    expect(plain.record.manifest.retrieval?.mode).toBe('hybrid + rerank (openai/gpt-4o-mini)');
    const rankPrompts = server.requests.filter((r) => JSON.stringify(r.body).includes('Rank the passages'));
    expect(rankPrompts.length).toBe(6);
    // The model put the second candidate first: every case's top chunk is its first-stage runner-up.
    for (const result of plain.results) expect(result.retrieval!.chunks[0].score).toBe(1);
    // Each case carries its query's rerank tokens, priced as gpt-4o-mini ($0.15 in / $0.60 out
    // per 1M): 1,000 × 0.15e-6 + 10 × 0.6e-6 = $0.000156 for the rerank, and 200 × 0.15e-6 +
    // 20 × 0.6e-6 = $0.000042 for the answer.
    for (const result of plain.results) {
      expect(result.rerank).toEqual({
        inputTokens: 1000,
        outputTokens: 10,
        estimated: false,
        costUsd: expect.closeTo(0.000156, 12),
      });
      expect(result.costUsd).toBeCloseTo(0.000156 + 0.000042, 12);
    }
    // The suite's token totals cover every priced call: 6 × (1,000 + 200) in, 6 × (10 + 20) out.
    expect(plain.record.summary[0].cost).toMatchObject({
      inputTokens: 7200,
      outputTokens: 180,
      estimatedCases: 0,
    });
  });

  it('flags rerank tokens the server did not report as estimated, in the case and the suite', async () => {
    server = await startFakeOpenAIServer({
      reply: (request) => {
        const prompt = (request.body as { messages: { content: string }[] }).messages
          .map((m) => m.content)
          .join('\n');
        if (prompt.startsWith('Rank the passages'))
          return { content: JSON.stringify({ ranking: [2, 1] }), usage: null };
        return {
          content: referenceFor(prompt) ?? 'unknown',
          usage: { prompt_tokens: 200, completion_tokens: 20 },
        };
      },
    });
    const root = await createFixtureProject({ openaiUrl: server.url });
    const config = path.join(root, 'eval/evalgate.yaml');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(
        'retrieve: { k: 3 }',
        'retrieve: { k: 3, mode: hybrid, rerank: openai/gpt-4o-mini }',
      ),
    );
    const { results, record } = await evaluate({
      configPath: config,
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      useCache: false,
    });
    for (const result of results) {
      expect(result.usage?.estimated).toBe(false);
      expect(result.rerank).toMatchObject({ estimated: true, inputTokens: expect.any(Number) });
      expect(result.rerank!.inputTokens).toBeGreaterThan(0);
    }
    expect(record.summary[0].cost.estimatedCases).toBe(6);
  });

  it('scores a suite from stored outputs, keeping their latency, and rejects a file that misses cases', async () => {
    const root = await createFixtureProject();
    const config = path.join(root, 'eval/evalgate.yaml');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(
        '    cases: test_cases/qa.jsonl',
        '    cases: test_cases/qa.jsonl\n    outputs: out.jsonl',
      ),
    );
    const ids = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];
    await writeFile(
      path.join(root, 'out.jsonl'),
      ids
        .slice(0, 5)
        .map((id) => JSON.stringify({ id, output: 'x' }))
        .join('\n'),
    );
    await expect(evaluate({ configPath: config, env: {} })).rejects.toThrow(
      'out.jsonl: no output for 1 of 6 cases of suite qa (first: q6)',
    );

    await writeFile(
      path.join(root, 'out.jsonl'),
      ids.map((id) => JSON.stringify({ id, output: 'x', latency_ms: 4000 })).join('\n'),
    );
    const { record } = await evaluate({ configPath: config, env: {} });
    expect(record.summary[0].provider).toBe('replay/out.jsonl');
    expect(record.summary[0].metrics['latency.p95_ms'].value).toBe(4000);
  });
});
