// The floor under the harness benchmark: CPU per request for the same number of chat requests,
// at the same concurrency, against the same fake server process, with no harness around them.
// `--client http` sends bare keep-alive node:http POSTs; `--client sdk` goes through the `openai`
// SDK with evalgate's lean fetch (what the openai provider uses). The CPU counted is this
// process's, from the first request to the last (module loading excluded). Prints one JSON line.
//   node bench/http-floor-bench.js --url http://127.0.0.1:PORT/v1 [--client http|sdk] [--requests 2000] [--concurrency 8]
import http from 'node:http';
import { performance } from 'node:perf_hooks';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const url = arg('--url');
const client = arg('--client', 'http');
const requests = Number(arg('--requests', 2000));
const concurrency = Number(arg('--concurrency', 8));
if (!url) {
  process.stderr.write('usage: node bench/http-floor-bench.js --url <base url> [--client http|sdk]\n');
  process.exit(2);
}

// About the size of one rendered bench prompt.
const passage =
  'The retention period of the Aurora-42 backup vault is 30 days. It was introduced in release 3.1. ' +
  'Admins can change this from the workspace settings page. The setting applies to every member of the workspace.';
const messages = (i) => [
  { role: 'system', content: 'Answer from the passage only, in one short sentence.' },
  {
    role: 'user',
    content: `Passage:\n[context#0]\n${passage}\n\nQuestion: What is the retention period of case ${i}?\nAnswer:`,
  },
];

let send;
if (client === 'sdk') {
  const { default: OpenAI } = await import('openai');
  const { createLeanFetch } = await import('../dist/providers/lean-fetch.js');
  const openai = new OpenAI({
    apiKey: 'bench-dummy-key',
    baseURL: url,
    maxRetries: 0,
    fetch: createLeanFetch(),
    logLevel: 'off',
    organization: null,
    project: null,
  });
  send = (i) =>
    openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: messages(i),
      temperature: 0,
      max_tokens: 64,
    });
} else {
  const agent = new http.Agent({ keepAlive: true });
  const target = new URL(`${url}/chat/completions`);
  send = (i) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({
        model: 'gpt-4o-mini',
        messages: messages(i),
        temperature: 0,
        max_tokens: 64,
      });
      const req = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: 'Bearer bench-dummy-key',
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

const cpu0 = process.cpuUsage();
const t0 = performance.now();
let next = 0;
const worker = async () => {
  while (next < requests) await send(next++);
};
await Promise.all(Array.from({ length: concurrency }, worker));
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    bench: 'http-floor',
    client,
    requests,
    concurrency,
    wallMs: Math.round(wallMs),
    cpuMsPerRequest: Math.round(((cpu.user + cpu.system) / 1000 / requests) * 1000) / 1000,
  }),
);
process.exit(0);
