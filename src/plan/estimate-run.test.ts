// The plan against what a real run then does and what the server bills: a fake OpenAI server
// that counts usage with tiktoken, as OpenAI does, and the plan's calls, cached calls and cost
// checked against the run that follows.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureProject, referenceFor } from '../cli/__fixtures__/fixture-project.js';
import { loadConfig } from '../config/load-config.js';
import { evaluate } from '../pipeline/evaluate.js';
import { DEFAULT_PRICES } from '../providers/pricing.js';
import { getTokenizer } from '../providers/token-estimate.js';
import { buildBaseline, serializeBaseline } from '../run/baseline.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { estimateRun } from './estimate-run.js';

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const EXTRA_CASES = [
  ['q7', 'Within how many days can annual plans be refunded?', 'Within 14 days of purchase.'],
  ['q8', 'What does the Pro plan cost per user?', 'It costs 8 dollars per user per month.'],
  ['q9', 'Is there a size limit for synced files?', 'Yes, files up to 50 GB sync.'],
  ['q10', 'Does annual billing cost less?', 'Annual billing saves 20 percent.'],
  ['q11', 'May a file name end with a space?', 'No, file names cannot end with a space.'],
  ['q12', 'Are partial months refunded on monthly plans?', 'No, partial months are not refunded.'],
].map(([id, question, reference]) => ({ id, question, reference, relevant_docs: [], tags: ['extra'] }));

/** Bills like OpenAI: cookbook token counting of the messages, tiktoken for the answer. */
function billingServer(): Promise<{
  server: FakeOpenAIServer;
  billed: () => { input: number; output: number };
}> {
  const tokenizer = getTokenizer();
  let input = 0;
  let output = 0;
  return startFakeOpenAIServer({
    reply: (request) => {
      const messages = (request.body as { messages: { role: string; content: string }[] }).messages;
      const prompt = messages.map((m) => m.content).join('\n');
      const extra = EXTRA_CASES.find((c) => prompt.includes(c.question))?.reference;
      // Answers of varying length: the reference, and for questions of odd length a sentence of
      // hedging (per case, not per arrival, so the bill does not depend on completion order).
      const question = prompt.match(/Question: (.*)/)?.[1] ?? '';
      const hedge = ' The help centre article says so.'.repeat(question.length % 2);
      const content = `${referenceFor(prompt) ?? extra ?? 'I do not know.'}${hedge}`;
      const promptTokens =
        3 + messages.reduce((acc, m) => acc + 3 + tokenizer.count(m.role) + tokenizer.count(m.content), 0);
      const completionTokens = tokenizer.count(content);
      input += promptTokens;
      output += completionTokens;
      return { content, usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens } };
    },
  }).then((s) => ({ server: s, billed: () => ({ input, output }) }));
}

const PRICE = DEFAULT_PRICES['gpt-4o-mini'];
const usd = (t: { input: number; output: number }) =>
  (t.input * PRICE.inputPerMTok + t.output * PRICE.outputPerMTok) / 1e6;

describe('estimateRun against the fake server', () => {
  it('counts cached calls with the run’s cache key and prices the rest within 5% of the bill', async () => {
    const fake = await billingServer();
    server = fake.server;
    const root = await createFixtureProject({ openaiUrl: server.url });
    const configPath = path.join(root, 'eval/evalgate.yaml');
    const env = { OPENAI_API_KEY: 'test' };
    const providers = ['openai/gpt-4o-mini'];

    // Nothing cached, no baseline: outputs are bounded by the prompt's max_tokens.
    const cold = await estimateRun({ loaded: await loadConfig(configPath, env), env, providers });
    expect(cold).toMatchObject({ modelCalls: 6, cachedCalls: 0, paidCalls: 6, outputTokens: 6 * 200 });
    expect(cold.groups[0].outputSources).toEqual(['max_tokens']);
    expect(server.requests).toHaveLength(0); // planning calls no model

    const first = await evaluate({ configPath, env, providers });
    const firstBill = fake.billed();
    expect(usd(firstBill)).toBeGreaterThan(0);
    await writeFile(
      path.join(root, 'reports/baseline.json'),
      serializeBaseline(buildBaseline(first.record, first.results, 'now')),
    );

    // Six more cases: the six old ones are in the cache, the six new ones are priced with the
    // baseline's measured output length.
    await appendFile(
      path.join(root, 'test_cases/qa.jsonl'),
      `${EXTRA_CASES.map((c) => JSON.stringify(c)).join('\n')}\n`,
    );
    const loaded = await loadConfig(configPath, env);
    const plan = await estimateRun({ loaded, env, providers });
    expect(plan).toMatchObject({ modelCalls: 12, cachedCalls: 6, paidCalls: 6 });
    expect(plan.groups[0].outputSources).toEqual(['baseline']);
    const batch = await estimateRun({ loaded, env, providers, batch: true });
    expect(batch.costUsd).toBeCloseTo(plan.costUsd / 2, 12);
    // A repeat is a different request (repeatIndex is in the cache key): only repeat 0 is cached.
    const repeated = await estimateRun({ loaded, env, providers, repeat: 2 });
    expect(repeated).toMatchObject({ modelCalls: 24, cachedCalls: 6 });

    const before = server.requests.length;
    const second = await evaluate({ configPath, env, providers });
    const requests = server.requests.length - before;
    expect(requests).toBe(6);
    expect(second.results.filter((r) => r.cached)).toHaveLength(6);
    const bill = fake.billed();
    const secondBill = { input: bill.input - firstBill.input, output: bill.output - firstBill.output };
    expect(plan.inputTokens).toBe(secondBill.input); // same request, same tokenizer: exact
    expect(Math.abs(plan.costUsd - usd(secondBill)) / usd(secondBill)).toBeLessThan(0.05);
    // What the run itself recorded agrees with the bill.
    const recorded = second.results.reduce((acc, r) => acc + (r.cached ? 0 : (r.costUsd ?? 0)), 0);
    expect(recorded).toBeCloseTo(usd(secondBill), 12);
  });

  it('says so when the prompt changes: nothing is cached any more', async () => {
    const fake = await billingServer();
    server = fake.server;
    const root = await createFixtureProject({ openaiUrl: server.url });
    const configPath = path.join(root, 'eval/evalgate.yaml');
    const env = { OPENAI_API_KEY: 'test' };
    const providers = ['openai/gpt-4o-mini'];
    await evaluate({ configPath, env, providers });
    const promptFile = path.join(root, 'prompts/answer/v1.md');
    await writeFile(
      promptFile,
      (await readFile(promptFile, 'utf8')).replace('Answer from', 'Answer only from'),
    );
    const plan = await estimateRun({ loaded: await loadConfig(configPath, env), env, providers });
    expect(plan).toMatchObject({ modelCalls: 6, cachedCalls: 0 });
    const noCache = await estimateRun({
      loaded: await loadConfig(configPath, env),
      env,
      providers,
      useCache: false,
    });
    expect(noCache.cachedCalls).toBe(0);
  });
});
