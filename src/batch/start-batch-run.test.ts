// The planning pass of `--batch` touches only the models whose calls go into batches: an app,
// local or replay model would otherwise be called twice (once to plan, once to run).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalConfig } from '../config/schema.js';
import { systemClock } from '../core/clock.js';
import type { ModelHandle } from '../providers/model-handle.js';
import { createResponseCache } from '../providers/response-cache.js';
import { withCache } from '../providers/with-cache.js';
import { createScriptedModel } from '../testing/index.js';
import { startBatchRun, type PlanPass } from './start-batch-run.js';

function handle(id: string, provider: string): ModelHandle {
  const raw = createScriptedModel(['hi'], { id });
  return {
    id,
    provider,
    model: id.split('/')[1],
    config: { id, timeout_ms: 1000, max_retries: 0, logprobs: false },
    languageModel: withCache(raw, createResponseCache({ dir: '/nonexistent/never-written' })),
  };
}

describe('startBatchRun', () => {
  it('plans only OpenAI/Anthropic models, skips scoring and pricing, and leaves the others untouched', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'evalgate-batch-'));
    const openai = handle('openai/gpt-4o-mini', 'openai');
    const app = handle('http/bot', 'http');
    const appModel = app.languageModel;
    const run = startBatchRun({
      batch: { pollIntervalMs: 1 },
      config: { cache_dir: '.evalgate/cache' } as EvalConfig,
      root,
      configFile: 'eval/evalgate.yaml',
      env: {},
      clock: systemClock,
      models: [openai, app],
    });
    expect(app.languageModel).toBe(appModel);
    let seen: PlanPass | null = null;
    await run.prefill(async (plan) => {
      seen = plan;
    });
    const plan = seen as unknown as PlanPass;
    const suites = plan.suites([
      { name: 'a', models: [openai, app] },
      { name: 'b', models: [app] },
    ]);
    expect(suites).toEqual([{ name: 'a', models: [openai] }]);
    const runtime = plan.runtime({ scorer: async () => 'real', costUsd: () => 1, clock: systemClock });
    expect(await (runtime.scorer as () => Promise<unknown>)()).toEqual({ scores: {}, passed: null });
    expect((runtime.costUsd as () => unknown)()).toBeNull();
    expect(runtime.clock).toBe(systemClock);
    // Nothing was missing, so nothing was submitted.
    expect(run.manifest()).toEqual({
      batch: { submitted: { batches: [], requests: 0, retriedDirectly: 0, failed: 0 }, cost: null },
    });
    run.close();
  });
});
