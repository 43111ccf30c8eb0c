import { describe, expect, it } from 'vitest';
import { withChatHistory } from '../pipeline/chat-history.js';
import type { GenerateCase } from './eval-case.js';
import { parseCases } from './load-cases.js';

const load = (text: string) => parseCases(text, { displayPath: 'test_cases/gen.jsonl', task: 'generate' });

describe('generate cases', () => {
  it('take input or a chat history (the last user turn is the input), vars and assertions with defaults', () => {
    const [a, b] = load(
      [
        '{"id":"a","input":"Route this","assert":[{"type":"is-json"}],"vars":{"k":1}}',
        '{"id":"b","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"},{"role":"user","content":"refund?"}],"assert":[{"type":"icontains","value":"refund","weight":2}]}',
      ].join('\n'),
    ) as GenerateCase[];
    expect(a).toMatchObject({
      task: 'generate',
      input: 'Route this',
      vars: { k: 1 },
      assert: [{ type: 'is-json', weight: 1 }],
    });
    expect(b.input).toBe('refund?');
    expect(b.assert).toEqual([{ type: 'icontains', value: 'refund', weight: 2 }]);
  });

  it('names file, line and field for bad cases and unusable assertions', () => {
    expect(() => load('{"id":"a","input":"x","messages":[{"role":"user","content":"y"}]}')).toThrow(
      'test_cases/gen.jsonl:1: input: give either "input" or "messages"',
    );
    expect(() =>
      load('{"id":"a","input":"x"}\n{"id":"b","input":"x","assert":[{"type":"regex","value":"("}]}'),
    ).toThrow(/^test_cases\/gen\.jsonl:2: assert\.0\.value: regex: invalid regular expression/);
    expect(() => load('{"id":"a","input":"x","assert":[{"type":"contain","value":"y"}]}')).toThrow(
      /^test_cases\/gen\.jsonl:1: assert\.0\.type: /,
    );
    // Other tasks take assertions too.
    const [qa] = parseCases(
      '{"id":"q","question":"q?","reference":"r","context":"c","assert":[{"type":"contains","value":"r"}]}',
      {
        displayPath: 'qa.jsonl',
        task: 'qa',
      },
    );
    expect(qa.assert).toHaveLength(1);
  });

  it('puts the chat history between the prompt’s system message and its rendered user turn', () => {
    const evalCase = load(
      '{"id":"b","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"},{"role":"user","content":"refund?"}]}',
    )[0] as GenerateCase;
    const rendered = [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'user' as const, content: 'Q: refund?' },
    ];
    expect(withChatHistory(rendered, evalCase, true).map((m) => m.content)).toEqual([
      'Be brief.',
      'hi',
      'hello',
      'Q: refund?',
    ]);
    expect(withChatHistory(rendered, evalCase, false).map((m) => m.content)).toEqual([
      'hi',
      'hello',
      'refund?',
    ]);
  });
});
