// Starts the example service on a free port with a token, runs `evalgate eval --gate` against
// it, and stops the service. The token only ever lives in this process's environment.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startRagService } from './app/rag-service.mjs';

const token = randomBytes(16).toString('hex');
const service = await startRagService({ token });
const bin = path.join(import.meta.dirname, 'node_modules/evalgate/dist/cli/main.js');
const child = spawn(
  process.execPath,
  [bin, 'eval', '--gate', '--no-experiment-log', ...process.argv.slice(2)],
  {
    cwd: import.meta.dirname,
    stdio: 'inherit',
    env: { ...process.env, APP_URL: service.url, APP_TOKEN: token },
  },
);
const code = await new Promise((resolve) => child.on('close', resolve));
await service.close();
process.exitCode = code ?? 1;
