// judge_labels end to end: a config naming a labels file gets judge agreement and corrected
// estimates in run.json (and so in the report); a bad labels file is one clear exit-2 line.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureProject, referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { InputError } from '../core/errors.js';
import { evaluate } from '../pipeline/evaluate.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../testing/index.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Answers questions and grades every answer 5 of 5 on the rubric (other judge prompts: neutral). */
function judgeServer(): Promise<FakeOpenAIServer> {
  return startFakeOpenAIServer({
    reply: (request) => {
      const prompt = (request.body as { messages: { content: string }[] }).messages
        .map((m) => m.content)
        .join('\n');
      if (prompt.includes('RUBRIC')) return JSON.stringify({ score: 5, reason: 'scripted' });
      if (prompt.includes('CLAIMS (numbered)'))
        return JSON.stringify({ verdicts: [{ id: 1, verdict: 'supported', reason: 'ok' }] });
      if (prompt.includes('"claims"')) return JSON.stringify({ claims: ['A claim.'] });
      if (prompt.includes('evaluator of a search system') || prompt.includes('Judge relevance only'))
        return JSON.stringify({ score: 3, reason: 'scripted' });
      return referenceFor(prompt) ?? 'unknown';
    },
  });
}

describe('judge_labels in the config', () => {
  it('adds agreement and PPI-corrected estimates for the labelled judge metric', async () => {
    server = await judgeServer();
    const root = await createFixtureProject({
      openaiUrl: server.url,
      extraConfig: 'judge: openai/gpt-4o-mini\njudge_labels: test_cases/judge-labels.jsonl\n',
    });
    // The judge passes everything (1.0); people pass q1, q2 and fail q3.
    await writeFile(
      path.join(root, 'test_cases/judge-labels.jsonl'),
      [
        { id: 'q1', metric: 'judge.rubric', label: 1 },
        { id: 'q2', metric: 'judge.rubric', label: 1 },
        { id: 'q3', metric: 'judge.rubric', label: 0 },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const { record } = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      suites: ['qa'],
    });
    const row = record.judgeQuality?.find((r) => r.metric === 'judge.rubric');
    expect(row).toMatchObject({ labelled: 3, agreement: { kind: 'binary' } });
    expect(row?.judgeOnly?.estimate).toBe(1);
    // Bias measured on the labelled cases (1 − 2/3) is subtracted from the judge mean of 1.
    expect(row?.ppi?.estimate).toBeCloseTo(2 / 3, 12);
  });

  it('rejects a bad labels file with file, line and field', async () => {
    server = await judgeServer();
    const root = await createFixtureProject({
      openaiUrl: server.url,
      extraConfig: 'judge: openai/gpt-4o-mini\njudge_labels: labels.jsonl\n',
    });
    await writeFile(path.join(root, 'labels.jsonl'), '{"id":"q1","metric":"judge.rubric","label":"yes"}\n');
    const error = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: { OPENAI_API_KEY: 'test' },
      providers: ['openai/gpt-4o-mini'],
      suites: ['qa'],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).message).toMatch(/labels\.jsonl:1: label: /);
  });
});
