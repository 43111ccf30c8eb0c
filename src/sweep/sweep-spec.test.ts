// Reading and checking a sweep: every bad path or value is one line naming the sweep file, the
// line and the field, before anything runs.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config.js';
import { InputError } from '../core/errors.js';
import { expandVariants } from './expand-variants.js';
import { parseSweepSpec } from './sweep-spec.js';
import { validateSweep } from './validate-variants.js';

const CONFIG = `name: t
providers: [local/extractive]
rag:
  chunking: { size: 220, overlap: 40 }
  retrieve: { k: 5 }
suites:
  - name: qa
    task: rag-qa
    prompt: answer@v1
    cases: qa.jsonl
`;

function check(sweepText: string): ReturnType<typeof validateSweep> {
  const spec = parseSweepSpec(sweepText, 'sweep.yaml');
  return validateSweep({
    spec,
    variants: expandVariants(spec),
    configText: CONFIG,
    configFile: 'eval/evalgate.yaml',
    configAbsolute: '/p/eval/evalgate.yaml',
    env: {},
  });
}

function errorOf(sweepText: string): InputError {
  try {
    check(sweepText);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('sweep spec', () => {
  it("is read by the sweep and left out of an eval's config and its hash", () => {
    const plain = parseConfig({ text: CONFIG, file: 'c.yaml', env: {} });
    const withSweep = parseConfig({
      text: `${CONFIG}sweep:\n  rag.retrieve.k: [3]\nsweep_variants:\n  - { name: a, set: { rag.retrieve.k: 2 } }\n`,
      file: 'c.yaml',
      env: {},
    });
    expect(withSweep.hash).toBe(plain.hash);
    expect(withSweep.config).toEqual(plain.config);
  });

  it('expands the grid in the order written, after the reference, then named variants', () => {
    const variants = check(`sweep:
  rag.chunking.size: [160, 300]
  rag.retrieve.k: [3, 5]
sweep_variants:
  - name: dense
    set: { rag.retrieve.mode: dense }
`);
    expect(variants.map((v) => v.name)).toEqual([
      'reference',
      'size=160,k=3',
      'size=160,k=5',
      'size=300,k=3',
      'size=300,k=5',
      'dense',
    ]);
    expect(variants[2].loaded.config.rag?.chunking.size).toBe(160);
    expect(variants[2].loaded.config.rag?.retrieve.k).toBe(5);
    // The overrides are part of the validated config, so of its hash.
    expect(new Set(variants.map((v) => v.loaded.hash)).size).toBe(6);
    expect(variants[0].loaded.config.rag?.chunking.size).toBe(220);
  });

  it('reports an unknown path at its line, exit 2', () => {
    const e = errorOf('# grid\nsweep:\n  rag.chunking.size: [160]\n  rag.retreive.k: [3, 5]\n');
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('sweep.yaml:4: sweep.rag.retreive.k: 3: rag.retreive: unknown field');
  });

  it('reports an invalid value with the schema rule it breaks', () => {
    const e = errorOf('sweep:\n  rag.retrieve.mode: [bm25, semantic]\n');
    expect(e.message).toMatch(
      /^sweep\.yaml:2: sweep\.rag\.retrieve\.mode: semantic: rag\.retrieve\.mode: expected one of/,
    );
    const k = errorOf('sweep:\n  rag.retrieve.k: [3, 0]\n');
    expect(k.message).toMatch(/^sweep\.yaml:2: sweep\.rag\.retrieve\.k: 0: rag\.retrieve\.k: /);
  });

  it("reports a named variant's path at the line under set, and a selector that matches nothing", () => {
    const e = errorOf(`sweep_variants:
  - name: v2
    set:
      suites[qa].prompt: answer@v2
  - name: bad
    set:
      suites[support].prompt: answer@v2
`);
    expect(e.message).toBe(
      'sweep.yaml:7: sweep_variants.bad.set.suites[support].prompt: answer@v2: suites[support].prompt: no suites entry with name "support" (declared: qa)',
    );
  });

  it('catches values that are valid alone but not together (overlap ≥ size)', () => {
    const e = errorOf('sweep:\n  rag.chunking.size: [30, 220]\n');
    expect(e.message).toMatch(
      /^sweep\.yaml:2: sweep\.rag\.chunking\.size: 30: rag\.chunking\.overlap: overlap must be smaller than size/,
    );
  });

  it('refuses an empty sweep, a repeated value and a variant called reference', () => {
    expect(errorOf('name: x\n').message).toMatch(/^sweep\.yaml: sweep: no sweep: block/);
    expect(errorOf('sweep:\n  rag.retrieve.k: [3, 3]\n').message).toBe(
      'sweep.yaml:2: sweep.rag.retrieve.k: value 3 is listed twice',
    );
    expect(errorOf('sweep_variants:\n  - name: reference\n    set: { rag.retrieve.k: 3 }\n').message).toMatch(
      /"reference" names the current config/,
    );
    expect(errorOf('sweep:\n  rag.retrieve.k: 3\n').message).toMatch(
      /^sweep\.yaml:2: sweep\.rag\.retrieve\.k: /,
    );
  });
});
