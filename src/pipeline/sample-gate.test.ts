// Issue 5's "done when", on a copy of the bundled sample project: accept a baseline, then a
// worse prompt fails the gate with the regressed metric named, and a cosmetic prompt edit
// passes. The offline model honours the prompt's max_tokens, so a prompt change can hurt it.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBaseline, serializeBaseline } from '../run/baseline.js';
import { evaluate } from './evaluate.js';

const REPO = path.resolve(import.meta.dirname, '../..');

async function copySample(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'evalgate-sample-gate-'));
  for (const dir of ['eval', 'prompts', 'rag', 'test_cases'])
    await cp(path.join(REPO, dir), path.join(root, dir), { recursive: true });
  return root;
}

describe('the gate on the sample project', () => {
  it('fails a prompt that answers worse and passes a cosmetic edit', async () => {
    const root = await copySample();
    const configPath = path.join(root, 'eval/evalgate.yaml');
    const suites = ['support-qa'];
    const first = await evaluate({ configPath, env: {}, suites });
    expect(first.record.gate.status).toBe('pass');
    await writeFile(
      path.join(root, 'reports/baseline.json'),
      serializeBaseline(buildBaseline(first.record, first.results, 'now')),
    );

    const promptFile = path.join(root, 'prompts/support-answer/v2.md');
    const original = await readFile(promptFile, 'utf8');
    await writeFile(
      promptFile,
      original.replace(/^description: .*$/m, 'description: Same prompt, reworded description.'),
    );
    const cosmetic = await evaluate({ configPath, env: {}, suites });
    expect(cosmetic.record.changes.prompts.map((p) => p.id)).toEqual(['support-answer']);
    expect(cosmetic.record.gate.status).toBe('pass');

    await writeFile(promptFile, original.replace(/^max_tokens: \d+$/m, 'max_tokens: 12'));
    const worse = await evaluate({ configPath, env: {}, suites });
    expect(worse.record.gate.status).toBe('fail');
    const regression = worse.record.gate.failures.find(
      (f) => f.kind === 'regression' && f.metric === 'answer.f1',
    );
    expect(regression?.message).toMatch(
      /^regressed: baseline 0\.\d{3} → candidate 0\.\d{3} \(Δ -0\.\d{3}, 95% CI .*; one-sided p = .* ≤ .*, the level after multiplicity correction; allowed drop 0\.02\)$/,
    );
  }, 90_000);
});
