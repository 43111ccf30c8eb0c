// `npm run examples`: installs each example's own dependencies (from its lockfile) and runs its
// evaluation with the gate, against the evalgate built in this repository (`npm run build`
// first; the examples link it with `file:../..`). Fails when any example fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const EXAMPLES = ['http-app', 'langchain-rag'];
const only = process.argv.slice(2);
let failed = 0;
for (const name of EXAMPLES.filter((e) => only.length === 0 || only.includes(e))) {
  const cwd = path.join(import.meta.dirname, name);
  const run = (args) => spawnSync('npm', args, { cwd, stdio: 'inherit' }).status;
  console.log(`\n== examples/${name}`);
  const install = existsSync(path.join(cwd, 'package-lock.json')) ? ['ci'] : ['install'];
  if (run([...install, '--no-audit', '--no-fund']) !== 0 || run(['run', 'eval']) !== 0) {
    console.error(`examples/${name} failed`);
    failed++;
  }
}
process.exitCode = failed > 0 ? 1 : 0;
