// `evalgate init` scaffolds a project that evaluates offline out of the box, and
// `evalgate export trec` writes run and qrels files in the format trec_eval reads.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('evalgate init + export trec', () => {
  it('scaffolds, evaluates offline, refuses to overwrite, and exports TREC files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-init-'));
    const init = await run(['init'], dir);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('eval/evalgate.yaml');
    const again = await run(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('evalgate: eval/evalgate.yaml: already exists (use --force to overwrite)\n');

    const evaluated = await run(['eval', '--no-experiment-log'], dir);
    expect(evaluated.stderr).not.toContain('internal error');
    expect(evaluated.code).toBe(0);

    const exported = await run(['export', 'trec'], dir);
    expect(exported.code).toBe(0);
    const runDir = path.join(dir, 'reports/runs', (await readdir(path.join(dir, 'reports/runs')))[0]);
    const runLines = (await readFile(path.join(runDir, 'trec.run'), 'utf8')).trim().split('\n');
    const qrels = (await readFile(path.join(runDir, 'trec.qrels'), 'utf8')).trim().split('\n');
    // qid Q0 docno rank score tag; scores strictly decrease with rank within a topic.
    const first = runLines.filter((l) => l.startsWith('answers/a-01 ')).map((l) => l.split(' '));
    expect(first[0].slice(0, 4)).toEqual(['answers/a-01', 'Q0', first[0][2], '1']);
    expect(first.map((f) => Number(f[4]))).toEqual([...first.map((f) => Number(f[4]))].sort((a, b) => b - a));
    expect(qrels).toContain('answers/a-01 0 plans.md 1');
  });
});
