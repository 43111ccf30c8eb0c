// `evalgate monitor` as a process (built CLI): writes the report and exits 1 on an alert, 0
// without one; the report names the window and each signal's verdict.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'dist/cli/main.js');

function line(i: number, status: 'ok' | 'error') {
  return JSON.stringify({
    time: new Date(Date.UTC(2026, 11, 1, 0, 0, i)).toISOString(),
    request_id: `r${i}`,
    route: 'classify',
    suite: 'unreferenced',
    status,
    input_hash: 'h',
    input_length: 40,
    output: null,
    label: status === 'ok' ? 'billing' : null,
    confidence: status === 'ok' ? 0.8 : null,
    needs_review: status !== 'ok',
    latency_ms: 5,
    model: 'local/extractive',
    prompt_version: 'intent@v1#da010f7b',
    manifest_hash: 'm',
    retrieved_docs: [],
    top_score: null,
  });
}

async function monitor(lines: string[]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-monitor-cli-'));
  const log = path.join(dir, 'inference.jsonl');
  await writeFile(log, `${lines.join('\n')}\n`);
  const out = path.join(dir, 'monitoring.md');
  const run = spawnSync(process.execPath, [MAIN, 'monitor', '--log', log, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, report: await readFile(out, 'utf8').catch(() => '') };
}

describe('evalgate monitor (CLI)', () => {
  it('exits 1 and names the alert when the error rate is above its ceiling', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => line(i, i % 10 === 0 ? 'error' : 'ok'));
    const { code, stdout, report } = await monitor(lines);
    expect(code).toBe(1);
    expect(stdout).toContain('ALERT unreferenced · error rate');
    expect(report).toContain('**Window:** 2026-12-01T00:00:00.000Z → 2026-12-01T00:00:59.000Z · 60 requests');
    expect(report).toMatch(
      /\| unreferenced \| error rate \(timeouts, model errors\) \| 10\.00 % \(6 of 60\) .*\*\*ALERT\*\* \|/,
    );
    // A suite the baseline never evaluated is not assessed for drift, not passed.
    expect(report).toMatch(/\| unreferenced \| drift signals \|.*not assessed \|/);
  }, 30_000);

  it('exits 0 when nothing alerts', async () => {
    const { code, report } = await monitor(Array.from({ length: 60 }, (_, i) => line(i, 'ok')));
    expect(code).toBe(0);
    expect(report).toContain('**Verdict:** no alerts');
  }, 30_000);
});
