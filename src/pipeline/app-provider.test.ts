// End to end through evaluate(): a rag-qa suite answered by the user's own application (the
// example RAG service over HTTP, and the same code as a module) — no `rag` block, no prompt —
// is scored by the retrieval, answer and hallucination scorers from the app's own contexts.
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config.js';
import { InputError } from '../core/errors.js';
import { createModuleClosers } from '../providers/module/module-closers.js';
import { createAppProject, EXAMPLE_APP } from './__fixtures__/app-project.js';
import { evaluate } from './evaluate.js';

const TOKEN = 'app-token-canary-5d41402abc4b2a76';

interface Service {
  url: string;
  close(): Promise<void>;
}
let service: Service | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

async function startService(): Promise<Service> {
  const { startRagService } = (await import(path.join(EXAMPLE_APP, 'app/rag-service.mjs'))) as {
    startRagService(o: { token: string }): Promise<Service>;
  };
  return startRagService({ token: TOKEN });
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('evaluating your own app', () => {
  it('scores the app’s own contexts with every RAG scorer, and never writes the header secret', async () => {
    service = await startService();
    const root = await createAppProject();
    const env = { APP_URL: service.url, APP_TOKEN: TOKEN };
    const { results, record, runDir } = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env,
      useCache: false,
    });
    expect(results).toHaveLength(10); // 5 cases × 2 providers
    expect(results.filter((r) => r.error)).toEqual([]);
    const http = results.filter((r) => r.provider === 'http/support-bot');
    const byId = Object.fromEntries(http.map((r) => [r.caseId, r]));
    // refund-time: the service returns one passage, refunds.md#0 → document refunds.md (relevant).
    expect(byId['refund-time'].retrieval).toEqual({
      chunks: [{ id: 'refunds.md#0', docId: 'refunds.md', score: 0.333 }],
      docs: ['refunds.md'],
    });
    expect(byId['refund-time'].scores['retrieval.recall@5']).toBe(1);
    expect(byId['refund-time'].scores['retrieval.mrr']).toBe(1);
    expect(byId['refund-time'].scores['answer.f1']).toBe(1);
    expect(byId['refund-time'].scores['hallucination.rate']).toBe(0);
    expect(byId['refund-time'].scores.groundedness).toBe(1);
    expect(byId['refund-time'].usage).toEqual({ inputTokens: 6, outputTokens: 10, estimated: false });
    expect(byId['refund-time'].attribution).toBe('pass');
    // The module provider runs the same code in-process, so it must agree case by case.
    for (const r of results.filter((x) => x.provider.startsWith('module/')))
      expect(r.scores).toEqual(byId[r.caseId].scores);
    // Suite metrics (with intervals) come from these per-case values.
    const summary = record.summary.find((s) => s.provider === 'http/support-bot')!;
    const recall = http.map((r) => r.scores['retrieval.recall@5']).filter((v): v is number => v !== null);
    expect(summary.metrics['retrieval.recall@5'].value).toBeCloseTo(
      recall.reduce((a, b) => a + b, 0) / recall.length,
      6,
    );
    expect(Object.keys(summary.metrics)).toContain('relevance.context');

    for (const file of await allFiles(root)) expect(await readFile(file, 'utf8'), file).not.toContain(TOKEN);
    expect(JSON.stringify(record)).not.toContain(TOKEN);
    expect(runDir.startsWith(root)).toBe(true);
  });

  it('keeps the config hash when the token rotates (it covers the template, not the secret)', async () => {
    const root = await createAppProject();
    const text = await readFile(path.join(root, 'eval/evalgate.yaml'), 'utf8');
    const a = parseConfig({
      text,
      file: 'eval/evalgate.yaml',
      absolute: path.join(root, 'eval/evalgate.yaml'),
      env: { APP_URL: 'http://127.0.0.1:1', APP_TOKEN: 'rotated-token-1' },
    });
    const b = parseConfig({
      text,
      file: 'eval/evalgate.yaml',
      absolute: path.join(root, 'eval/evalgate.yaml'),
      env: { APP_URL: 'http://127.0.0.1:1', APP_TOKEN: 'rotated-token-2' },
    });
    expect(a.hash).toBe(b.hash);
    expect(JSON.stringify(a.config)).not.toContain('rotated-token');
    // Changing the template itself is a config change.
    const c = parseConfig({
      text: text.replace('top_k: "{{vars.top_k}}"', 'top_k: 3'),
      file: 'x',
      absolute: path.join(root, 'eval/evalgate.yaml'),
      env: { APP_URL: 'u', APP_TOKEN: 'one' },
    });
    expect(c.hash).not.toBe(a.hash);
  });

  it('records a service that is down as per-case errors instead of crashing the run', async () => {
    const root = await createAppProject({
      providers: `  - id: http/support-bot
    url: http://127.0.0.1:9/answer
    max_retries: 0
    timeout_ms: 2000
    response: { output: $.answer }
`,
    });
    const { results, record } = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: {},
      useCache: false,
    });
    expect(results).toHaveLength(5);
    expect(results.every((r) => r.error?.code === 'PROVIDER_NETWORK')).toBe(true);
    expect(record.manifest.counts.errors).toBe(5);
  });

  it('scores the provider’s contexts, not the built-in retrieval, when a rag block also exists', async () => {
    const root = await createAppProject({
      providers: `  - id: module/app/fixed.mjs#fixed
`,
      extraConfig: 'rag:\n  corpus: docs\n  retrieve: { k: 3 }\n',
    });
    await cp(path.join(EXAMPLE_APP, 'docs'), path.join(root, 'docs'), { recursive: true });
    await writeFile(
      path.join(root, 'app/fixed.mjs'),
      "export const fixed = async () => ({ output: 'Annual plans can be refunded in full within 14 days of purchase.', contexts: [{ id: 'pricing.md#0', text: 'The Pro plan costs 8 dollars.' }, { id: 'refunds.md#0', text: 'Annual plans can be refunded in full within 14 days of purchase.' }] });\n",
    );
    const { results } = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: {},
      useCache: false,
    });
    const refund = results.find((r) => r.caseId === 'refund-annual')!;
    expect(refund.retrieval?.docs).toEqual(['pricing.md', 'refunds.md']);
    expect(refund.context).toBeUndefined(); // the built-in assembly was not what the app used
    expect(refund.scores['retrieval.mrr']).toBe(0.5); // relevant refunds.md at rank 2
    expect(refund.scores['retrieval.precision@3']).toBeCloseTo(1 / 3, 6); // 1 relevant in a 3-deep list
    // A case whose relevant document the app never returned: a retrieval miss.
    const sso = results.find((r) => r.caseId === 'sso-plan')!;
    expect(sso.scores['retrieval.recall@3']).toBe(0);
    expect(sso.attribution).toBe('retrieval-miss');
    // The app had the relevant document and answered wrongly: generation, not context overflow.
    const price = results.find((r) => r.caseId === 'pro-price')!;
    expect(price.scores['retrieval.recall@3']).toBe(1);
    expect(price.attribution).toBe('generation-error');
  });

  it('scores replayed outputs with the contexts stored beside them (no rag block)', async () => {
    const root = await createAppProject({ providers: '  - id: local/extractive\n' });
    const cfg = path.join(root, 'eval/evalgate.yaml');
    await writeFile(
      cfg,
      (await readFile(cfg, 'utf8')).replace('    cases:', '    outputs: outputs.jsonl\n    cases:'),
    );
    const cases = (await readFile(path.join(root, 'test_cases/support-qa.jsonl'), 'utf8')).trim().split('\n');
    const lines = cases.map((l) => {
      const c = JSON.parse(l) as { id: string; reference: string; relevant_docs: string[] };
      return JSON.stringify({
        id: c.id,
        output: c.reference,
        contexts: [{ id: `${c.relevant_docs[0]}#0`, text: c.reference }],
      });
    });
    await writeFile(path.join(root, 'outputs.jsonl'), `${lines.join('\n')}\n`);
    const { results } = await evaluate({ configPath: cfg, env: {}, useCache: false });
    expect(results).toHaveLength(5);
    for (const r of results) {
      expect(r.scores['retrieval.recall@5']).toBe(1);
      expect(r.scores['answer.f1']).toBe(1);
      expect(r.scores.groundedness).toBe(1);
    }
  });

  it('rag.retriever: the user’s retriever replaces the built-in index for retrieval and rag-qa suites', async () => {
    const root = await createAppProject({
      providers: '  - id: local/extractive\n',
      extraConfig: `  - name: find
    task: retrieval
    cases: test_cases/find.jsonl
rag:
  retriever: module/app/retriever.mjs#search
  retrieve: { k: 2 }
`,
    });
    // A rag-qa suite with the built-in model needs a prompt.
    await mkdir(path.join(root, 'prompts/qa'), { recursive: true });
    await writeFile(
      path.join(root, 'prompts/qa/v1.md'),
      '---\ntemperature: 0\n---\nAnswer from the context.\n\n{{context}}\n\nQuestion: {{question}}\n',
    );
    const cfg = path.join(root, 'eval/evalgate.yaml');
    await writeFile(
      cfg,
      (await readFile(cfg, 'utf8')).replace('    task: rag-qa\n', '    task: rag-qa\n    prompt: qa@v1\n'),
    );
    await writeFile(
      path.join(root, 'app/retriever.mjs'),
      `import { loadPassages } from ${JSON.stringify(path.join(EXAMPLE_APP, 'app/rag-service.mjs'))};
const passages = loadPassages(${JSON.stringify(path.join(EXAMPLE_APP, 'docs'))});
// Deliberately ranks the relevant document second for "refund" queries.
let searches = 0;
let ended = false;
export async function search(query, { k }) {
  if (ended) throw new Error('the pool has ended');
  searches += 1;
  const q = query.toLowerCase();
  const order = q.includes('refund') ? ['pricing.md#0', 'refunds.md#0'] : q.includes('sso') ? ['sso.md#0'] : [];
  return order.map((id) => passages.find((p) => p.id === id)).map((p) => ({ id: p.id, text: p.text })).slice(0, k);
}
// What evalgate calls when the run ends: records how many searches had been made by then.
export function close() {
  ended = true;
  (globalThis.retrieverClosedAfter ??= []).push(searches);
}
`,
    );
    await writeFile(
      path.join(root, 'test_cases/find.jsonl'),
      '{"id":"f1","query":"refund an annual plan","relevant_docs":["refunds.md"]}\n{"id":"f2","query":"sso setup","relevant_docs":{"sso.md":2}}\n{"id":"f3","query":"sync limits","relevant_docs":["sync-limits.md"]}\n',
    );
    const notes: string[] = [];
    const moduleClosers = createModuleClosers({ onNote: (n) => notes.push(n) });
    const run = () =>
      evaluate({ configPath: cfg, env: {}, useCache: false, onNote: (n) => notes.push(n), moduleClosers });
    // Twice in one process, as a sweep does: the second run gets the same module instance, so
    // evaluate() must leave closing to its caller.
    await run();
    const closedAfter = () => (globalThis as { retrieverClosedAfter?: number[] }).retrieverClosedAfter;
    expect(closedAfter()).toBeUndefined();
    const { results, record } = await run();
    expect(results.filter((r) => r.error)).toEqual([]);
    await moduleClosers.closeAll();
    // The module's close export ran once, after every search of both runs.
    expect(closedAfter()).toHaveLength(1);
    expect(closedAfter()![0]).toBeGreaterThan(6);
    expect(notes.join('\n')).toContain('retrieving with module/app/retriever.mjs#search');
    expect(record.manifest.corpusHash).toBeNull();
    const find = Object.fromEntries(results.filter((r) => r.suite === 'find').map((r) => [r.caseId, r]));
    expect(find.f1.retrieval?.docs).toEqual(['pricing.md', 'refunds.md']);
    expect(find.f1.scores['retrieval.mrr']).toBe(0.5);
    expect(find.f2.scores['retrieval.mrr']).toBe(1);
    expect(find.f3.scores['retrieval.recall@2']).toBe(0);
    // rag-qa: the model is given the retriever's passages.
    const refund = results.find((r) => r.suite === 'support' && r.caseId === 'refund-annual')!;
    expect(refund.context?.included).toEqual(['pricing.md#0', 'refunds.md#0']);
    expect(refund.scores['answer.f1']).toBeGreaterThan(0.5);
  });

  it('rejects bad provider config with file:line: field before any call', async () => {
    const root = await createAppProject();
    const file = path.join(root, 'eval/evalgate.yaml');
    const text = await readFile(file, 'utf8');
    const parse = (t: string, env: Record<string, string> = { APP_URL: 'u', APP_TOKEN: 't' }) => {
      try {
        parseConfig({ text: t, file: 'eval/evalgate.yaml', absolute: file, env });
        return 'parsed';
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as Error).message;
      }
    };
    expect(parse(text)).toBe('parsed');
    expect(parse(text, { APP_URL: 'u' })).toBe(
      'eval/evalgate.yaml:6: providers.0.headers.Authorization: environment variable APP_TOKEN is not set',
    );
    expect(parse(text.replace('{{vars.top_k}}', '{{topk}}'))).toMatch(
      /^eval\/evalgate\.yaml:7: providers\.0\.body: unknown template variable \{\{topk\}\}/,
    );
    expect(parse(text.replace('output: $.answer', 'output: answer'))).toMatch(
      /^eval\/evalgate\.yaml:9: providers\.0\.response\.output: expected a JSON path/,
    );
    expect(parse(text.replace('    url: ${APP_URL}/answer\n', ''))).toMatch(
      /^eval\/evalgate\.yaml:\d+: providers\.0\.url: required for http providers/,
    );
    expect(
      parse(text.replace('  - id: http/support-bot\n', '  - http/bare\n  - id: http/support-bot\n')),
    ).toMatch(/^eval\/evalgate\.yaml:3: providers\.0: url: required for http providers/);
    expect(parse(text.replace('method: POST', 'method: GET'))).toMatch(
      /^eval\/evalgate\.yaml:7: providers\.0\.body: a GET request carries no body/,
    );
    expect(parse(text.replace('${APP_URL}/answer', 'not a url'))).toMatch(
      /^eval\/evalgate\.yaml:4: providers\.0\.url: not a valid URL: not a url/,
    );
    expect(parse(text.replace('answer.mjs#', 'missing.mjs#'))).toMatch(
      /^eval\/evalgate\.yaml:12: providers\.1\.id: module file not found: app\/missing\.mjs/,
    );
    expect(
      parse(
        text.replace(
          '  - id: module/app/answer.mjs#answerQuestion',
          '  - id: local/extractive\n    url: http://x',
        ),
      ),
    ).toMatch(/providers\.1\.url: only http providers take "url"/);
  });
});
