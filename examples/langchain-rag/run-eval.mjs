// Starts the fake OpenAI server, points the chain at it, and runs `evalgate eval --gate`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startFakeOpenAI } from './app/fake-openai.mjs';

const server = await startFakeOpenAI();
const bin = path.join(import.meta.dirname, 'node_modules/evalgate/dist/cli/main.js');
const child = spawn(
  process.execPath,
  [bin, 'eval', '--gate', '--no-experiment-log', ...process.argv.slice(2)],
  {
    cwd: import.meta.dirname,
    stdio: 'inherit',
    env: { ...process.env, OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'fake-key-for-the-local-server' },
  },
);
const code = await new Promise((resolve) => child.on('close', resolve));
await server.close();
process.exitCode = code ?? 1;
