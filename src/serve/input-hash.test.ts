import { describe, expect, it } from 'vitest';
import { sha256 } from '../core/hash.js';
import { createRng } from '../core/rng.js';
import { feedbackF1 } from '../feedback/feedback-f1.js';
import { inferenceRecord } from './inference-record.js';
import { createInputHasher, KEYED_PREFIX } from './input-hash.js';

const KEY = 'canary-hash-key-7f3a';

describe('input hashes in the inference log', () => {
  it('is the plain SHA-256 without a key, and a keyed HMAC with one', () => {
    expect(createInputHasher(undefined)('cancel my order')).toBe(sha256('cancel my order'));
    const keyed = createInputHasher(KEY)('cancel my order');
    expect(keyed.startsWith(KEYED_PREFIX)).toBe(true);
    // A guess hashed without the key does not match: the point of the key.
    expect(keyed).not.toContain(sha256('cancel my order'));
    expect(createInputHasher('another key')('cancel my order')).not.toBe(keyed);
    // Known HMAC-SHA-256 vector (RFC 4231, test case 2).
    expect(createInputHasher('Jefe')('what do ya want for nothing?')).toBe(
      `${KEYED_PREFIX}5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843`,
    );
  });

  it('writes neither the key nor the input into a log line', () => {
    const line = JSON.stringify(
      inferenceRecord({
        time: 0,
        requestId: 'r1',
        route: 'classify',
        text: 'my secret question',
        hashInput: createInputHasher(KEY),
        logInputs: false,
        status: 'ok',
        served: null,
        features: null,
        suite: { name: 'intent', model: 'm', promptVersion: null, promptHash: null },
        latencyMs: 1,
        manifestHash: 'h',
      }),
    );
    expect(line).not.toContain(KEY);
    expect(line).not.toContain('my secret question');
    expect(line).toContain(KEYED_PREFIX);
  });

  it('feedback matches a keyed log only when hashed with the same key', () => {
    const record = inferenceRecord({
      time: 0,
      requestId: 'r1',
      route: 'classify',
      text: 'where is my parcel',
      hashInput: createInputHasher(KEY),
      logInputs: false,
      status: 'ok',
      served: null,
      features: null,
      suite: { name: 'intent', model: 'm', promptVersion: null, promptHash: null },
      latencyMs: 1,
      manifestHash: 'h',
    });
    const run = (hashInput?: (t: string) => string) =>
      feedbackF1({
        feedback: [{ input: 'where is my parcel', label: 'track' }],
        records: [{ ...record, label: 'track' }],
        labels: ['track', 'cancel'],
        evalF1: 0.9,
        rng: createRng(1),
        replicates: 10,
        hashInput,
      }).matched;
    expect(run(createInputHasher(KEY))).toBe(1);
    expect(run(undefined)).toBe(0);
    expect(run(createInputHasher('wrong key'))).toBe(0);
  });
});
