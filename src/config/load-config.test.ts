import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { parseConfig } from './load-config.js';

const MINIMAL = `name: demo
providers: [local/extractive]
suites:
  - name: intent
    task: classify
    prompt: intent@v1
    cases: test_cases/intent.jsonl
    labels: [a, b]
`;

function errorOf(text: string, env: Record<string, string> = {}): InputError {
  try {
    parseConfig({ text, file: 'eval/evalgate.yaml', env });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseConfig', () => {
  it('fills defaults for a minimal config', () => {
    const { config } = parseConfig({ text: MINIMAL, file: 'eval/evalgate.yaml', env: {} });
    expect(config.seed).toBe(42);
    expect(config.concurrency).toBe(8);
    expect(config.providers[0]).toMatchObject({ id: 'local/extractive', max_retries: 4, timeout_ms: 60000 });
    expect(config.gate).toMatchObject({ confidence: 0.95, max_error_rate: 0.1, resamples: 2000 });
  });

  it('names file, line and field for an unknown field', () => {
    const e = errorOf(`${MINIMAL.replace('concurrency', 'x')}concurency: 4\n`);
    expect(e.message).toBe('eval/evalgate.yaml:9: concurency: unknown field');
    expect(e.exitCode).toBe(2);
  });

  it('names the nested field path and its line for a wrong enum value', () => {
    const e = errorOf(MINIMAL.replace('task: classify', 'task: clasify'));
    expect(e.message).toBe(
      'eval/evalgate.yaml:5: suites.0.task: expected one of "rag-qa", "qa", "classify", "retrieval", "mcq", "generate"',
    );
  });

  it('rejects a misspelt scorer family, naming the known ones', () => {
    const e = errorOf(
      MINIMAL.replace('    labels: [a, b]\n', '    labels: [a, b]\n    scorers: [clasification]\n'),
    );
    expect(e.message).toBe(
      'eval/evalgate.yaml:9: suites.0.scorers.0: expected one of "answer", "retrieval", "hallucination", "citations", "relevance", "classification", "mcq"',
    );
    expect(e.exitCode).toBe(2);
  });

  it('checks bias thresholds, actions and waivers', () => {
    const { config } = parseConfig({
      text: `${MINIMAL}bias:\n  thresholds: { flip_rate: 0.1, divergence: { value: 0.3, action: warn } }\n  waivers:\n    - { check: intent/segment/equalized_odds, provider: local/extractive, reason: only five free-segment cases, expires: 2027-01-31 }\n`,
      file: 'eval/evalgate.yaml',
      env: {},
    });
    expect(config.bias.thresholds.flip_rate).toEqual({ value: 0.1, action: 'block' });
    expect(config.bias.thresholds.divergence).toEqual({ value: 0.3, action: 'warn' });
    expect(config.bias.waivers[0].expires).toBe('2027-01-31');
    const e = errorOf(
      `${MINIMAL}bias:\n  waivers:\n    - { check: a/b/c, provider: local/extractive, reason: because it is known, expires: soon }\n`,
    );
    expect(e.message).toMatch(/bias\.waivers\.0\.expires: expected a date YYYY-MM-DD$/);
  });

  it('reports a missing required field', () => {
    const e = errorOf(MINIMAL.replace('    cases: test_cases/intent.jsonl\n', ''));
    expect(e.message).toBe('eval/evalgate.yaml:4: suites.0.cases: required field missing (expected string)');
  });

  it('reports invalid YAML with its line', () => {
    const e = errorOf('name: demo\nproviders: [local/extractive\n');
    expect(e.message).toMatch(/^eval\/evalgate\.yaml:\d+: invalid YAML: /);
    expect(e.code).toBe('CONFIG_YAML');
  });

  it('checks cross-field rules: classify suites need labels', () => {
    const e = errorOf(MINIMAL.replace('    labels: [a, b]\n', ''));
    expect(e.message).toBe('eval/evalgate.yaml:4: suites.0.labels: classify suites need a "labels" list');
  });

  it('rejects targets for unknown suites and malformed target expressions', () => {
    expect(errorOf(`${MINIMAL}targets:\n  nope: { answer.f1: ">= 0.5" }\n`).message).toBe(
      'eval/evalgate.yaml:10: targets.nope: unknown suite "nope"',
    );
    expect(errorOf(`${MINIMAL}targets:\n  intent: { classification.accuracy: "> 0.5" }\n`).message).toBe(
      'eval/evalgate.yaml:10: targets.intent.classification.accuracy: expected ">= <number>" or "<= <number>"',
    );
  });

  it('interpolates ${ENV} in base URLs only, and names a missing variable', () => {
    const text = MINIMAL.replace(
      'providers: [local/extractive]',
      'providers:\n  - id: openai/llama3\n    base_url: http://${LLM_HOST}/v1',
    );
    expect(
      parseConfig({ text, file: 'c.yaml', env: { LLM_HOST: '127.0.0.1:8000' } }).config.providers[0].base_url,
    ).toBe('http://127.0.0.1:8000/v1');
    expect(errorOf(text).message).toBe(
      'eval/evalgate.yaml: providers.openai/llama3.base_url: environment variable LLM_HOST is not set',
    );
  });

  it('hashes the config so an edit is detected', () => {
    const a = parseConfig({ text: MINIMAL, file: 'c.yaml', env: {} }).hash;
    const b = parseConfig({
      text: MINIMAL.replace('name: demo', 'name: demo2'),
      file: 'c.yaml',
      env: {},
    }).hash;
    expect(a).not.toBe(b);
  });

  it('accepts a classifier for local/extractive only', () => {
    const withClassifier = (id: string) =>
      MINIMAL.replace(
        'providers: [local/extractive]',
        `providers:\n  - id: ${id}\n    classifier: naive-bayes`,
      );
    expect(
      parseConfig({ text: withClassifier('local/extractive'), file: 'eval/evalgate.yaml', env: {} }).config
        .providers[0].classifier,
    ).toBe('naive-bayes');
    expect(errorOf(withClassifier('openai/gpt-4o-mini')).message).toBe(
      'eval/evalgate.yaml:4: providers.0.classifier: only local/extractive has a classifier setting',
    );
  });

  it('checks that chunk overlap is smaller than the chunk size', () => {
    const text = `${MINIMAL}rag:\n  chunking: { size: 100, overlap: 100 }\n`;
    expect(errorOf(text).message).toBe(
      'eval/evalgate.yaml:10: rag.chunking.overlap: overlap must be smaller than size',
    );
  });
});
