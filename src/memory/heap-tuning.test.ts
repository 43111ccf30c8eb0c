// The CLI's heap tuning: which flags it sets (and leaves to the user), and that V8 honours them
// when they are set after start-up, in the real `evalgate eval` process.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_CLI } from '../cli/__fixtures__/run-built-cli.js';
import { HEAP_TUNING_FLAGS, tuneHeapForRuns } from './heap-tuning.js';

const ALL = HEAP_TUNING_FLAGS.map((f) => f.flag);

function tune(options: { execArgv?: string[]; nodeOptions?: string; setting?: string }) {
  const calls: string[] = [];
  const outcome = tuneHeapForRuns({
    execArgv: options.execArgv ?? [],
    nodeOptions: options.nodeOptions,
    setting: options.setting,
    setFlags: (flags) => calls.push(flags),
  });
  return { ...outcome, calls };
}

describe('tuneHeapForRuns', () => {
  it('sets both flags in one call when the user set none', () => {
    const out = tune({ execArgv: ['--enable-source-maps'], nodeOptions: '--trace-warnings' });
    expect(out.applied).toEqual(['--heap-growing-percent=50', '--semi-space-growth-factor=1']);
    expect(out.left).toEqual([]);
    expect(out.calls).toEqual(['--heap-growing-percent=50 --semi-space-growth-factor=1']);
  });

  it("leaves a flag the user set on node's command line, in either spelling", () => {
    const out = tune({ execArgv: ['--heap_growing_percent=200'] });
    expect(out.applied).toEqual(['--semi-space-growth-factor=1']);
    expect(out.calls).toEqual(['--semi-space-growth-factor=1']);
  });

  it('leaves the young generation alone when NODE_OPTIONS sizes the semi-spaces', () => {
    const out = tune({ nodeOptions: '--max-old-space-size=4096  --max-semi-space-size=64' });
    expect(out.applied).toEqual(['--heap-growing-percent=50']);
    expect(out.left).toEqual(['--semi-space-growth-factor=1']);
  });

  it('sets nothing when the user set both, or turned the tuning off', () => {
    const both = tune({ nodeOptions: '--heap-growing-percent=10 --Semi-Space-Growth-Factor=2' });
    expect(both.calls).toEqual([]);
    expect(both.left).toEqual(ALL);
    for (const setting of ['off', ' OFF ']) {
      const off = tune({ setting });
      expect(off.calls).toEqual([]);
      expect(off.left).toEqual(ALL);
    }
    // Anything else is not a way to turn it off.
    expect(tune({ setting: 'on' }).calls).toHaveLength(1);
  });
});

describe('the eval process', () => {
  // A preload that, when the CLI exits, churns short-lived objects with a surviving window (what
  // a run does) and prints how large V8 let the young generation grow.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evalgate-heap-tuning-'));
  const probe = path.join(dir, 'probe.mjs');
  writeFileSync(
    probe,
    `import v8 from 'node:v8';
process.on('exit', () => {
  const keep = new Array(20000);
  for (let i = 0; i < 300000; i++) keep[i % 20000] = { i, s: 'v' + i };
  const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  process.stdout.write('young=' + young.space_size + '\\n');
});
`,
  );
  const youngBytes = (env: Record<string, string>): number => {
    const run = spawnSync(
      process.execPath,
      ['--import', probe, BUILT_CLI, 'eval', '--config', path.join(dir, 'missing.yaml')],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2); // the missing config: a clear input error, probe still runs
    return Number(/young=(\d+)/.exec(run.stdout)?.[1]);
  };

  it('keeps the young generation at its initial size; off (or a user flag) lets V8 grow it', () => {
    const MB = 1024 * 1024;
    expect(youngBytes({})).toBeLessThanOrEqual(2 * MB);
    expect(youngBytes({ EVALGATE_HEAP_TUNING: 'off' })).toBeGreaterThan(4 * MB);
    expect(youngBytes({ NODE_OPTIONS: '--max-semi-space-size=16' })).toBeGreaterThan(4 * MB);
  });
});
