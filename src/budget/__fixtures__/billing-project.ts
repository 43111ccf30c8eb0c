// A fixture project against a fake OpenAI server that bills every call in call order: by
// default exactly what the plan estimates (tiktoken input with OpenAI's per-message overhead,
// the prompt's full max_tokens of output), or `factor` times those tokens, to play a provider
// whose real usage runs ahead of the estimate. The budget tests pin their arithmetic to it.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFixtureProject, referenceFor } from '../../cli/__fixtures__/fixture-project.js';
import { evaluate } from '../../pipeline/evaluate.js';
import { DEFAULT_PRICES } from '../../providers/pricing.js';
import { getTokenizer } from '../../providers/token-estimate.js';
import { buildBaseline, serializeBaseline } from '../../run/baseline.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../testing/index.js';

const PRICE = DEFAULT_PRICES['gpt-4o-mini'];
/** The fixture prompt's max_tokens. */
export const MAX_TOKENS = 200;

/** Bills every call at `factor` × its cookbook input count and `factor` × max_tokens output. */
export async function billingServer(factor = 1): Promise<{ server: FakeOpenAIServer; bills: number[] }> {
  const tokenizer = getTokenizer();
  const bills: number[] = [];
  const server = await startFakeOpenAIServer({
    reply: (request) => {
      const messages = (request.body as { messages: { role: string; content: string }[] }).messages;
      const counted =
        3 + messages.reduce((acc, m) => acc + 3 + tokenizer.count(m.role) + tokenizer.count(m.content), 0);
      const input = counted * factor;
      const output = MAX_TOKENS * factor;
      bills.push((input * PRICE.inputPerMTok + output * PRICE.outputPerMTok) / 1e6);
      const prompt = messages.map((m) => m.content).join('\n');
      return {
        content: referenceFor(prompt) ?? 'unknown',
        usage: { prompt_tokens: input, completion_tokens: output },
      };
    },
  });
  return { server, bills };
}

/**
 * The fixture project (six qa cases) on a billing server, and each call's bill from one
 * unlimited run in job order (concurrency 1), so `perCall[i]` is case q(i+1)'s bill.
 */
export async function billingProject(factor = 1) {
  const fake = await billingServer(factor);
  const root = await createFixtureProject({ openaiUrl: fake.server.url });
  const base = {
    configPath: path.join(root, 'eval/evalgate.yaml'),
    env: {},
    providers: ['openai/gpt-4o-mini'],
    useCache: false,
  };
  const full = await evaluate({ ...base, concurrency: 1 });
  const perCall = [...fake.bills];
  fake.bills.length = 0;
  const acceptBaseline = () =>
    writeFile(
      path.join(root, 'reports/baseline.json'),
      serializeBaseline(buildBaseline(full.record, full.results, 'now')),
    );
  return { server: fake.server, root, base, perCall, bills: fake.bills, acceptBaseline };
}
