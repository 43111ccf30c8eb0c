import { describe, expect, it } from 'vitest';
import { sha256 } from '../core/hash.js';
import { importFeedback } from './import-feedback.js';

const line = (value: Record<string, unknown>, n: number) => ({ value: value as never, line: n });

describe('importFeedback', () => {
  it('turns labelled samples into gold cases, deduplicated by input hash (also against the file)', () => {
    const out = importFeedback({
      lines: [
        line({ input: 'refund please', label: 'billing' }, 1),
        line({ input: 'app crashes', label: 'technical' }, 2),
        line({ input: 'refund please', label: 'billing' }, 3),
        line({ input: 'already there', label: 'general' }, 4),
      ],
      file: 'fb.jsonl',
      task: 'classify',
      labels: ['billing', 'technical', 'general'],
      existing: new Set([sha256('already there')]),
      idPrefix: 'fb-intent',
    });
    expect(out.duplicates).toBe(2);
    expect(out.cases.map((c) => JSON.parse(c))).toEqual([
      {
        id: `fb-intent-${sha256('refund please').slice(0, 12)}`,
        input: 'refund please',
        label: 'billing',
        tags: ['feedback'],
      },
      {
        id: `fb-intent-${sha256('app crashes').slice(0, 12)}`,
        input: 'app crashes',
        label: 'technical',
        tags: ['feedback'],
      },
    ]);
  });

  it('refuses unredacted PII with file, line and field; accepts the redacted form', () => {
    const run = (input: string) =>
      importFeedback({
        lines: [line({ input: 'fine', label: 'billing' }, 1), line({ input, label: 'billing' }, 2)],
        file: 'fb.jsonl',
        task: 'classify',
        existing: new Set(),
        idPrefix: 'x',
      });
    expect(() => run('mail me at jane@example.com')).toThrow(
      'fb.jsonl:2: input: contains an email address, phone number or card number; redact it before import',
    );
    expect(() => run('card 4111 1111 1111 1111')).toThrow('fb.jsonl:2: input:');
    expect(run('mail me at [email]').cases).toHaveLength(2);
  });

  it('checks the label against the suite, and answer suites need a reference answer', () => {
    const base = { file: 'fb.jsonl', existing: new Set<string>(), idPrefix: 'x' };
    expect(() =>
      importFeedback({
        ...base,
        lines: [line({ input: 'a', label: 'refunds' }, 1)],
        task: 'classify',
        labels: ['billing'],
      }),
    ).toThrow('fb.jsonl:1: label: "refunds" is not one of the suite\'s labels (billing)');
    expect(() => importFeedback({ ...base, lines: [line({ input: 'q?' }, 1)], task: 'answer' })).toThrow(
      'fb.jsonl:1: reference: required',
    );
    const qa = importFeedback({
      ...base,
      lines: [line({ input: 'q?', reference: 'a.' }, 1)],
      task: 'answer',
    });
    expect(JSON.parse(qa.cases[0])).toMatchObject({ question: 'q?', reference: 'a.' });
  });
});
