import { describe, expect, it } from 'vitest';
import { createScriptedModel } from './scripted-model.js';

const ask = { messages: [{ role: 'user' as const, content: 'q' }] };

describe('createScriptedModel', () => {
  it('answers in order, records calls and repeats the script by default', async () => {
    const model = createScriptedModel([
      'a',
      { text: 'b', confidence: 0.9 },
      (req, call) => `${req.messages[0].content}${call}`,
    ]);
    expect(model).toMatchObject({
      id: 'scripted/model',
      provider: 'scripted',
      model: 'model',
      cacheable: true,
    });
    expect(await model.generate(ask)).toEqual({ text: 'a' });
    expect(await model.generate(ask)).toEqual({ text: 'b', confidence: 0.9 });
    expect(await model.generate(ask)).toEqual({ text: 'q2' });
    expect(await model.generate(ask)).toEqual({ text: 'a' });
    expect(model.calls).toHaveLength(4);
  });

  it('throws scripted errors and, when asked, on running out', async () => {
    const boom = new Error('boom');
    const model = createScriptedModel([boom], { id: 'openai/x', whenExhausted: 'throw' });
    expect(model.provider).toBe('openai');
    await expect(model.generate(ask)).rejects.toBe(boom);
    await expect(model.generate(ask)).rejects.toThrow(/no answer scripted for call 2/);
  });
});
