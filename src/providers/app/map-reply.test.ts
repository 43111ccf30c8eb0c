import { describe, expect, it } from 'vitest';
import { readJsonPath } from './json-path.js';
import { mapReply } from './map-reply.js';
import { renderTemplate, unknownTemplateNames, MissingVariableError } from './render-template.js';

describe('readJsonPath', () => {
  const doc = { a: { b: [{ c: 1 }, { c: 2 }], 'odd key': 'x' }, list: [[1, 2], [3]] };
  it('follows keys, indexes, quoted keys and [*]', () => {
    expect(readJsonPath(doc, '$')).toBe(doc);
    expect(readJsonPath(doc, '$.a.b[1].c')).toBe(2);
    expect(readJsonPath(doc, "$.a['odd key']")).toBe('x');
    expect(readJsonPath(doc, '$.a.b[*].c')).toEqual([1, 2]);
    expect(readJsonPath(doc, '$.list[0][1]')).toBe(2);
  });
  it('is undefined for anything missing or of the wrong kind, and never reads inherited keys', () => {
    expect(readJsonPath(doc, '$.a.nope.c')).toBeUndefined();
    expect(readJsonPath(doc, '$.a.b.c')).toBeUndefined(); // a key on an array
    expect(readJsonPath(doc, '$.a[0]')).toBeUndefined(); // an index on an object
    expect(readJsonPath(doc, '$.a.b[9]')).toBeUndefined();
    expect(readJsonPath({}, '$.constructor')).toBeUndefined();
    expect(readJsonPath('text', '$.length')).toBeUndefined();
  });
});

describe('renderTemplate', () => {
  const vars = {
    id: 'c1',
    input: 'Why "quotes"?',
    question: 'Why "quotes"?',
    prompt: 'P',
    messages: [{ role: 'user', content: 'hi' }],
    vars: { n: 3, nested: { k: 'v' } },
  };
  it('keeps a whole-string placeholder’s type and splices text elsewhere', () => {
    expect(
      renderTemplate(
        { q: '{{question}}', n: '{{vars.n}}', deep: '{{ vars.nested.k }}', m: '{{messages}}' },
        vars,
      ),
    ).toEqual({
      q: 'Why "quotes"?',
      n: 3,
      deep: 'v',
      m: [{ role: 'user', content: 'hi' }],
    });
    expect(renderTemplate('id={{id}} n={{vars.n}} obj={{vars.nested}}', vars)).toBe(
      'id=c1 n=3 obj={"k":"v"}',
    );
    expect(renderTemplate('/q?text={{input}}', vars, encodeURIComponent)).toBe(
      '/q?text=Why%20%22quotes%22%3F',
    );
  });
  it('fails on a var the case lacks, and names unknown variables up front', () => {
    expect(() => renderTemplate('{{vars.absent}}', vars)).toThrow(MissingVariableError);
    expect(
      unknownTemplateNames({ a: ['{{question}} {{vars.x.y}}', '{{qestion}}'], b: '{{prompt}}' }),
    ).toEqual(['qestion']);
  });
});

describe('mapReply', () => {
  it('maps every field and accepts LangChain documents as contexts', () => {
    const reply = {
      out: { text: 'Answer.' },
      docs: [
        { pageContent: 'p1', metadata: { source: 'a.md', score: 0.5 } },
        { id: 'b.md#2', text: 'p2' },
        'bare passage',
      ],
      usage: { input_tokens: 3, output_tokens: 4 },
    };
    expect(mapReply(reply, { mapping: { output: '$.out.text', contexts: '$.docs' } })).toEqual({
      output: 'Answer.',
      contexts: [
        { id: 'a.md', text: 'p1', score: 0.5 },
        { id: 'b.md#2', text: 'p2' },
        { text: 'bare passage' },
      ],
      usage: { inputTokens: 3, outputTokens: 4, estimated: false },
    });
    // A configured metadata field wins over the defaults.
    const withField = mapReply(
      { output: 'x', contexts: [{ pageContent: 'p', metadata: { source: 's', doc: 'd.md' } }] },
      { mapping: { output: '$.output' }, docIdField: 'doc' },
    );
    expect(withField.contexts).toEqual([{ id: 'd.md', text: 'p' }]);
  });
  it('rejects wrong shapes with the path that was wrong', () => {
    const bad =
      (reply: unknown, mapping = {}) =>
      () =>
        mapReply(reply, { mapping });
    expect(bad({}, { output: '$.answer' })).toThrow('nothing at $.answer');
    expect(bad({ answer: 'x', contexts: [{ id: 1 }] }, { output: '$.answer' })).toThrow(
      'context 0 at $.contexts has no text',
    );
    expect(
      bad({ answer: 'x', usage: { input_tokens: -1, output_tokens: 2 } }, { output: '$.answer' }),
    ).toThrow(/whole numbers/);
    expect(bad({ answer: 'x', citations: 'a.md' }, { output: '$.answer' })).toThrow(/list of context ids/);
    expect(bad({ answer: 'x', label: 3 }, { output: '$.answer' })).toThrow(/string at \$\.label/);
  });
  it('a plain string reply is the output and has no other fields', () => {
    expect(mapReply('just text', { mapping: undefined })).toEqual({ output: 'just text' });
    expect(mapReply({ a: 1 }, { mapping: undefined }).output).toBe('{"a":1}');
  });
});
