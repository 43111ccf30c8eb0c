// The fake OpenAI server in a process of its own, so that a benchmarked eval process's CPU time
// and memory are its own. Usage (after `npm run build`):
//   node bench/fake-server-process.js [--latency <ms>]
// Prints one JSON line `{"url": "http://127.0.0.1:PORT/v1"}` once listening. Reads commands from
// stdin, one per line: `count` prints `{"count": <chat requests so far>}`, `reset` zeroes the
// counter and prints the same. Exits when stdin closes, so it never outlives its parent.
import { createInterface } from 'node:readline';
import { startFakeOpenAIServer } from '../dist/testing/index.js';

const latencyArg = process.argv.indexOf('--latency');
const latencyMs = latencyArg > 0 ? Number(process.argv[latencyArg + 1]) : 0;
if (!Number.isFinite(latencyMs) || latencyMs < 0) {
  process.stderr.write(`fake-server-process: bad --latency "${process.argv[latencyArg + 1]}"\n`);
  process.exit(2);
}

let count = 0;
const server = await startFakeOpenAIServer({
  latencyMs,
  // Don't keep 2,000 request bodies around: only count them.
  record: false,
  reply: (request) => {
    count++;
    const messages = request.body?.messages ?? [];
    const user = [...messages].reverse().find((m) => m.role === 'user');
    const text = typeof user?.content === 'string' ? user.content : '';
    // A short, deterministic answer: the first sentence of the passage the prompt carried.
    const passage = /\[context#0\]\n([^\n]+)/.exec(text)?.[1] ?? text;
    return passage.split(/(?<=\.)\s/)[0].slice(0, 200);
  },
});

process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await server.close();
  process.exit(0);
};
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const command = line.trim();
  if (command === 'reset') count = 0;
  if (command === 'count' || command === 'reset') process.stdout.write(`${JSON.stringify({ count })}\n`);
});
lines.on('close', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
