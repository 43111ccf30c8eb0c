// Fixture projects for the batch tests: the CLI fixture (six rag-qa cases) pointed at a fake
// OpenAI or Anthropic server, and helpers to read what the fake servers received.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFixtureProject } from '../../cli/__fixtures__/fixture-project.js';
import type { RecordedRequest } from '../../testing/fake-http-server.js';

/** The config path of a fixture project whose OpenAI provider points at `url`. */
export async function openAIProject(url: string): Promise<string> {
  const root = await createFixtureProject({ openaiUrl: url });
  return path.join(root, 'eval/evalgate.yaml');
}

/** The same project with an Anthropic provider at `url` instead. */
export async function anthropicProject(url: string): Promise<string> {
  const root = await createFixtureProject();
  const file = path.join(root, 'eval/evalgate.yaml');
  const config = (await readFile(file, 'utf8')).replace(
    '  - id: local/extractive',
    `  - id: local/extractive\n  - id: anthropic/claude-3-5-haiku-latest\n    base_url: ${url}\n    max_retries: 1\n    timeout_ms: 5000`,
  );
  await writeFile(file, config);
  return file;
}

/** Every text of a chat or Messages request body, joined (system included). */
export function promptOf(request: RecordedRequest): string {
  const body = request.body as { system?: string; messages?: { content: unknown }[] };
  const texts = (body.messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : ''));
  return [body.system ?? '', ...texts].join('\n');
}

/** Direct (per-call) chat completions the fake OpenAI server answered. */
export function chatCalls(server: { requests: RecordedRequest[] }): number {
  return server.requests.filter((r) => r.path === '/v1/chat/completions').length;
}
