// Install cost, as a newcomer pays it: `npm ci` in a clean clone of the committed HEAD, timed,
// and the size of node_modules with and without dev dependencies. Prints one JSON line.
//   node bench/install-bench.js [--warm-cache]
// By default npm gets an empty cache directory, so every tarball is downloaded from the
// registry (the slowest case); --warm-cache uses the user's npm cache instead. The clones and
// caches live under os.tmpdir() and are removed on exit.
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './child-processes.js';

const warmCache = process.argv.includes('--warm-cache');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'evalgate-install-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

function cloneHead(name) {
  const dir = path.join(scratch, name);
  execFileSync('git', ['clone', '-q', REPO_ROOT, dir]);
  return dir;
}

/** Runs `npm ci` with the given extra flags; returns its wall time in ms. */
function npmCi(dir, flags) {
  const cache = warmCache ? [] : ['--cache', mkdtempSync(path.join(scratch, 'npm-cache-'))];
  const started = performance.now();
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error', ...cache, ...flags], {
    cwd: dir,
    encoding: 'utf8',
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`npm ci ${flags.join(' ')} failed in ${dir}:\n${result.stderr}`);
  return wallMs;
}

/** Disk usage like `du`: allocated blocks, each inode once (npm may hard-link). */
function diskUsageBytes(root) {
  const seen = new Set();
  let bytes = 0;
  const visit = (p) => {
    const stat = lstatSync(p);
    if (seen.has(stat.ino)) return;
    seen.add(stat.ino);
    bytes += stat.blocks * 512;
    if (stat.isDirectory()) for (const entry of readdirSync(p)) visit(path.join(p, entry));
  };
  visit(root);
  return bytes;
}

const full = cloneHead('full');
const fullMs = npmCi(full, []);
const fullBytes = diskUsageBytes(path.join(full, 'node_modules'));
const production = cloneHead('production');
const productionMs = npmCi(production, ['--omit=dev']);
const productionBytes = diskUsageBytes(path.join(production, 'node_modules'));

process.stdout.write(
  `${JSON.stringify({
    bench: 'install',
    cache: warmCache ? 'warm' : 'empty',
    npm: execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim(),
    full: { wallMs: Math.round(fullMs), nodeModulesBytes: fullBytes },
    production: { wallMs: Math.round(productionMs), nodeModulesBytes: productionBytes },
  })}\n`,
);
