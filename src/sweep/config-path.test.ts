import { describe, expect, it } from 'vitest';
import { ConfigPathError, getConfigPath, lastField, parseConfigPath, setConfigPath } from './config-path.js';

const raw = {
  providers: ['local/extractive', { id: 'openai/gpt-4.1-mini', logprobs: true }],
  rag: { chunking: { size: 220 } },
  suites: [
    { name: 'support-qa', prompt: 'support-answer@v2' },
    { name: 'intent', prompt: 'intent@v1' },
  ],
};

describe('config paths', () => {
  it('parses keys, named and numbered selectors (ids may hold dots and slashes)', () => {
    expect(parseConfigPath('rag.chunking.size')).toEqual([
      { key: 'rag' },
      { key: 'chunking' },
      { key: 'size' },
    ]);
    expect(parseConfigPath('providers[openai/gpt-4.1-mini].temperature')).toEqual([
      { key: 'providers' },
      { select: 'openai/gpt-4.1-mini' },
      { key: 'temperature' },
    ]);
    expect(parseConfigPath('suites[0].prompt')).toEqual([
      { key: 'suites' },
      { select: '0' },
      { key: 'prompt' },
    ]);
    for (const bad of ['', 'rag..k', 'rag.', '[0].x', 'suites[x', 'a b'])
      expect(() => parseConfigPath(bad), bad).toThrow(ConfigPathError);
  });

  it('sets a value on a copy, creating missing maps, without touching the original', () => {
    const out = setConfigPath(raw, 'rag.retrieve.mode', 'hybrid');
    expect(out.rag).toEqual({ chunking: { size: 220 }, retrieve: { mode: 'hybrid' } });
    expect(raw.rag).toEqual({ chunking: { size: 220 } });
    const prompt = setConfigPath(raw, 'suites[intent].prompt', 'intent@v2') as typeof raw;
    expect(prompt.suites.map((s) => s.prompt)).toEqual(['support-answer@v2', 'intent@v2']);
  });

  it('expands a provider given as a bare id to set one of its fields', () => {
    const out = setConfigPath(raw, 'providers[local/extractive].classifier', 'naive-bayes') as typeof raw;
    expect(out.providers[0]).toEqual({ id: 'local/extractive', classifier: 'naive-bayes' });
  });

  it('names the declared entries when a selector matches none', () => {
    expect(() => setConfigPath(raw, 'suites[support].prompt', 'x@v1')).toThrow(
      'no suites entry with name "support" (declared: support-qa, intent)',
    );
    expect(() => setConfigPath(raw, 'rag.chunking.size.x', 1)).toThrow('"size" is not a map');
    expect(() => setConfigPath(raw, 'suites[5].prompt', 'x@v1')).toThrow('has 2 entries');
  });

  it('reads a value back and shortens a path to its last field', () => {
    expect(getConfigPath(raw, 'suites[support-qa].prompt')).toBe('support-answer@v2');
    expect(getConfigPath(raw, 'providers[openai/gpt-4.1-mini].logprobs')).toBe(true);
    expect(getConfigPath(raw, 'rag.retrieve.k')).toBeUndefined();
    expect(lastField('suites[support-qa].prompt')).toBe('prompt');
  });
});
