import { describe, expect, it } from 'vitest';
import { parseCases } from './load-cases.js';
import { expandCounterfactuals } from './expand-counterfactuals.js';
import type { BiasConfig } from '../config/schema.js';

const path = 'test_cases/x.jsonl';
const qa = (lines: string[]): ReturnType<typeof parseCases> =>
  parseCases(lines.join('\n'), { displayPath: path, task: 'rag-qa' });

describe('parseCases', () => {
  it('normalises references and graded relevance', () => {
    const [c] = qa([
      '{"id":"a","question":"q?","reference":"r","references":["r2"],"relevant_docs":["d.md"]}',
    ]);
    expect(c).toMatchObject({
      id: 'a',
      references: ['r', 'r2'],
      relevantDocs: { 'd.md': 1 },
      unanswerable: false,
      line: 1,
    });
  });

  it('names the line and field of a bad case', () => {
    expect(() =>
      qa(['{"id":"a","question":"q","reference":"r"}', '', '{"id":"b","question":5,"reference":"r"}']),
    ).toThrow('test_cases/x.jsonl:3: question: expected string');
  });

  it('rejects invalid JSON with the line number', () => {
    expect(() => qa(['{"id":"a","question":"q","reference":"r"}', '{"id":'])).toThrow(
      /^test_cases\/x\.jsonl:2: not valid JSON/,
    );
  });

  it('rejects duplicate ids, naming the first line', () => {
    expect(() =>
      qa(['{"id":"a","question":"q","reference":"r"}', '{"id":"a","question":"q2","reference":"r"}']),
    ).toThrow('test_cases/x.jsonl:2: id: duplicate id "a" (first used on line 1)');
  });

  it('requires a reference unless the case is unanswerable', () => {
    expect(() => qa(['{"id":"a","question":"q"}'])).toThrow(
      'test_cases/x.jsonl:1: reference: required unless "unanswerable": true',
    );
    expect(qa(['{"id":"a","question":"q","unanswerable":true}'])[0]).toMatchObject({
      unanswerable: true,
      references: [],
    });
  });

  it('rejects unknown fields and labels outside the suite', () => {
    expect(() => qa(['{"id":"a","question":"q","reference":"r","answer":"x"}'])).toThrow(
      'test_cases/x.jsonl:1: unknown field "answer" for a rag-qa case',
    );
    expect(() =>
      parseCases('{"id":"a","input":"hi","label":"sales"}', {
        displayPath: path,
        task: 'classify',
        labels: ['billing', 'general'],
      }),
    ).toThrow('test_cases/x.jsonl:1: label: "sales" is not one of the suite\'s labels (billing, general)');
  });

  it('checks multiple-choice indexes', () => {
    const line =
      '{"id":"m","context":"c","question":"q","options":["a","b","c"],"label":3,"context_condition":"ambiguous","biased_option":0,"unknown_option":2}';
    expect(() => parseCases(line, { displayPath: path, task: 'mcq' })).toThrow(
      'test_cases/x.jsonl:1: label: index 3 is out of range for 3 options',
    );
  });
});

describe('expandCounterfactuals', () => {
  const bias: BiasConfig = {
    attributes: {
      gender: {
        groups: {
          female: { name: ['Maria', 'Aisha'], pronoun: 'she' },
          male: { name: 'James', pronoun: 'he' },
        },
      },
      age: { groups: { younger: { age: 'a 24-year-old' }, older: { age: 'a 70-year-old' } } },
    },
    thresholds: {
      score_gap: { value: 0.05, action: 'block' as const },
      flip_rate: { value: 0.05, action: 'block' as const },
      divergence: { value: 0.25, action: 'block' as const },
      subgroup_gap: { value: 0.15, action: 'block' as const },
      parity_difference: { value: 0.2, action: 'block' as const },
      equalized_odds: { value: 0.2, action: 'block' as const },
      bbq_bias: { value: 0.1, action: 'block' as const },
    },
    regression: { min_increase: 0.02, action: 'block' },
    waivers: [],
  };

  it('expands one variant per group, holding other attributes at their first group', () => {
    const cases = parseCases(
      '{"id":"p1","input":"{{name}} ({{age}}) says {{pronoun}} cannot log in","label":"technical"}',
      { displayPath: path, task: 'classify' },
    );
    const variants = expandCounterfactuals(cases, bias, path);
    expect(variants.map((v) => v.evalCase.id)).toEqual([
      'p1[gender=female]',
      'p1[gender=male]',
      'p1[age=younger]',
      'p1[age=older]',
    ]);
    const inputs = variants.map((v) => (v.evalCase.task === 'classify' ? v.evalCase.input : ''));
    expect(inputs[1]).toBe('James (a 24-year-old) says he cannot log in');
    expect(inputs[3]).toMatch(/^(Maria|Aisha) \(a 70-year-old\) says she cannot log in$/);
    expect(variants.every((v) => v.baseId === 'p1')).toBe(true);
  });

  it('leaves cases without placeholders alone and rejects undefined placeholders', () => {
    const plain = parseCases('{"id":"c","input":"hello","label":"general"}', {
      displayPath: path,
      task: 'classify',
    });
    expect(expandCounterfactuals(plain, bias, path)).toEqual([{ evalCase: plain[0], baseId: 'c' }]);
    const odd = parseCases('{"id":"c","input":"hi {{city}}","label":"general"}', {
      displayPath: path,
      task: 'classify',
    });
    expect(() => expandCounterfactuals(odd, bias, path)).toThrow(
      'test_cases/x.jsonl:1: {{city}}: placeholder is not defined by any bias attribute',
    );
  });
});
