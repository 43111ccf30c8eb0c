// Eval/serve parity on the bundled sample: every case of support-qa and intent goes through
// `evalgate eval` (in-process) and through the real HTTP server, and the answers, labels,
// confidences, contexts and citations are byte-identical. A baseline accepted from that eval
// run is what the server checks at start-up, so this also proves the accept → serve round trip.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadConfig } from '../config/load-config.js';
import { systemClock } from '../core/clock.js';
import { evaluate } from '../pipeline/evaluate.js';
import { buildBaseline, serializeBaseline } from '../run/baseline.js';
import type { CaseResult, RunRecord } from '../run/types.js';
import { findCitationMarkers } from '../scorers/citation-markers.js';
import { withServingReference } from './attach-serving-reference.js';
import { inProcess, loadServingPipeline } from './load-serving-pipeline.js';
import { startServe, type RunningServer } from './start-serve.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SUITES = ['support-qa', 'intent'];

let dir: string;
let config: string;
let results: CaseResult[];
let record: RunRecord;
let server: RunningServer;

async function writeConfig(patch: (c: Record<string, unknown>) => void): Promise<string> {
  const raw = parse(await readFile(path.join(ROOT, 'eval/evalgate.yaml'), 'utf8')) as Record<string, unknown>;
  raw.root = ROOT;
  raw.reports_dir = dir;
  raw.experiments_log = path.join(dir, 'experiment_log.md');
  (raw.gate as Record<string, unknown>).baseline = path.join(dir, 'baseline.json');
  patch(raw);
  const file = path.join(dir, `evalgate-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, stringify(raw));
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'evalgate-parity-'));
  config = await writeConfig(() => {});
  const outcome = await evaluate({ configPath: config, env: {}, suites: SUITES, useCache: false });
  results = outcome.results;
  record = outcome.record;
  const loaded = await loadConfig(config, {});
  const baseline = await withServingReference(buildBaseline(record, results, '2026-01-01T00:00:00.000Z'), {
    loaded,
    record,
    results,
    env: {},
  });
  await writeFile(path.join(dir, 'baseline.json'), serializeBaseline(baseline));
  server = await startServe({
    configPath: config,
    env: {},
    clock: systemClock,
    newId: () => `r-${Math.random().toString(36).slice(2)}`,
    host: '127.0.0.1',
    port: 0,
    log: path.join(dir, 'inference.jsonl'),
    logStream: new PassThrough().resume(),
    loadPipeline: (file) =>
      loadServingPipeline({ configPath: file, env: {}, clock: systemClock, suites: SUITES }),
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function send(r: CaseResult): Promise<Record<string, unknown>> {
  const classify = r.task === 'classify';
  const res = await fetch(`${server.url}/v1/${classify ? 'classify' : 'answer'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      classify ? { input: r.input, suite: r.suite } : { question: r.input, suite: r.suite },
    ),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

async function inBatches<T, U>(items: T[], size: number, fn: (t: T) => Promise<U>): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

describe('eval/serve parity on the sample', () => {
  it('serves what was evaluated: the start-up check passes and names the evaluated prompts', () => {
    expect(server.pipeline.unevaluated).toEqual([]);
    expect(server.pipeline.suites.map((s) => `${s.name}:${s.route}`)).toEqual([
      'support-qa:answer',
      'intent:classify',
    ]);
  });

  it('every support-qa case: answer, citations and contexts byte-identical to the eval', async () => {
    const cases = results.filter((r) => r.suite === 'support-qa');
    expect(cases.length).toBeGreaterThan(100);
    const served = await inBatches(cases, 8, send);
    const evalSide = cases.map((r) => ({
      answer: r.output,
      citations: findCitationMarkers(r.output ?? ''),
      contexts: (r.context?.included ?? []).map((id) => ({
        id,
        score: r.retrieval!.chunks.find((c) => c.id === id)!.score,
      })),
      prompt: r.promptVersion,
    }));
    const serveSide = served.map((b) => ({
      answer: b.answer,
      citations: b.citations,
      contexts: (b.contexts as { id: string; score: number }[]).map((c) => ({ id: c.id, score: c.score })),
      prompt: `${b.prompt_version}#${b.prompt_hash}`,
    }));
    expect(JSON.stringify(serveSide)).toBe(JSON.stringify(evalSide));
    for (const b of served)
      for (const c of b.contexts as { text: string }[]) expect(c.text.length).toBeGreaterThan(0);
  }, 60_000);

  it('every intent case: label, confidence, probabilities byte-identical; needs_review from the accepted threshold', async () => {
    const cases = results.filter((r) => r.suite === 'intent');
    const threshold = record.summary.find((s) => s.suite === 'intent')!.classification!.reviewThreshold!
      .threshold!;
    const served = await inBatches(cases, 8, send);
    const evalSide = cases.map((r) => ({
      label: r.predicted ?? null,
      confidence: r.confidence,
      probabilities: r.labelProbabilities,
      needs_review: r.predicted == null || (r.confidence as number) < threshold,
    }));
    const serveSide = served.map((b) => ({
      label: b.label,
      confidence: b.confidence,
      probabilities: b.probabilities,
      needs_review: b.needs_review,
    }));
    expect(JSON.stringify(serveSide)).toBe(JSON.stringify(evalSide));
    // Both sides of the threshold occur, so the review flag is really being tested.
    expect(new Set(serveSide.map((s) => s.needs_review))).toEqual(new Set([true, false]));
  }, 60_000);

  it('refuses to start (exit-2 error) when a provider setting differs from the accepted baseline', async () => {
    const changed = await writeConfig((c) => {
      c.providers = [{ id: 'local/extractive', timeout_ms: 1234 }];
    });
    await expect(
      loadServingPipeline({ configPath: changed, env: {}, clock: systemClock, suites: ['intent'] }),
    ).rejects.toMatchObject({
      exitCode: 2,
      code: 'SERVE_UNEVALUATED',
      message: expect.stringContaining('provider local/extractive timeout_ms: baseline 60000, now 1234'),
    });
    const allowed = await loadServingPipeline({
      configPath: changed,
      env: {},
      clock: systemClock,
      suites: ['intent'],
      allowUnevaluated: true,
    });
    expect(allowed.unevaluated).toEqual(['provider local/extractive timeout_ms: baseline 60000, now 1234']);
    // In-process model: many warm-up inputs (the JIT sees varied data).
    expect(allowed.suites[0].samples.length).toBeGreaterThan(1);
    expect(allowed.suites[0].warmUpRounds).toBe(10);
    await allowed.close();
  });

  it('warms a model behind a network call with one input per suite (each warm-up request is a real call)', async () => {
    const remote = await writeConfig((c) => {
      c.providers = [{ id: 'openai/gpt-4o-mini', base_url: 'http://127.0.0.1:9/v1' }];
    });
    const pipeline = await loadServingPipeline({
      configPath: remote,
      env: { OPENAI_API_KEY: 'sk-warm-up-test' },
      clock: systemClock,
      suites: ['intent'],
      allowUnevaluated: true,
    });
    expect(pipeline.suites.map((s) => s.samples.length)).toEqual([1]);
    // ...and the default two rounds, not the in-process ten.
    expect(pipeline.suites[0].warmUpRounds).toBeUndefined();
    await pipeline.close();
  });

  it("keeps ten rounds for evalgate's own local parts only: a module provider or retriever module is the user's code, maybe a paid call", () => {
    type Rag = NonNullable<Parameters<typeof inProcess>[1]>;
    const rag = { embedder: 'local/hash', retrieve: { rerank: undefined } } as unknown as Rag;
    const suite = (id: string, task = 'rag-qa') => ({ models: [{ id }], config: { task } });
    expect(inProcess(suite('local/extractive'), rag)).toBe(true);
    expect(inProcess(suite('replay/run-1', 'classify'), undefined)).toBe(true);
    expect(inProcess(suite('module/app.mjs#answer'), rag)).toBe(false);
    expect(inProcess(suite('module/app.mjs#label', 'classify'), undefined)).toBe(false);
    expect(inProcess(suite('local/extractive'), { ...rag, retriever: 'module/r.mjs#search' })).toBe(false);
    expect(inProcess(suite('local/extractive'), { ...rag, embedder: 'openai/text-embedding-3-small' })).toBe(
      false,
    );
  });
});
