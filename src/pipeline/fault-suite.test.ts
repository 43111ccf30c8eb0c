// The fault suite (issue 12): a real eval run (`evaluate()`, real openai SDK, fake server) with
// injected 429s, 500s, timeouts, resets, malformed bodies, and a server that dies mid-run. The
// invariant in every case: each case appears exactly once, scored or recorded as an error —
// nothing lost, nothing counted twice, no answer given to the wrong case.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureProject, referenceFor } from '../cli/__fixtures__/fixture-project.js';
import type { CaseResult } from '../run/types.js';
import { createFakeClock } from '../testing/fake-clock.js';
import type { FakeFailure } from '../testing/fake-failure.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../testing/fake-openai-server.js';
import type { FakeChatReply, FakeOpenAIServerOptions } from '../testing/fake-openai-server.js';
import type { RecordedRequest } from '../testing/fake-http-server.js';
import { evaluate } from './evaluate.js';
import type { Progress } from './run-jobs.js';

const CASES = 30;
const QUESTIONS = [
  'Can annual plans be refunded?',
  'How much does the Pro plan cost?',
  'What is the maximum file size for sync?',
  'How much does annual billing save?',
  'Can file names end with a space?',
  'Are monthly plans refunded for partial months?',
];

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Answers every question correctly; `answered` counts the normal (non-injected) answers. */
type ServerOptions = Omit<FakeOpenAIServerOptions, 'reply'> & {
  /** A reply of its own for some requests (`undefined`: the correct answer). */
  override?: (request: RecordedRequest) => FakeChatReply | undefined;
};

async function startServer(options: ServerOptions = {}) {
  const counts = { answered: 0 };
  server = await startFakeOpenAIServer({
    ...options,
    reply: (request) => {
      counts.answered++;
      const scripted = options.override?.(request);
      if (scripted !== undefined) return scripted;
      const prompt = (request.body as { messages: { content: string }[] }).messages
        .map((m) => m.content)
        .join('\n');
      return referenceFor(prompt) ?? 'unknown';
    },
  });
  return { server, counts };
}

async function project(url: string, provider: string): Promise<string> {
  const root = await createFixtureProject({ openaiUrl: url });
  const configFile = path.join(root, 'eval/evalgate.yaml');
  const config = await readFile(configFile, 'utf8');
  await writeFile(
    configFile,
    config
      .replace('    max_retries: 1\n    timeout_ms: 5000', provider)
      .replace('concurrency: 4', 'concurrency: 6'),
  );
  const cases = Array.from({ length: CASES }, (_, i) => ({
    id: `c${String(i).padStart(2, '0')}`,
    question: `${QUESTIONS[i % QUESTIONS.length]} (asked ${i})`,
    reference: referenceFor(QUESTIONS[i % QUESTIONS.length]),
  }));
  await writeFile(
    path.join(root, 'test_cases/qa.jsonl'),
    `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`,
  );
  return root;
}

async function run(root: string) {
  const outcome = await evaluate({
    configPath: path.join(root, 'eval/evalgate.yaml'),
    env: { OPENAI_API_KEY: 'sk-fault-suite' },
    providers: ['openai/gpt-4o-mini'],
    useCache: false,
    // Backoff sleeps pass at once; the SDK's timeout is real, so hangs are kept short.
    clock: createFakeClock(),
  });
  const lines = (await readFile(path.join(outcome.runDir, 'results.jsonl'), 'utf8')).trim().split('\n');
  const onDisk = lines.map((l) => JSON.parse(l) as CaseResult);
  return { ...outcome, onDisk };
}

/** Every case exactly once in memory and on disk; each scored or with an error; answers match their case. */
function expectEachCaseOnce(
  results: CaseResult[],
  onDisk: CaseResult[],
): { scored: CaseResult[]; errors: CaseResult[] } {
  for (const list of [results, onDisk]) {
    const ids = list.map((r) => r.caseId).sort();
    expect(ids).toEqual(Array.from({ length: CASES }, (_, i) => `c${String(i).padStart(2, '0')}`));
  }
  const scored = onDisk.filter((r) => !r.error);
  const errors = onDisk.filter((r) => r.error);
  for (const r of scored) {
    expect(r.output, r.caseId).toBe(referenceFor(QUESTIONS[Number(r.caseId.slice(1)) % QUESTIONS.length]));
    expect(r.scores['answer.f1']).toBe(1);
  }
  for (const r of errors) {
    expect(r.output ?? '').toBe('');
    expect(r.error?.code).toMatch(/^PROVIDER_/);
  }
  expect(onDisk.find((r) => JSON.stringify(r).includes('sk-fault-suite'))).toBeUndefined();
  return { scored, errors };
}

const PROVIDER = (retries: number, timeoutMs = 5000) =>
  `    max_retries: ${retries}\n    timeout_ms: ${timeoutMs}`;

describe('fault suite: a real eval run against a failing server', () => {
  it('429s, 500s, 503s, timeouts and resets, each followed by a good answer: every case scored once', async () => {
    const failures: FakeFailure[] = [];
    for (let i = 0; i < 2; i++) {
      failures.push(
        { status: 429, retryAfter: '1' },
        { status: 500 },
        { hangMs: 2000 },
        { reset: true },
        { status: 503, retryAfterMs: 10 },
      );
    }
    const { server, counts } = await startServer({ failures });
    // A timeout far above loopback latency even on a loaded machine, so only the hangs time out.
    const root = await project(server.url, PROVIDER(6, 1500));
    const { results, onDisk } = await run(root);
    const { scored, errors } = expectEachCaseOnce(results, onDisk);
    // Up to six failures in a row can meet one case; max_retries 6 outlasts any of them.
    expect(errors).toEqual([]);
    expect(scored).toHaveLength(CASES);
    // Attempts add up: every injected failure cost some case one attempt.
    const attempts = onDisk.reduce((sum, r) => sum + r.attempts, 0);
    expect(attempts).toBe(CASES + 10);
    expect(server.failures).toEqual([]);
    // The hung requests were answered late, to nobody: two more answers than cases.
    expect(counts.answered).toBe(CASES + 2);
  });

  it('faults that outlast the retries: those cases are recorded as errors, the rest scored, none lost', async () => {
    // Cases 7 and 19 always get a 500; six more 500s land on whichever requests come first
    // and are retried away (max_retries 1: a second failure in a row would end a case).
    const failures: FakeFailure[] = [{ status: 500 }, { status: 502 }, { status: 500 }];
    const { server } = await startServer({
      failures,
      override: (request) => {
        const text = JSON.stringify(request.body);
        if (text.includes('(asked 7)') || text.includes('(asked 19)')) return { status: 500 };
        return undefined;
      },
    });
    const root = await project(server.url, PROVIDER(1));
    const { results, onDisk } = await run(root);
    const { scored, errors } = expectEachCaseOnce(results, onDisk);
    expect(errors.map((r) => r.caseId).sort()).toEqual(['c07', 'c19']);
    expect(scored).toHaveLength(CASES - 2);
    for (const r of errors) {
      expect(r.attempts).toBe(2);
      expect(r.error?.code).toBe('PROVIDER_HTTP');
    }
  });

  it('malformed bodies (JSON cut off, not JSON at all) are errors of their cases, not crashes', async () => {
    const failures: FakeFailure[] = [
      { malformed: '{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assis' },
      { malformed: '<html>502 Bad Gateway</html>' },
      { malformed: '{"id":"chatcmpl-2","object":"chat.completion","choices":[]}' },
    ];
    const { server } = await startServer({ failures });
    const root = await project(server.url, PROVIDER(0));
    const { results, onDisk } = await run(root);
    const { scored, errors } = expectEachCaseOnce(results, onDisk);
    expect(errors).toHaveLength(3);
    expect(scored).toHaveLength(CASES - 3);
    for (const r of errors) expect(r.error?.code).toBe('PROVIDER_BAD_RESPONSE');
  });

  it('a server that dies mid-run: the answered cases are scored, every other case is an error', async () => {
    let seen = 0;
    const { server, counts } = await startServer({
      override: () => {
        // The 12th request kills the server: it closes its connections and stops listening.
        if (++seen === 12) void server?.close();
        return undefined;
      },
    });
    const root = await project(server.url, PROVIDER(2));
    const { results, onDisk } = await run(root);
    const { scored, errors } = expectEachCaseOnce(results, onDisk);
    expect(scored.length).toBe(11);
    expect(errors).toHaveLength(CASES - 11);
    expect(counts.answered).toBe(12);
    for (const r of errors) expect(r.error?.code).toBe('PROVIDER_NETWORK');
  });

  it('rpm in the config paces a run against a server that enforces it: every case scored, at most a 429 or two', async () => {
    const clock = createFakeClock();
    const { server } = await startServer({ rateLimit: { rpm: 10, clock } });
    const root = await project(server.url, `${PROVIDER(4)}\n    rpm: 10`);
    const outcome = await evaluate({
      configPath: path.join(root, 'eval/evalgate.yaml'),
      env: { OPENAI_API_KEY: 'sk-fault-suite' },
      providers: ['openai/gpt-4o-mini'],
      useCache: false,
      clock,
    });
    const lines = (await readFile(path.join(outcome.runDir, 'results.jsonl'), 'utf8')).trim().split('\n');
    const { scored } = expectEachCaseOnce(
      outcome.results,
      lines.map((l) => JSON.parse(l)),
    );
    expect(scored).toHaveLength(CASES);
    expect(server.rateLimit?.refused ?? 0).toBeLessThanOrEqual(2);
    // Paced, not lucky: 10 a minute after the first minute's 10 is at least two minutes.
    expect(clock.monotonic()).toBeGreaterThanOrEqual(((CASES - 10) / 10) * 60_000 * 0.95);
  });

  it('a response cache torn by a crash: the damaged entries are re-asked and reported, never served', async () => {
    const { server, counts } = await startServer();
    const root = await project(server.url, PROVIDER(1));
    const evalOnce = async (notes: string[], progress: Progress[] = []) =>
      evaluate({
        onProgress: (p) => progress.push({ ...p }),
        configPath: path.join(root, 'eval/evalgate.yaml'),
        env: { OPENAI_API_KEY: 'sk-fault-suite' },
        providers: ['openai/gpt-4o-mini'],
        clock: createFakeClock(),
        onNote: (line) => notes.push(line),
      });
    await evalOnce([]);
    expect(counts.answered).toBe(CASES);
    // Tear three entries the ways a crash or a cut-short restore does.
    const files: string[] = [];
    const cacheDir = path.join(root, '.evalgate/cache');
    for (const sub of await readdir(cacheDir)) {
      for (const name of await readdir(path.join(cacheDir, sub))) files.push(path.join(cacheDir, sub, name));
    }
    const entries = files.filter((f) => f.endsWith('.json')).sort();
    expect(entries.length).toBeGreaterThanOrEqual(CASES);
    const torn = entries.slice(0, 3);
    const full = await readFile(torn[0], 'utf8');
    await writeFile(torn[0], full.slice(0, Math.floor(full.length / 2)));
    await writeFile(torn[1], '\u0000'.repeat(200));
    const tampered = (await readFile(torn[2], 'utf8')).replace(/"text":"[^"]*"/, '"text":"a wrong answer"');
    await writeFile(torn[2], tampered);
    const notes: string[] = [];
    const progress: Progress[] = [];
    const second = await evalOnce(notes, progress);
    // Exactly the torn ones went back to the model; every case is there once, correct.
    expect(counts.answered).toBe(CASES + 3);
    const lines = (await readFile(path.join(second.runDir, 'results.jsonl'), 'utf8')).trim().split('\n');
    const { scored } = expectEachCaseOnce(
      second.results,
      lines.map((l) => JSON.parse(l)),
    );
    expect(scored).toHaveLength(CASES);
    const paid = scored.filter((r) => !r.cached);
    expect(paid).toHaveLength(3);
    // Cost so far counts what this run paid for: the three re-asked answers, not the cached ones.
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ done: CASES, total: CASES, cached: CASES - 3, errors: 0 });
    const expected = paid.reduce((sum, r) => sum + (r.costUsd ?? 0), 0);
    expect(expected).toBeGreaterThan(0);
    expect(last.costUsd).toBeCloseTo(expected, 12);
    const warnings = notes.filter((n) => n.includes('was torn'));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(
      /^warning: response cache entry \.evalgate\/cache\/[0-9a-f]{2}\/[0-9a-f]+\.json was torn \((unreadable|checksum)\)/,
    );
  });
});
