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
  it('sets the flag when the user did not', () => {
    const out = tune({ execArgv: ['--enable-source-maps'], nodeOptions: '--trace-warnings' });
    expect(out.applied).toEqual(['--heap-growing-percent=50']);
    expect(out.left).toEqual([]);
    expect(out.calls).toEqual(['--heap-growing-percent=50']);
  });

  it("leaves a flag the user set on node's command line or in NODE_OPTIONS, in either spelling", () => {
    for (const out of [
      tune({ execArgv: ['--heap_growing_percent=200'] }),
      tune({ nodeOptions: '--max-old-space-size=4096  --Heap-Growing-Percent=10' }),
    ]) {
      expect(out.calls).toEqual([]);
      expect(out.left).toEqual(ALL);
    }
  });

  it('sets nothing when turned off', () => {
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
  // A preload that, when the CLI exits, keeps a live set and churns objects that live long
  // enough to reach the old generation (what a run's phases do), and prints the largest old
  // space V8 allowed meanwhile.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evalgate-heap-tuning-'));
  const probe = path.join(dir, 'probe.mjs');
  writeFileSync(
    probe,
    `import v8 from 'node:v8';
process.on('exit', () => {
  const live = [];
  for (let i = 0; i < 150000; i++) live.push({ i, s: 'live' + i, a: [i, i + 1] });
  const ring = new Array(50000);
  let max = 0;
  for (let round = 0; round < 60; round++) {
    for (let i = 0; i < 50000; i++) ring[i] = { round, i, s: 'g' + i + ':' + round, a: [i] };
    const old = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space');
    max = Math.max(max, old.space_size);
  }
  process.stdout.write('old=' + max + '\\n');
});
`,
  );
  const oldBytes = (env: Record<string, string>, nodeFlags: string[] = []): number => {
    const run = spawnSync(
      process.execPath,
      // V8 leaves up to 4x slack only with a heap limit of 2 GB or more (about 2x below), and
      // node's default limit is a quarter of the machine's memory: pin it, so CI runners agree.
      [
        '--max-old-space-size=4096',
        ...nodeFlags,
        '--import',
        probe,
        BUILT_CLI,
        'eval',
        '--config',
        path.join(dir, 'missing.yaml'),
      ],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2); // the missing config: a clear input error, probe still runs
    return Number(/old=(\d+)/.exec(run.stdout)?.[1]);
  };

  it('collects the old generation sooner; off (or a user flag) leaves V8 its default slack', () => {
    const tuned = oldBytes({});
    expect(tuned).toBeLessThan(0.8 * oldBytes({ EVALGATE_HEAP_TUNING: 'off' }));
    expect(tuned).toBeLessThan(0.8 * oldBytes({}, ['--heap-growing-percent=400']));
  });
});
