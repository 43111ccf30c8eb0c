import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProviderConfigSchema } from '../../config/schema.js';
import { InputError, type ProviderError } from '../../core/errors.js';
import type { GenerateRequest } from '../language-model.js';
import { createModuleModel } from './module-model.js';

const root = path.join(import.meta.dirname, '__fixtures__');
const make = (id: string, fields: Record<string, unknown> = {}) =>
  createModuleModel({
    config: ProviderConfigSchema.parse({ id: `module/app-module.mjs#${id}`, timeout_ms: 200, ...fields }),
    root,
    configFile: 'eval/evalgate.yaml',
    index: 3,
  });
const request: GenerateRequest = {
  messages: [{ role: 'user', content: 'rendered prompt' }],
  inputs: { task: 'rag-qa', question: 'what?', vars: { lang: 'en' } },
  caseId: 'c9',
};

describe('module provider', () => {
  it('calls an async function with (input, ctx) and keeps everything it returns', async () => {
    const result = await (await make('answer')).generate(request);
    expect(result).toMatchObject({
      text: 'answer to what? (c9)',
      contexts: [{ id: 'doc.md#1', text: 'a passage', score: 0.4 }],
      usage: { inputTokens: 2, outputTokens: 3, estimated: false },
      confidence: 0.9,
    });
  });

  it('fills the body template as the input, and takes a string return as the output', async () => {
    const m = await make('plain', { body: { q: '{{question}}', lang: '{{vars.lang}}', p: '{{prompt}}' } });
    expect((await m.generate(request)).text).toBe('plain: {"q":"what?","lang":"en","p":"rendered prompt"}');
  });

  it('invokes a Runnable with a mapped input and reads a retrieval chain’s answer and context', async () => {
    const m = await make('chain', { body: { input: '{{question}}' } });
    const result = await m.generate(request);
    expect(result.text).toBe('chain answer to what?');
    expect(result.contexts).toEqual([{ id: 'kb/a.md', text: 'passage text' }]);
    const mod = (await import(path.join(root, 'app-module.mjs'))) as { chain: { calls: unknown[] } };
    expect(mod.chain.calls.at(-1)).toEqual({ input: { input: 'what?' }, hasSignal: true });
    // An explicit mapping overrides the guess.
    const mapped = await make('chain', {
      body: { input: '{{question}}' },
      response: { output: '$.input.input' },
    });
    expect((await mapped.generate(request)).text).toBe('what?');
  });

  it('turns a throw, a wrong shape and a timeout into per-case provider errors', async () => {
    const errorOf = async (id: string) =>
      (await (await make(id)).generate(request).catch((e) => e)) as ProviderError;
    expect(await errorOf('broken')).toMatchObject({ code: 'PROVIDER_BAD_RESPONSE', isRetryable: false });
    expect((await errorOf('broken')).message).toContain('threw TypeError: cannot read the index');
    expect((await errorOf('wrongShape')).message).toMatch(/expected a list of contexts/);
    expect(await errorOf('slow')).toMatchObject({ code: 'PROVIDER_TIMEOUT', isRetryable: true });
  });

  it('names the config field when the module or export cannot be used', async () => {
    const messageOf = async (id: string) => ((await make(id).catch((e) => e)) as InputError).message;
    expect(await messageOf('missing')).toMatch(
      /^eval\/evalgate\.yaml: providers\.3\.id: app-module\.mjs has no export "missing" \(exports: .*answer/,
    );
    expect(await messageOf('notCallable')).toMatch(/not a function or a Runnable/);
    const bad = createModuleModel({
      config: ProviderConfigSchema.parse({ id: 'module/nope.mjs#x' }),
      root,
      configFile: 'c.yaml',
      index: 0,
    });
    await expect(bad).rejects.toBeInstanceOf(InputError);
  });
});
