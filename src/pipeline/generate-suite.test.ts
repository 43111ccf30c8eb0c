// Issue 9's "done when" for assertions: a `generate` suite scored by assertions alone — suite
// defaults plus per-case json-schema, javascript, latency and rubric (the judge on a fake
// OpenAI server) — gives pass/fail metrics with intervals that appear in the console table and
// the report, meet or miss a target, and fail the gate when the app starts returning bad JSON.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeErrors } from '../analysis/error-analysis.js';
import { renderConsoleSummary } from '../reporters/console-table.js';
import { renderModelEvalReport } from '../reporters/markdown-report.js';
import { buildBaseline, serializeBaseline } from '../run/baseline.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/index.js';
import { evaluate } from './evaluate.js';

const SCHEMA = {
  type: 'object',
  required: ['intent', 'priority'],
  properties: {
    intent: { enum: ['billing', 'technical'] },
    priority: { type: 'integer', minimum: 1, maximum: 3 },
  },
};

let judge: FakeOpenAIServer | null = null;
afterEach(async () => {
  await judge?.close();
  judge = null;
  delete (globalThis as { __genBroken?: number }).__genBroken;
});

async function project(judgeUrl: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'evalgate-generate-'));
  for (const dir of ['eval', 'app', 'test_cases']) await mkdir(path.join(root, dir), { recursive: true });
  await writeFile(
    path.join(root, 'app/gen.mjs'),
    `// Routes a ticket to JSON. globalThis.__genBroken = n makes the first n tickets come back as prose.
export async function route(input, ctx) {
  const n = Number(ctx.caseId.slice(1));
  if (n <= (globalThis.__genBroken ?? 0)) return 'Sure! The intent is billing.';
  const tone = ctx.vars.rude ? 'Whatever. ' : '';
  return { output: JSON.stringify({ intent: n % 2 ? 'billing' : 'technical', priority: 1 + (n % 3), note: tone + 'ticket ' + n }) };
}
`,
  );
  await writeFile(
    path.join(root, 'app/checks.mjs'),
    `export function mentionsTicket(output, ctx) {
  const parsed = JSON.parse(output);
  return parsed.note.endsWith(ctx.caseId.slice(1)) ? true : { pass: false, reason: 'note names another ticket' };
}
`,
  );
  const cases = Array.from({ length: 20 }, (_, i) => {
    const id = `g${i + 1}`;
    const assert: unknown[] = [
      { type: 'json-schema', value: SCHEMA },
      { type: 'javascript', value: 'app/checks.mjs#mentionsTicket' },
    ];
    if (i < 4)
      assert.push({ type: 'rubric', value: 'The note is polite.' }, { type: 'latency-ms', value: 60_000 });
    return JSON.stringify({
      id,
      input: `Ticket ${i + 1}: please help`,
      assert,
      ...(i === 3 ? { vars: { rude: true } } : {}),
    });
  });
  await writeFile(path.join(root, 'test_cases/gen.jsonl'), `${cases.join('\n')}\n`);
  await writeFile(
    path.join(root, 'eval/evalgate.yaml'),
    `name: generate-eval
providers:
  - id: module/app/gen.mjs#route
  - id: openai/gpt-4o-mini
    base_url: ${judgeUrl}
judge: openai/gpt-4o-mini
suites:
  - name: gen
    task: generate
    cases: test_cases/gen.jsonl
    providers: [module/app/gen.mjs#route]
    assert:
      - type: is-json
      - type: not-contains
        value: Sure!
targets:
  gen:
    assert.pass: ">= 0.9"
gate:
  max_drop:
    assert.pass: 0.05
`,
  );
  return root;
}

describe('generate suites scored by assertions', () => {
  it('reports assertion metrics with intervals, meets a target, and fails the gate on a regression', async () => {
    judge = await startFakeOpenAIServer({
      reply: (request) => {
        const prompt = (request.body as { messages: { content: string }[] }).messages
          .map((m) => m.content)
          .join('\n');
        return JSON.stringify(
          prompt.includes('Whatever.') ? { score: 2, reason: 'rude' } : { score: 5, reason: 'polite' },
        );
      },
    });
    const root = await project(judge.url);
    const configPath = path.join(root, 'eval/evalgate.yaml');
    const env = { OPENAI_API_KEY: 'test-key' };
    const good = await evaluate({ configPath, env, suites: ['gen'], useCache: false });
    const byId = Object.fromEntries(good.results.map((r) => [r.caseId, r]));
    expect(byId.g1.scores).toEqual({
      'assert.is-json': 1,
      'assert.not-contains': 1,
      'assert.json-schema': 1,
      'assert.javascript': 1,
      'assert.rubric': 1,
      'assert.latency-ms': 1,
      'assert.pass': 1,
      'assert.score': 1,
    });
    expect(byId.g4.scores['assert.rubric']).toBe(0); // judge grade 2 of 5 → 0.25 < 0.75
    expect(byId.g4.scores['assert.pass']).toBe(0);
    expect(byId.g4.scores['assert.score']).toBeCloseTo(5 / 6, 6);
    expect(byId.g4.notes?.['assert.rubric']).toMatch(/judge grade 0\.25 < 0\.75: rude/);
    expect(byId.g4.attribution).toBe('generation-error');
    expect(byId.g1.judge?.inputTokens).toBeGreaterThan(0); // rubric judging is charged to the case

    const summary = good.record.summary[0];
    expect(summary.metrics['assert.pass'].value).toBeCloseTo(19 / 20, 6);
    expect(summary.metrics['assert.pass'].low).toBeLessThan(0.95);
    expect(summary.metrics['assert.pass'].high).toBeGreaterThan(0.95);
    expect(summary.metrics['assert.rubric'].value).toBeCloseTo(3 / 4, 6); // only the 4 cases that carry one
    expect(good.record.gate.status).toBe('pass');
    const console = renderConsoleSummary(good.record, { color: false, width: 160 });
    expect(console).toMatch(/assert\.pass 0\.950/);
    const report = renderModelEvalReport(good.record, analyzeErrors(good.results));
    expect(report).toContain('Assertions passed');

    await writeFile(
      path.join(root, 'reports/baseline.json'),
      serializeBaseline(buildBaseline(good.record, good.results, 'now')),
    );
    (globalThis as { __genBroken?: number }).__genBroken = 7; // seven tickets come back as prose
    const bad = await evaluate({ configPath, env, suites: ['gen'], useCache: false });
    const badSummary = bad.record.summary[0];
    expect(badSummary.metrics['assert.pass'].value).toBeCloseTo(13 / 20, 6); // g1–g7 fail (g4 among them)
    expect(badSummary.metrics['assert.is-json'].value).toBeCloseTo(13 / 20, 6);
    expect(bad.results.find((r) => r.caseId === 'g2')?.scores['assert.json-schema']).toBe(0);
    expect(bad.record.gate.status).toBe('fail');
    const failures = bad.record.gate.failures.filter((f) => f.metric === 'assert.pass').map((f) => f.kind);
    expect(failures.sort()).toEqual(['regression', 'target']);
  }, 60_000);

  it('stops before any call when a javascript assertion names a missing module', async () => {
    const root = await project('http://127.0.0.1:9/v1');
    const cases = path.join(root, 'test_cases/gen.jsonl');
    const text = await readFile(cases, 'utf8');
    await writeFile(cases, text.replace('app/checks.mjs#mentionsTicket', 'app/nope.mjs#check'));
    const error = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: {},
      suites: ['gen'],
    }).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      'test_cases/gen.jsonl:1: assert.1.value: javascript: module file not found: app/nope.mjs',
    );
    // An existing module without that export stops just as early, naming the cases file.
    await writeFile(cases, text.replace('app/checks.mjs#mentionsTicket', 'app/checks.mjs#nope'));
    const missingExport = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: {},
      suites: ['gen'],
    }).catch((e: Error) => e);
    expect((missingExport as Error).message).toBe(
      'test_cases/gen.jsonl:1: assert.1.value: javascript: app/checks.mjs has no exported function "nope"',
    );
  });
});
