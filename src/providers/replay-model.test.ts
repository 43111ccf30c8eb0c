import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../core/errors.js';
import { createReplayModel, parseReplayFile } from './replay-model.js';

describe('replay provider', () => {
  it('answers by case id with the stored output, usage and confidence', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-replay-'));
    const file = path.join(dir, 'out.jsonl');
    await writeFile(
      file,
      '{"id":"a","output":"Yes.","confidence":0.9,"usage":{"input_tokens":10,"output_tokens":2}}\n{"id":"b","output":"No."}\n',
    );
    const model = await createReplayModel({ id: 'replay/out.jsonl', file, displayPath: 'out.jsonl' });
    expect(await model.generate({ messages: [], caseId: 'a' })).toEqual({
      text: 'Yes.',
      confidence: 0.9,
      usage: { inputTokens: 10, outputTokens: 2, estimated: false },
      model: 'replay',
    });
    expect((await model.generate({ messages: [], caseId: 'b' })).text).toBe('No.');
    const missing = await model.generate({ messages: [], caseId: 'zzz' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ProviderError);
    expect((missing as ProviderError).message).toBe(
      'replay/out.jsonl: no output for case "zzz" in out.jsonl',
    );
    expect((missing as ProviderError).isRetryable).toBe(false);
  });

  it('names the line of a bad or duplicate entry', () => {
    expect(() => parseReplayFile('{"id":"a","output":"x"}\n{"id":"a","output":"y"}\n', 'o.jsonl')).toThrow(
      'o.jsonl:2: id: duplicate id "a"',
    );
    expect(() => parseReplayFile('{"id":"a"}\n', 'o.jsonl')).toThrow(/^o\.jsonl:1: output: /);
  });
});
