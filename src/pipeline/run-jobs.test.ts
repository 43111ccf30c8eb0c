import { describe, expect, it } from 'vitest';
import { systemClock } from '../core/clock.js';
import type { ClassifyCase } from '../cases/eval-case.js';
import type { LanguageModel } from '../providers/language-model.js';
import type { PreparedSuite } from './prepared-suite.js';
import { runJobs } from './run-jobs.js';

function suiteWith(model: LanguageModel, cases: number): PreparedSuite {
  const variants = Array.from({ length: cases }, (_, i) => {
    const evalCase: ClassifyCase = {
      task: 'classify',
      id: `c${i}`,
      input: `message ${i}`,
      label: 'a',
      tags: [],
      line: i + 1,
      placeholders: [],
    };
    return { evalCase, baseId: evalCase.id };
  });
  return {
    config: { name: 's', task: 'classify', cases: 'x.jsonl', labels: ['a', 'b'] },
    casesPath: 'x.jsonl',
    prompt: null,
    fewShot: [],
    variants,
    fileHash: 'f',
    caseHashesJson: '{}',
    models: [
      {
        id: 'fake/m',
        provider: 'fake',
        model: 'm',
        config: { id: 'fake/m', timeout_ms: 1000, max_retries: 0, logprobs: false },
        languageModel: model,
      },
    ],
  };
}

describe('runJobs', () => {
  it('never runs more model calls at once than the concurrency limit, and runs every job', async () => {
    let active = 0;
    let peak = 0;
    const model: LanguageModel = {
      id: 'fake/m',
      provider: 'fake',
      model: 'm',
      cacheable: false,
      generate: async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        return { text: 'a' };
      },
    };
    const seen: string[] = [];
    const progress = await runJobs({
      suites: [suiteWith(model, 40)],
      concurrency: 3,
      repeat: 2,
      runtime: { clock: systemClock, costUsd: () => 0, scorer: async () => ({ scores: {}, passed: true }) },
      onResult: (r) => seen.push(`${r.caseId}/${r.repeat}`),
    });
    expect(peak).toBe(3);
    expect(progress).toMatchObject({ done: 80, total: 80, errors: 0 });
    expect(new Set(seen).size).toBe(80);
  });

  it('refuses a concurrency that is not a whole number ≥ 1, and stops taking jobs after a failure', async () => {
    const model: LanguageModel = {
      id: 'fake/m',
      provider: 'fake',
      model: 'm',
      cacheable: false,
      generate: async () => ({ text: 'a' }),
    };
    const runtime = {
      clock: systemClock,
      costUsd: () => 0,
      scorer: async () => ({ scores: {}, passed: true }),
    };
    for (const concurrency of [Number.NaN, 0, 1.5])
      await expect(
        runJobs({ suites: [suiteWith(model, 3)], concurrency, repeat: 1, runtime, onResult: () => {} }),
      ).rejects.toThrow(RangeError);
    let written = 0;
    await expect(
      runJobs({
        suites: [suiteWith(model, 50)],
        concurrency: 4,
        repeat: 1,
        runtime,
        onResult: () => {
          if (++written === 3) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    // The other workers finish the job in hand at most; they start no new one.
    await new Promise((r) => setTimeout(r, 20));
    expect(written).toBeLessThanOrEqual(3 + 4);
  });

  it('writes the results of calls in flight when the plan fails, before it rejects', async () => {
    // The plan throws on its third case (a cases file edited mid-run) while the calls for the
    // first two are in flight: both were paid for, so both must reach onResult before runJobs
    // rejects (the caller closes its writer when it does).
    const calls: string[] = [];
    const model: LanguageModel = {
      id: 'fake/m',
      provider: 'fake',
      model: 'm',
      cacheable: false,
      generate: async (request) => {
        const text = JSON.stringify(request);
        calls.push(text);
        // The second call outlives the first, so it is in flight when the plan throws.
        await new Promise((r) => setTimeout(r, calls.length === 1 ? 5 : 60));
        return { text: 'a' };
      },
    };
    const suite = suiteWith(model, 3);
    const cases = [...suite.variants];
    suite.variants = {
      length: cases.length,
      *[Symbol.iterator]() {
        yield cases[0]!;
        yield cases[1]!;
        throw new Error('cases file changed');
      },
    };
    const written: string[] = [];
    const runtime = {
      clock: systemClock,
      costUsd: () => 0,
      scorer: async () => ({ scores: {}, passed: true }),
    };
    let settledAt = -1;
    await runJobs({
      suites: [suite],
      concurrency: 2,
      repeat: 1,
      runtime,
      onResult: (r) => {
        written.push(r.caseId);
      },
    }).catch((error: Error) => {
      settledAt = written.length;
      expect(error.message).toBe('cases file changed');
    });
    expect(calls).toHaveLength(2);
    expect(settledAt).toBe(2);
    expect(written.sort()).toEqual(['c0', 'c1']);
  });

  it('lets the event loop in while it skips a long run of jobs the selection leaves out', async () => {
    const model: LanguageModel = {
      id: 'fake/m',
      provider: 'fake',
      model: 'm',
      cacheable: false,
      generate: async () => ({ text: 'a' }),
    };
    const order: string[] = [];
    setImmediate(() => order.push('tick'));
    const runtime = {
      clock: systemClock,
      costUsd: () => 0,
      scorer: async () => ({ scores: {}, passed: true }),
    };
    const written: string[] = [];
    await runJobs({
      suites: [suiteWith(model, 2000)],
      concurrency: 1,
      repeat: 1,
      runtime,
      total: 1,
      // Only the last case: a --case or a shard of one, or a resume with all but one written.
      include: (job) => {
        if (job.variant.baseId !== 'c1999') return false;
        order.push('last');
        return true;
      },
      onResult: (r) => {
        written.push(r.caseId);
      },
    });
    expect(written).toEqual(['c1999']);
    // A timer set before the run fires before the plan has been read to its end.
    expect(order).toEqual(['tick', 'last']);
  });

  it('pulls each case from the plan only as a worker frees, so the run never lists its cases', async () => {
    const model: LanguageModel = {
      id: 'fake/m',
      provider: 'fake',
      model: 'm',
      cacheable: false,
      generate: async () => {
        await new Promise((r) => setTimeout(r, 1));
        return { text: 'a' };
      },
    };
    const runtime = {
      clock: systemClock,
      costUsd: () => 0,
      scorer: async () => ({ scores: {}, passed: true }),
    };
    // A case source like the cases file's (cases/case-file-source.ts) that counts how far ahead
    // of the written results it has been read: a run that materialised its plan (Array.from,
    // spread, sort) would read all 200 cases before the first result.
    const measure = async (options: { concurrency: number; repeat: number; include?: boolean }) => {
      const suite = suiteWith(model, 200);
      const cases = [...suite.variants];
      let read = 0;
      let written = 0;
      let ahead = 0;
      suite.variants = {
        length: cases.length,
        *[Symbol.iterator]() {
          for (const v of cases) {
            read++;
            ahead = Math.max(ahead, read - Math.floor(written / options.repeat));
            yield v;
          }
        },
      };
      const progress = await runJobs({
        suites: [suite],
        concurrency: options.concurrency,
        repeat: options.repeat,
        runtime,
        include: options.include ? (job) => job.variant.baseId !== 'c7' : undefined,
        total: options.include ? 199 * options.repeat : undefined,
        onResult: () => {
          written++;
        },
      });
      return { ahead, read, progress };
    };
    const plain = await measure({ concurrency: 4, repeat: 1 });
    expect(plain.read).toBe(200);
    expect(plain.ahead).toBeLessThanOrEqual(4);
    expect(plain.progress).toMatchObject({ done: 200, total: 200 });
    // Selected jobs and repeats: still one case in hand per worker (+1 for repeats in flight).
    const selected = await measure({ concurrency: 3, repeat: 2, include: true });
    expect(selected.read).toBe(200);
    expect(selected.ahead).toBeLessThanOrEqual(3 + 1);
    expect(selected.progress).toMatchObject({ done: 398, total: 398 });
  });

  it('records a failing call as an error on the result instead of throwing', async () => {
    const model: LanguageModel = {
      id: 'fake/m',
      provider: 'fake',
      model: 'm',
      cacheable: false,
      generate: async () => {
        throw new Error('boom');
      },
    };
    const results: { error?: { message: string } }[] = [];
    const progress = await runJobs({
      suites: [suiteWith(model, 2)],
      concurrency: 2,
      repeat: 1,
      runtime: { clock: systemClock, costUsd: () => 0, scorer: async () => ({ scores: {}, passed: null }) },
      onResult: (r) => results.push(r),
    });
    expect(progress.errors).toBe(2);
    expect(results[0].error).toEqual({ code: 'PROVIDER_UNEXPECTED', message: 'boom' });
  });

  it('records a failing retrieval (e.g. an API embedder) on the case instead of aborting the run', async () => {
    const model: LanguageModel = {
      id: 'fake/m',
      provider: 'fake',
      model: 'm',
      cacheable: false,
      generate: async () => ({ text: 'a' }),
    };
    const suite = suiteWith(model, 2);
    suite.config = { name: 's', task: 'rag-qa', cases: 'x.jsonl' };
    suite.variants = [...suite.variants].map((v, i) => ({
      ...v,
      evalCase: {
        task: 'rag-qa',
        id: `q${i}`,
        question: 'why?',
        references: ['because'],
        unanswerable: false,
        tags: [],
        line: i + 1,
        placeholders: [],
      },
    }));
    const results: { error?: { code: string; message: string } }[] = [];
    await runJobs({
      suites: [suite],
      concurrency: 1,
      repeat: 1,
      runtime: {
        clock: systemClock,
        costUsd: () => 0,
        scorer: async () => ({ scores: {}, passed: null }),
        retrieve: async () => {
          throw new Error('embeddings: HTTP 400');
        },
      },
      onResult: (r) => results.push(r),
    });
    expect(results.map((r) => r.error)).toEqual([
      { code: 'RETRIEVAL_FAILED', message: 'retrieval failed: embeddings: HTTP 400' },
      { code: 'RETRIEVAL_FAILED', message: 'retrieval failed: embeddings: HTTP 400' },
    ]);
  });

  it('flags the cases whose query got a short vector-store list, and only those', async () => {
    const model: LanguageModel = {
      id: 'm',
      provider: 'local',
      model: 'm',
      cacheable: false,
      generate: async () => ({ text: 'a' }),
    };
    const suite = suiteWith(model, 2);
    suite.config = { name: 's', task: 'retrieval', cases: 'x.jsonl' };
    suite.variants = [...suite.variants].map((v, i) => ({
      ...v,
      evalCase: {
        task: 'retrieval',
        id: `r${i}`,
        query: `query ${i}`,
        relevantDocs: { a: 1 },
        tags: [],
        line: i + 1,
        placeholders: [],
      },
    }));
    const chunk = {
      id: 'a#0',
      docId: 'a',
      index: 0,
      text: 't',
      start: 0,
      end: 1,
      headingPath: [],
      tokenCount: 1,
    };
    const results: { caseId: string; retrieval?: { shortVectorList?: true } }[] = [];
    await runJobs({
      suites: [suite],
      concurrency: 1,
      repeat: 1,
      runtime: {
        clock: systemClock,
        costUsd: () => 0,
        scorer: async () => ({ scores: {}, passed: null }),
        retrieve: async () => [{ chunk, score: 1, rank: 1 }],
        shortVectorList: (query) => query === 'query 1',
      },
      onResult: (r) => results.push(r),
    });
    const flags = Object.fromEntries(results.map((r) => [r.caseId, r.retrieval?.shortVectorList ?? false]));
    expect(flags).toEqual({ r0: false, r1: true });
  });
});
